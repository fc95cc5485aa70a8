package dev.livechat.application.testing;

import dev.livechat.application.port.out.AgentRouting;
import dev.livechat.application.port.out.ConcurrentUpdateException;
import dev.livechat.application.port.out.DepartmentRepository;
import dev.livechat.application.port.out.InquiryRepository;
import dev.livechat.application.port.out.LoginTokenRepository;
import dev.livechat.application.port.out.MessageRepository;
import dev.livechat.application.port.out.RoomRepository;
import dev.livechat.application.port.out.TransactionRunner;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.application.port.out.UniqueConstraintViolation.Constraint;
import dev.livechat.application.port.out.UserRepository;
import dev.livechat.application.port.out.VisitorChatSearch;
import dev.livechat.application.port.out.VisitorRepository;
import dev.livechat.application.port.out.StorePorts;
import dev.livechat.domain.department.Department;
import dev.livechat.domain.department.DepartmentAgent;
import dev.livechat.domain.department.DepartmentSortField;
import dev.livechat.domain.inquiry.Inquiry;
import dev.livechat.domain.inquiry.InquirySortField;
import dev.livechat.domain.inquiry.InquiryStatus;
import dev.livechat.domain.message.Message;
import dev.livechat.domain.message.MessageType;
import dev.livechat.domain.message.SearchText;
import dev.livechat.domain.room.Room;
import dev.livechat.domain.room.RoomSnapshot;
import dev.livechat.domain.room.RoomSortField;
import dev.livechat.domain.routing.AgentCandidate;
import dev.livechat.domain.shared.DepartmentId;
import dev.livechat.domain.shared.InquiryId;
import dev.livechat.domain.shared.MessageId;
import dev.livechat.domain.shared.Page;
import dev.livechat.domain.shared.RoomId;
import dev.livechat.domain.shared.SortKey;
import dev.livechat.domain.shared.UserId;
import dev.livechat.domain.shared.VisitorId;
import dev.livechat.domain.shared.VisitorToken;
import dev.livechat.domain.user.AgentStatus;
import dev.livechat.domain.user.Role;
import dev.livechat.domain.user.User;
import dev.livechat.domain.user.UserSortField;
import dev.livechat.domain.visitor.Visitor;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One in-memory store behind every persistence out-port, for service tests and for running the HTTP server without a
 * database. Every port call is atomic (one re-entrant lock guards all tables); a unit of work of {@link #transactions()} holds
 * that lock from start to end, so units are serialised, nested units join the outer one, and an exception escaping the
 * outer unit undoes all of its writes. The guest counter is a sequence: like a database sequence it is not rolled
 * back, so numbers are never reused.
 */
public final class InMemoryStores {

    private static final Set<MessageType> HIDDEN_FROM_VISITORS =
            Set.of(MessageType.COMMAND, MessageType.USER_JOINED, MessageType.USER_LEFT);

    private final ReentrantLock lock = new ReentrantLock();
    /** Undo actions of the running unit of work, newest first; touched only by the thread holding the lock. */
    private final Deque<Runnable> undoLog = new ArrayDeque<>();
    private int unitDepth;

    private final Table<RoomId, RoomSnapshot> roomTable = new Table<>();
    private final Table<MessageId, Message> messageTable = new Table<>();
    private final Table<VisitorId, Visitor> visitorTable = new Table<>();
    private final Table<UserId, User> userTable = new Table<>();
    private final Table<TokenKey, Instant> tokenTable = new Table<>();
    private final Table<InquiryId, Inquiry> inquiryTable = new Table<>();
    private final Table<DepartmentId, Department> departmentTable = new Table<>();
    private final Table<LinkKey, DepartmentAgentLink> linkTable = new Table<>();
    private final Table<UserId, Instant> lastAssignmentTable = new Table<>();
    private long guestCounter;
    /** Ids of department agent links, which the store hands out (far above the ids tests generate). */
    private final SequentialIdGenerator linkIds = new SequentialIdGenerator(1_000_000_000L);

    private final RoomRepository rooms = new Rooms();
    private final MessageRepository messages = new Messages();
    private final VisitorRepository visitors = new Visitors();
    private final UserRepository users = new Users();
    private final LoginTokenRepository loginTokens = new LoginTokens();
    private final InquiryRepository inquiries = new Inquiries();
    private final DepartmentRepository departments = new Departments();
    private final AgentRouting routing = new Routing();
    private final VisitorChatSearch chatSearch = new ChatSearch();
    private final TransactionRunner tx = new Transactions();

    public RoomRepository rooms() {
        return rooms;
    }

    public MessageRepository messages() {
        return messages;
    }

    public VisitorRepository visitors() {
        return visitors;
    }

    public UserRepository users() {
        return users;
    }

    public LoginTokenRepository loginTokens() {
        return loginTokens;
    }

    public InquiryRepository inquiries() {
        return inquiries;
    }

    public DepartmentRepository departments() {
        return departments;
    }

    public AgentRouting routing() {
        return routing;
    }

    public VisitorChatSearch chatSearch() {
        return chatSearch;
    }

    public TransactionRunner transactions() {
        return tx;
    }

    /** All ports of this store. */
    public StorePorts stores() {
        return new StorePorts(rooms, messages, visitors, users, loginTokens, inquiries, departments, routing, chatSearch,
                tx);
    }

    // ---- inspection for tests: consistent copies, sorted by id ------------------------------------------------------

    public List<RoomSnapshot> allRooms() {
        return locked(() -> sortedBy(roomTable.values(), r -> r.id().value()));
    }

    public List<Message> allMessages() {
        return locked(() -> sortedBy(messageTable.values(), m -> m.id().value()));
    }

    public List<Visitor> allVisitors() {
        return locked(() -> sortedBy(visitorTable.values(), v -> v.id().value()));
    }

    public List<User> allUsers() {
        return locked(() -> sortedBy(userTable.values(), u -> u.id().value()));
    }

    public List<Inquiry> allInquiries() {
        return locked(() -> sortedBy(inquiryTable.values(), i -> i.id().value()));
    }

    /**
     * A copy of every table, keyed by table name: two calls compare equal (with AssertJ's recursive comparison) exactly
     * when nothing was written in between, so that tests can show a failed use case left no trace. The guest counter
     * is a sequence (never rolled back, like a database sequence) and is not part of it.
     */
    public Map<String, Object> contents() {
        return locked(() -> {
            Map<String, Object> tables = new java.util.TreeMap<>();
            tables.put("rooms", new HashMap<>(roomTable.rows));
            tables.put("messages", new HashMap<>(messageTable.rows));
            tables.put("visitors", new HashMap<>(visitorTable.rows));
            tables.put("users", new HashMap<>(userTable.rows));
            tables.put("loginTokens", new HashMap<>(tokenTable.rows));
            tables.put("inquiries", new HashMap<>(inquiryTable.rows));
            tables.put("departments", new HashMap<>(departmentTable.rows));
            tables.put("departmentAgents", new HashMap<>(linkTable.rows));
            tables.put("lastAssignments", new HashMap<>(lastAssignmentTable.rows));
            return tables;
        });
    }

    /** Number of stored login tokens, expired ones included. */
    public int loginTokenCount() {
        return locked(tokenTable::size);
    }

    private static <T> List<T> sortedBy(Collection<T> values, Function<T, String> id) {
        List<T> list = new ArrayList<>(values);
        list.sort(Comparator.comparing(id));
        return List.copyOf(list);
    }

    // ---- machinery -------------------------------------------------------------------------------------------------

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private void lockedRun(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    /** A map whose writes inside a unit of work are journalled so that a failed unit can be undone. */
    private final class Table<K, V> {
        private final Map<K, V> rows = new HashMap<>();

        V get(K key) {
            return rows.get(key);
        }

        boolean containsKey(K key) {
            return rows.containsKey(key);
        }

        Collection<V> values() {
            return rows.values();
        }

        Set<Map.Entry<K, V>> entries() {
            return rows.entrySet();
        }

        int size() {
            return rows.size();
        }

        void put(K key, V value) {
            V old = rows.put(key, value);
            journal(key, old);
        }

        void remove(K key) {
            if (rows.containsKey(key)) {
                V old = rows.remove(key);
                journal(key, old);
            }
        }

        private void journal(K key, V old) {
            if (unitDepth > 0) {
                undoLog.push(() -> {
                    if (old == null) {
                        rows.remove(key);
                    } else {
                        rows.put(key, old);
                    }
                });
            }
        }
    }

    private record TokenKey(UserId userId, String tokenHash) {
    }

    private record LinkKey(DepartmentId departmentId, UserId agentId) {
    }

    private record DepartmentAgentLink(String id, DepartmentId departmentId, UserId agentId, String username,
                                       int count, int order) {

        DepartmentAgent toDomain() {
            return new DepartmentAgent(id, departmentId, agentId, username, count, order);
        }
    }

    private static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static <T> Page<T> page(List<T> sorted, int offset, int count) {
        int from = Math.min(Math.max(offset, 0), sorted.size());
        int to = (int) Math.min((long) from + Math.max(count, 0), sorted.size());
        return new Page<>(sorted.subList(from, to), sorted.size());
    }

    /** Sort keys in order, absent values smallest (first ascending, last descending), then the id ascending. */
    private static <T, F extends Enum<F>> Comparator<T> comparator(List<SortKey<F>> sort,
                                                                   Function<F, Function<T, Comparable<?>>> field,
                                                                   Function<T, String> id) {
        Comparator<T> result = (a, b) -> 0;
        for (SortKey<F> key : sort) {
            Function<T, Comparable<?>> getter = field.apply(key.field());
            @SuppressWarnings({"unchecked", "rawtypes"})
            Comparator<T> one = Comparator.comparing(t -> (Comparable) getter.apply(t),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            result = result.thenComparing(key.ascending() ? one : one.reversed());
        }
        return result.thenComparing(id);
    }

    private static Function<RoomSnapshot, Comparable<?>> roomField(RoomSortField field) {
        return switch (field) {
            case TS -> RoomSnapshot::ts;
            case LM -> RoomSnapshot::lm;
            case CLOSED_AT -> RoomSnapshot::closedAt;
            case UPDATED_AT -> RoomSnapshot::updatedAt;
            case MSGS -> RoomSnapshot::msgs;
            case FNAME -> RoomSnapshot::fname;
        };
    }

    private static Function<Department, Comparable<?>> departmentField(DepartmentSortField field) {
        return switch (field) {
            case NAME -> Department::name;
            case UPDATED_AT -> Department::updatedAt;
        };
    }

    private static Function<Inquiry, Comparable<?>> inquiryField(InquirySortField field) {
        return switch (field) {
            case TS -> Inquiry::ts;
            case UPDATED_AT -> Inquiry::updatedAt;
        };
    }

    private static Function<User, Comparable<?>> userField(UserSortField field) {
        return switch (field) {
            case USERNAME -> User::username;
            case NAME -> u -> u.name().orElse(null);
        };
    }

    private Optional<RoomSnapshot> otherOpenRoomWithToken(VisitorToken token, RoomId except) {
        return roomTable.values().stream()
                .filter(r -> r.open() && r.visitor().token().equals(token) && !r.id().equals(except))
                .findFirst();
    }

    private boolean hasValidToken(UserId userId, Instant now) {
        for (Map.Entry<TokenKey, Instant> e : tokenTable.entries()) {
            if (e.getKey().userId().equals(userId) && e.getValue().isAfter(now)) {
                return true;
            }
        }
        return false;
    }

    // ---- ports -----------------------------------------------------------------------------------------------------

    private final class Transactions implements TransactionRunner {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            Objects.requireNonNull(work, "work");
            lock.lock();
            try {
                if (unitDepth > 0) {
                    unitDepth++;
                    try {
                        return work.get();
                    } finally {
                        unitDepth--;
                    }
                }
                unitDepth = 1;
                boolean committed = false;
                try {
                    T result = work.get();
                    committed = true;
                    return result;
                } finally {
                    unitDepth = 0;
                    if (!committed) {
                        while (!undoLog.isEmpty()) {
                            undoLog.pop().run();
                        }
                    }
                    undoLog.clear();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private final class Rooms implements RoomRepository {
        @Override
        public void insert(RoomSnapshot room) {
            lockedRun(() -> {
                if (roomTable.containsKey(room.id())) {
                    throw new IllegalStateException("room id already stored: " + room.id());
                }
                if (room.open() && otherOpenRoomWithToken(room.visitor().token(), room.id()).isPresent()) {
                    throw new UniqueConstraintViolation(Constraint.OPEN_ROOM_PER_VISITOR);
                }
                roomTable.put(room.id(), room.toBuilder().version(0).build());
            });
        }

        @Override
        public Optional<Room> findById(RoomId id) {
            return locked(() -> Optional.ofNullable(roomTable.get(id)).map(Room::restore));
        }

        @Override
        public Optional<Room> findOpenByVisitorToken(VisitorToken token) {
            return locked(() -> roomTable.values().stream()
                    .filter(r -> r.open() && r.visitor().token().equals(token))
                    .findFirst()
                    .map(Room::restore));
        }

        @Override
        public List<Room> findOpenByVisitorId(VisitorId visitorId) {
            return locked(() -> roomTable.values().stream()
                    .filter(r -> r.open() && r.visitor().id().equals(visitorId))
                    .sorted(Comparator.comparing(RoomSnapshot::ts).thenComparing(r -> r.id().value()))
                    .map(Room::restore)
                    .toList());
        }

        @Override
        public void update(RoomSnapshot room) {
            lockedRun(() -> {
                RoomSnapshot stored = roomTable.get(room.id());
                if (stored == null || stored.version() != room.version()) {
                    throw new ConcurrentUpdateException("room " + room.id());
                }
                if (room.open() && otherOpenRoomWithToken(room.visitor().token(), room.id()).isPresent()) {
                    throw new UniqueConstraintViolation(Constraint.OPEN_ROOM_PER_VISITOR);
                }
                roomTable.put(room.id(), room.toBuilder().version(room.version() + 1).build());
            });
        }

        @Override
        public List<RoomId> findIdsByVisitorId(VisitorId visitorId) {
            return locked(() -> roomTable.values().stream()
                    .filter(r -> r.visitor().id().equals(visitorId))
                    .map(RoomSnapshot::id)
                    .toList());
        }

        @Override
        public void delete(RoomId id) {
            lockedRun(() -> roomTable.remove(id));
        }
    }

    private final class Messages implements MessageRepository {
        @Override
        public void insert(Message message) {
            lockedRun(() -> {
                if (messageTable.containsKey(message.id())) {
                    throw new UniqueConstraintViolation(Constraint.MESSAGE_ID);
                }
                messageTable.put(message.id(), message);
            });
        }

        @Override
        public Optional<Message> findById(MessageId id) {
            return locked(() -> Optional.ofNullable(messageTable.get(id)));
        }

        @Override
        public List<Message> findVisitorVisible(RoomId roomId, Instant before, int offset, int limit) {
            return locked(() -> messageTable.values().stream()
                    .filter(m -> m.rid().equals(roomId))
                    .filter(m -> !HIDDEN_FROM_VISITORS.contains(m.type()))
                    .filter(m -> before == null || m.ts().isBefore(before))
                    .sorted(Comparator.comparing(Message::ts).thenComparing(m -> m.id().value()).reversed())
                    .skip(Math.max(offset, 0))
                    .limit(Math.max(limit, 0))
                    .toList());
        }

        @Override
        public List<Message> findByRoom(RoomId roomId) {
            return locked(() -> messageTable.values().stream()
                    .filter(m -> m.rid().equals(roomId))
                    .sorted(Comparator.comparing(Message::ts).thenComparing(m -> m.id().value()))
                    .toList());
        }

        @Override
        public void deleteByRoomId(RoomId roomId) {
            lockedRun(() -> messageTable.values().stream()
                    .filter(m -> m.rid().equals(roomId))
                    .map(Message::id)
                    .toList()
                    .forEach(messageTable::remove));
        }
    }

    private final class Visitors implements VisitorRepository {
        @Override
        public void insert(Visitor visitor) {
            lockedRun(() -> {
                if (visitorTable.containsKey(visitor.id())) {
                    throw new IllegalStateException("visitor id already stored: " + visitor.id());
                }
                boolean tokenTaken = visitorTable.values().stream().anyMatch(v -> v.token().equals(visitor.token()));
                if (tokenTaken) {
                    throw new UniqueConstraintViolation(Constraint.VISITOR_TOKEN);
                }
                visitorTable.put(visitor.id(), visitor);
            });
        }

        @Override
        public Optional<Visitor> findByToken(VisitorToken token) {
            return locked(() -> visitorTable.values().stream().filter(v -> v.token().equals(token)).findFirst());
        }

        @Override
        public Optional<Visitor> findById(VisitorId id) {
            return locked(() -> Optional.ofNullable(visitorTable.get(id)));
        }

        @Override
        public void update(Visitor visitor) {
            lockedRun(() -> {
                if (visitorTable.containsKey(visitor.id())) {
                    visitorTable.put(visitor.id(), visitor);
                }
            });
        }

        @Override
        public long nextGuestNumber() {
            return locked(() -> ++guestCounter);
        }

        @Override
        public void delete(VisitorId id) {
            lockedRun(() -> visitorTable.remove(id));
        }

        @Override
        public void clearDepartment(DepartmentId department, Instant now) {
            lockedRun(() -> visitorTable.values().stream()
                    .filter(v -> v.department().map(department::equals).orElse(false))
                    .toList()
                    .forEach(v -> visitorTable.put(v.id(), v.withoutDepartment(now))));
        }
    }

    private final class Users implements UserRepository {
        @Override
        public void insert(User user) {
            lockedRun(() -> {
                if (userTable.containsKey(user.id())) {
                    throw new IllegalStateException("user id already stored: " + user.id());
                }
                String username = fold(user.username());
                if (userTable.values().stream().anyMatch(u -> fold(u.username()).equals(username))) {
                    throw new UniqueConstraintViolation(Constraint.USERNAME);
                }
                if (user.email().isPresent()) {
                    String email = fold(user.email().get().address());
                    boolean taken = userTable.values().stream()
                            .anyMatch(u -> u.email().map(e -> fold(e.address()).equals(email)).orElse(false));
                    if (taken) {
                        throw new UniqueConstraintViolation(Constraint.USER_EMAIL);
                    }
                }
                userTable.put(user.id(), user);
            });
        }

        @Override
        public Optional<User> findById(UserId id) {
            return locked(() -> Optional.ofNullable(userTable.get(id)));
        }

        @Override
        public Optional<User> findByUsername(String username) {
            String wanted = fold(username);
            return locked(() -> userTable.values().stream()
                    .filter(u -> fold(u.username()).equals(wanted))
                    .findFirst());
        }

        @Override
        public Optional<User> findByEmail(String email) {
            String wanted = fold(email);
            return locked(() -> userTable.values().stream()
                    .filter(u -> u.email().map(e -> fold(e.address()).equals(wanted)).orElse(false))
                    .findFirst());
        }

        @Override
        public void update(User user) {
            lockedRun(() -> {
                if (userTable.containsKey(user.id())) {
                    userTable.put(user.id(), user);
                }
            });
        }

        @Override
        public boolean existsWithRole(Role role) {
            return locked(() -> userTable.values().stream().anyMatch(u -> u.roles().contains(role)));
        }

        @Override
        public Page<User> findByRole(Role role, String text, List<SortKey<UserSortField>> sort, int offset,
                                     int count) {
            return locked(() -> {
                List<User> matching = userTable.values().stream()
                        .filter(u -> u.roles().contains(role))
                        .filter(u -> text == null
                                || SearchText.containsIgnoreCase(u.username(), text)
                                || u.name().map(n -> SearchText.containsIgnoreCase(n, text)).orElse(false))
                        .sorted(comparator(sort, InMemoryStores::userField, u -> u.id().value()))
                        .toList();
                return page(matching, offset, count);
            });
        }
    }

    private final class LoginTokens implements LoginTokenRepository {
        @Override
        public void insert(UserId userId, String tokenHash, Instant createdAt, Instant expiresAt) {
            lockedRun(() -> tokenTable.put(new TokenKey(userId, tokenHash), expiresAt));
        }

        @Override
        public boolean isValid(UserId userId, String tokenHash, Instant now) {
            return locked(() -> {
                Instant expiresAt = tokenTable.get(new TokenKey(userId, tokenHash));
                return expiresAt != null && expiresAt.isAfter(now);
            });
        }

        @Override
        public void delete(UserId userId, String tokenHash) {
            lockedRun(() -> tokenTable.remove(new TokenKey(userId, tokenHash)));
        }

        @Override
        public Set<UserId> withValidToken(Collection<UserId> userIds, Instant now) {
            Set<UserId> wanted = new HashSet<>(userIds);
            return locked(() -> tokenTable.entries().stream()
                    .filter(e -> wanted.contains(e.getKey().userId()) && e.getValue().isAfter(now))
                    .map(e -> e.getKey().userId())
                    .collect(Collectors.toUnmodifiableSet()));
        }
    }

    private final class Inquiries implements InquiryRepository {
        @Override
        public void insert(Inquiry inquiry) {
            lockedRun(() -> {
                if (inquiryTable.containsKey(inquiry.id())) {
                    throw new IllegalStateException("inquiry id already stored: " + inquiry.id());
                }
                if (inquiryTable.values().stream().anyMatch(i -> i.rid().equals(inquiry.rid()))) {
                    throw new UniqueConstraintViolation(Constraint.INQUIRY_PER_ROOM);
                }
                inquiryTable.put(inquiry.id(), inquiry);
            });
        }

        @Override
        public Optional<Inquiry> findById(InquiryId id) {
            return locked(() -> Optional.ofNullable(inquiryTable.get(id)));
        }

        @Override
        public Optional<Inquiry> findByRoomId(RoomId roomId) {
            return locked(() -> inquiryTable.values().stream().filter(i -> i.rid().equals(roomId)).findFirst());
        }

        @Override
        public void update(Inquiry inquiry) {
            lockedRun(() -> {
                if (inquiryTable.containsKey(inquiry.id())) {
                    inquiryTable.put(inquiry.id(), inquiry);
                }
            });
        }

        @Override
        public void deleteByRoomId(RoomId roomId) {
            lockedRun(() -> inquiryTable.values().stream()
                    .filter(i -> i.rid().equals(roomId))
                    .map(Inquiry::id)
                    .toList()
                    .forEach(inquiryTable::remove));
        }

        @Override
        public Optional<Inquiry> takeIfQueued(InquiryId id, Instant takenAt) {
            return locked(() -> {
                Inquiry stored = inquiryTable.get(id);
                if (stored == null || stored.status() != InquiryStatus.QUEUED) {
                    return Optional.empty();
                }
                Inquiry taken = stored.take(takenAt);
                inquiryTable.put(id, taken);
                return Optional.of(taken);
            });
        }

        @Override
        public Page<Inquiry> findQueued(QueueFilter filter, List<SortKey<InquirySortField>> sort, int offset,
                                        int count) {
            return locked(() -> page(inquiryTable.values().stream()
                    .filter(i -> i.status() == InquiryStatus.QUEUED)
                    .filter(i -> i.department() == null
                            ? filter.withoutDepartment()
                            : filter.departments().contains(i.department()))
                    .sorted(comparator(sort, InMemoryStores::inquiryField, i -> i.id().value()))
                    .toList(), offset, count));
        }

        @Override
        public void clearDepartment(DepartmentId department, Instant now) {
            lockedRun(() -> inquiryTable.values().stream()
                    .filter(i -> department.equals(i.department()))
                    .toList()
                    .forEach(i -> inquiryTable.put(i.id(), i.inDepartment(null, now))));
        }
    }

    private final class Departments implements DepartmentRepository {
        @Override
        public void insert(Department department) {
            lockedRun(() -> {
                if (departmentTable.containsKey(department.id())) {
                    throw new IllegalStateException("department id already stored: " + department.id());
                }
                if (departmentTable.values().stream().anyMatch(d -> d.name().equals(department.name()))) {
                    throw new UniqueConstraintViolation(Constraint.DEPARTMENT_NAME);
                }
                departmentTable.put(department.id(), department);
            });
        }

        @Override
        public Optional<Department> findById(DepartmentId id) {
            return locked(() -> Optional.ofNullable(departmentTable.get(id)));
        }

        @Override
        public Optional<Department> findByName(String name) {
            return locked(() -> departmentTable.values().stream().filter(d -> d.name().equals(name)).findFirst());
        }

        @Override
        public void addAgent(DepartmentId departmentId, UserId agentId, String username, int count, int order) {
            lockedRun(() -> {
                LinkKey key = new LinkKey(departmentId, agentId);
                if (!linkTable.containsKey(key)) {
                    linkTable.put(key, new DepartmentAgentLink(linkIds.newId(), departmentId, agentId, username, count,
                            order));
                }
            });
        }

        @Override
        public boolean isAgentOf(UserId agentId, DepartmentId departmentId) {
            return locked(() -> linkTable.containsKey(new LinkKey(departmentId, agentId)));
        }

        @Override
        public void removeAgentFromAll(UserId agentId) {
            lockedRun(() -> linkTable.entries().stream()
                    .map(Map.Entry::getKey)
                    .filter(k -> k.agentId().equals(agentId))
                    .toList()
                    .forEach(linkTable::remove));
        }

        @Override
        public void update(Department department) {
            lockedRun(() -> {
                if (!departmentTable.containsKey(department.id())) {
                    return;
                }
                boolean nameTaken = departmentTable.values().stream()
                        .anyMatch(d -> d.name().equals(department.name()) && !d.id().equals(department.id()));
                if (nameTaken) {
                    throw new UniqueConstraintViolation(Constraint.DEPARTMENT_NAME);
                }
                departmentTable.put(department.id(), department);
            });
        }

        @Override
        public void delete(DepartmentId id) {
            lockedRun(() -> {
                departmentTable.remove(id);
                linkTable.entries().stream()
                        .map(Map.Entry::getKey)
                        .filter(k -> k.departmentId().equals(id))
                        .toList()
                        .forEach(linkTable::remove);
            });
        }

        @Override
        public Page<Department> find(String text, boolean enabledOnly, List<SortKey<DepartmentSortField>> sort,
                                     int offset, int count) {
            return locked(() -> page(departmentTable.values().stream()
                    .filter(d -> !enabledOnly || d.enabled())
                    .filter(d -> text == null || SearchText.containsIgnoreCase(d.name(), text))
                    .sorted(comparator(sort, InMemoryStores::departmentField, d -> d.id().value()))
                    .toList(), offset, count));
        }

        @Override
        public List<DepartmentAgent> findAgents(DepartmentId id) {
            return locked(() -> linkTable.values().stream()
                    .filter(link -> link.departmentId().equals(id))
                    .sorted(Comparator.comparing(DepartmentAgentLink::username)
                            .thenComparing(link -> link.agentId().value()))
                    .map(DepartmentAgentLink::toDomain)
                    .toList());
        }

        @Override
        public void replaceAgents(DepartmentId id, List<AgentLink> links) {
            lockedRun(() -> {
                Map<UserId, AgentLink> wanted = new LinkedHashMap<>();
                links.forEach(link -> wanted.putIfAbsent(link.agentId(), link));
                linkTable.entries().stream()
                        .map(Map.Entry::getKey)
                        .filter(k -> k.departmentId().equals(id) && !wanted.containsKey(k.agentId()))
                        .toList()
                        .forEach(linkTable::remove);
                for (AgentLink link : wanted.values()) {
                    LinkKey key = new LinkKey(id, link.agentId());
                    DepartmentAgentLink existing = linkTable.get(key);
                    String linkId = existing != null ? existing.id() : linkIds.newId();
                    linkTable.put(key, new DepartmentAgentLink(linkId, id, link.agentId(), link.username(),
                            link.count(), link.order()));
                }
            });
        }

        @Override
        public Map<DepartmentId, Integer> countAgents(Collection<DepartmentId> ids) {
            return locked(() -> {
                Map<DepartmentId, Integer> counts = new HashMap<>();
                ids.forEach(id -> counts.put(id, 0));
                linkTable.values().stream()
                        .filter(link -> counts.containsKey(link.departmentId()))
                        .forEach(link -> counts.merge(link.departmentId(), 1, Integer::sum));
                return Map.copyOf(counts);
            });
        }

        @Override
        public List<DepartmentId> findDepartmentsOfAgent(UserId agentId) {
            return locked(() -> linkTable.values().stream()
                    .filter(link -> link.agentId().equals(agentId))
                    .map(DepartmentAgentLink::departmentId)
                    .toList());
        }
    }

    private final class Routing implements AgentRouting {
        @Override
        public void lockRouting() {
            lockedRun(() -> {
                if (unitDepth == 0) {
                    throw new IllegalStateException("lockRouting() outside a unit of work locks nothing");
                }
            });
        }

        @Override
        public List<AgentCandidate> findCandidates(DepartmentId departmentOrNull, Instant now) {
            return locked(() -> {
                if (departmentOrNull != null) {
                    Department department = departmentTable.get(departmentOrNull);
                    if (department == null || !department.enabled()) {
                        return List.of();
                    }
                }
                List<AgentCandidate> candidates = new ArrayList<>();
                for (User user : userTable.values()) {
                    boolean available = user.active() && user.isAgent()
                            && user.statusLivechat().orElse(null) == AgentStatus.AVAILABLE
                            && hasValidToken(user.id(), now);
                    boolean inDepartment = departmentOrNull == null
                            || linkTable.containsKey(new LinkKey(departmentOrNull, user.id()));
                    if (available && inDepartment) {
                        int open = (int) roomTable.values().stream()
                                .filter(r -> r.open() && r.servedBy() != null && r.servedBy().id().equals(user.id()))
                                .count();
                        candidates.add(new AgentCandidate(user.id(), user.username(), open,
                                lastAssignmentTable.get(user.id())));
                    }
                }
                candidates.sort(Comparator.comparing(AgentCandidate::username));
                return List.copyOf(candidates);
            });
        }

        @Override
        public void recordAssignment(UserId agentId, Instant at) {
            lockedRun(() -> lastAssignmentTable.put(agentId, at));
        }
    }

    private final class ChatSearch implements VisitorChatSearch {
        @Override
        public Page<Room> chatHistory(VisitorId visitorId, List<SortKey<RoomSortField>> sort, int offset, int count) {
            return locked(() -> {
                List<RoomSnapshot> matching = roomTable.values().stream()
                        .filter(r -> r.visitor().id().equals(visitorId))
                        .sorted(comparator(sort, InMemoryStores::roomField, r -> r.id().value()))
                        .toList();
                return toRooms(page(matching, offset, count));
            });
        }

        @Override
        public Page<Room> searchChats(VisitorId visitorId, ChatSearchFilter filter, List<SortKey<RoomSortField>> sort,
                                      int offset, int count) {
            return locked(() -> {
                List<RoomSnapshot> matching = roomTable.values().stream()
                        .filter(r -> r.visitor().id().equals(visitorId))
                        .filter(r -> !filter.closedChatsOnly() || r.closedAt() != null)
                        .filter(r -> !filter.servedChatsOnly() || r.servedBy() != null)
                        .filter(r -> filter.source() == null
                                || SearchText.containsIgnoreCase(r.source().type(), filter.source())
                                || (r.source().alias() != null
                                    && SearchText.containsIgnoreCase(r.source().alias(), filter.source())))
                        .filter(r -> filter.searchText() == null || hasMessageContaining(r.id(), filter.searchText()))
                        .sorted(comparator(sort, InMemoryStores::roomField, r -> r.id().value()))
                        .toList();
                return toRooms(page(matching, offset, count));
            });
        }

        private boolean hasMessageContaining(RoomId roomId, String text) {
            return messageTable.values().stream()
                    .anyMatch(m -> m.rid().equals(roomId) && m.isSearchable()
                            && SearchText.containsIgnoreCase(m.msg(), text));
        }

        private Page<Room> toRooms(Page<RoomSnapshot> snapshots) {
            return new Page<>(snapshots.items().stream().map(Room::restore).toList(), snapshots.total());
        }
    }
}
