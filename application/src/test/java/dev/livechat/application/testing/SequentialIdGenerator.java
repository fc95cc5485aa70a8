package dev.livechat.application.testing;

import dev.livechat.application.port.out.IdGenerator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Deterministic ids for tests: the n-th id is n written in Meteor's {@code Random.id()} alphabet, left-padded to 17
 * characters. The alphabet is in ASCII order, so ids sort in the order they were generated.
 */
public final class SequentialIdGenerator implements IdGenerator {

    /** Meteor's {@code Random.id()} alphabet (contract 1.3). */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
    public static final int LENGTH = 17;

    private final AtomicLong counter;

    public SequentialIdGenerator() {
        this(0);
    }

    /** The first id generated is the one for {@code after + 1}. */
    public SequentialIdGenerator(long after) {
        this.counter = new AtomicLong(after);
    }

    @Override
    public String newId() {
        return encode(counter.incrementAndGet(), LENGTH);
    }

    /** {@code value} in the id alphabet, left-padded with the alphabet's first character to {@code length}. */
    static String encode(long value, int length) {
        char[] out = new char[length];
        long rest = value;
        for (int i = length - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (rest % ALPHABET.length()));
            rest /= ALPHABET.length();
        }
        if (rest != 0) {
            throw new IllegalStateException("id space exhausted");
        }
        return new String(out);
    }
}
