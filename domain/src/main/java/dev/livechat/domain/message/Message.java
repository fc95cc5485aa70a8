package dev.livechat.domain.message;

import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.VisitorToken;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One stored message of a room (contract 2.3). Messages are never edited, so {@code _updatedAt} equals {@code ts}.
 *
 * @param id           message id
 * @param rid          the room
 * @param msg          the text ({@code ""} for most system messages)
 * @param type         the kind of message
 * @param ts           when it was written, in whole milliseconds
 * @param author       {@code u}
 * @param visitorToken the sending visitor's token: set on visitor text messages and on a visitor's close message
 * @param alias        the visitor's name on visitor text messages, else null
 * @param transferData set on {@link MessageType#TRANSFER_HISTORY} only
 */
public record Message(MessageId id, RoomId rid, String msg, MessageType type, Instant ts, MessageAuthor author,
                      VisitorToken visitorToken, String alias, TransferData transferData) {

    /** Longest accepted message text (contract 1.15). */
    public static final int MAX_TEXT_LENGTH = 20_000;

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rid, "rid");
        Objects.requireNonNull(msg, "msg");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(author, "author");
        if (ts.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("message ts must be in whole milliseconds");
        }
        if (type == MessageType.TRANSFER_HISTORY && transferData == null) {
            throw new IllegalArgumentException("a transfer history message needs transferData");
        }
    }

    /** A visitor text message; its token marks it as the visitor's. */
    public static Message visitorText(MessageId id, RoomId rid, String text, Instant ts, MessageAuthor visitor,
                                      VisitorToken token) {
        return new Message(id, rid, text, MessageType.TEXT, ts, visitor, Objects.requireNonNull(token, "token"),
                visitor.name(), null);
    }

    /** An agent text message. */
    public static Message agentText(MessageId id, RoomId rid, String text, Instant ts, MessageAuthor agent) {
        return new Message(id, rid, text, MessageType.TEXT, ts, agent, null, null, null);
    }

    /** A system message without a token ({@code livechat-started}, {@code command}, {@code uj}, {@code ul}, agent close). */
    public static Message system(MessageType type, MessageId id, RoomId rid, String text, Instant ts, MessageAuthor author) {
        if (!type.isSystem()) {
            throw new IllegalArgumentException("not a system type: " + type);
        }
        return new Message(id, rid, text, type, ts, author, null, null, null);
    }

    /** The {@code livechat-close} message; {@code visitorToken} is set when the visitor closed. */
    public static Message close(MessageId id, RoomId rid, String comment, Instant ts, MessageAuthor closer,
                                VisitorToken visitorToken) {
        return new Message(id, rid, comment, MessageType.LIVECHAT_CLOSE, ts, closer, visitorToken, null, null);
    }

    /** The {@code livechat_transfer_history} message written by a forward. */
    public static Message transferHistory(MessageId id, RoomId rid, Instant ts, MessageAuthor by, TransferData data) {
        return new Message(id, rid, "", MessageType.TRANSFER_HISTORY, ts, by, null, null, data);
    }

    /** A visitor text message (no {@code t}, has a token). */
    public boolean isVisitorText() {
        return type == MessageType.TEXT && visitorToken != null;
    }

    /** An agent text message (no {@code t}, no token). */
    public boolean isAgentText() {
        return type == MessageType.TEXT && visitorToken == null;
    }

    /** Whether {@code searchChats} looks at this message's text: visitor and agent text, and the closing comment. */
    public boolean isSearchable() {
        return type == MessageType.TEXT || type == MessageType.LIVECHAT_CLOSE;
    }

    /**
     * The lines of the text as the plain-paragraph {@code md} renders them: split at {@code \n}, a trailing {@code \r}
     * of a line dropped; an empty line is an empty paragraph.
     */
    public List<String> paragraphs() {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = msg.indexOf('\n', start);
            String line = end < 0 ? msg.substring(start) : msg.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            lines.add(line);
            if (end < 0) {
                return lines;
            }
            start = end + 1;
        }
    }
}
