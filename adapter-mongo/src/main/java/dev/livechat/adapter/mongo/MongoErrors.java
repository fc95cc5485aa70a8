package dev.livechat.adapter.mongo;

import com.mongodb.MongoClientException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import dev.livechat.application.port.out.UniqueConstraintViolation;
import dev.livechat.domain.error.StoreUnavailableException;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates driver failures into the port's exceptions, so that no {@link MongoException} leaves the adapter:
 * duplicate keys become {@link UniqueConstraintViolation} (by index name), connectivity problems become
 * {@link StoreUnavailableException}, anything else an {@link IllegalStateException} that carries only the operation
 * and the server's error code (never filters, values or tokens).
 */
final class MongoErrors {

    static final int DUPLICATE_KEY = 11000;

    /** Server error codes that mean "the store cannot serve right now" rather than "this request is wrong". */
    private static final java.util.Set<Integer> UNAVAILABLE_CODES = java.util.Set.of(
            6,     // HostUnreachable
            7,     // HostNotFound
            13,    // Unauthorized
            18,    // AuthenticationFailed
            89,    // NetworkTimeout
            91,    // ShutdownInProgress
            189,   // PrimarySteppedDown
            262,   // ExceededTimeLimit
            9001,  // SocketException
            10107, // NotWritablePrimary
            11600, // InterruptedAtShutdown
            11602, // InterruptedDueToReplStateChange
            13435, // NotPrimaryNoSecondaryOk
            13436  // NotPrimaryOrSecondary
    );

    /** {@code E11000 duplicate key error collection: db.coll index: <name> dup key: ...} (MongoDB and mongo-java-server). */
    private static final Pattern INDEX_NAME = Pattern.compile("index: (\\S+) dup key");

    private MongoErrors() {
    }

    /**
     * Runs one store operation; a duplicate key on an index named in {@code constraints} becomes that constraint's
     * violation.
     */
    static <T> T call(String operation, Map<String, UniqueConstraintViolation.Constraint> constraints,
                      Supplier<T> action) {
        try {
            return action.get();
        } catch (MongoException e) {
            throw translate(operation, constraints, e);
        }
    }

    static <T> T call(String operation, Supplier<T> action) {
        return call(operation, Map.of(), action);
    }

    static void run(String operation, Runnable action) {
        call(operation, Map.of(), () -> {
            action.run();
            return null;
        });
    }

    static void run(String operation, Map<String, UniqueConstraintViolation.Constraint> constraints, Runnable action) {
        call(operation, constraints, () -> {
            action.run();
            return null;
        });
    }

    static RuntimeException translate(String operation, Map<String, UniqueConstraintViolation.Constraint> constraints,
                                      MongoException e) {
        if (isDuplicateKey(e)) {
            Optional<String> index = duplicateKeyIndex(e);
            UniqueConstraintViolation.Constraint constraint = index.map(constraints::get).orElse(null);
            if (constraint != null) {
                return new UniqueConstraintViolation(constraint);
            }
            // The message holds the duplicate value (possibly a token): report the index name only.
            return new IllegalStateException(operation + " failed: duplicate key on index " + index.orElse("(unknown)"));
        }
        if (isUnavailable(e)) {
            return new StoreUnavailableException("MongoDB unavailable during " + operation + ": "
                    + e.getClass().getSimpleName(), e);
        }
        return new IllegalStateException(operation + " failed: MongoDB error " + e.getCode()
                + (e instanceof MongoServerException s && s.getErrorCodeName() != null ? " (" + s.getErrorCodeName() + ")" : ""));
    }

    static boolean isDuplicateKey(MongoException e) {
        return e instanceof MongoServerException && e.getCode() == DUPLICATE_KEY;
    }

    static Optional<String> duplicateKeyIndex(MongoException e) {
        Matcher m = INDEX_NAME.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static boolean isUnavailable(MongoException e) {
        if (e instanceof MongoTimeoutException || e instanceof MongoSocketException
                || e instanceof MongoExecutionTimeoutException || e instanceof MongoNotPrimaryException
                || e instanceof MongoNodeIsRecoveringException || e instanceof MongoInterruptedException
                || e instanceof MongoSecurityException || e instanceof MongoWriteConcernException) {
            return true;
        }
        if (e instanceof MongoClientException) {
            // e.g. "state should be: open" after close, pool cleared: the client cannot reach the store.
            return true;
        }
        return UNAVAILABLE_CODES.contains(e.getCode());
    }
}
