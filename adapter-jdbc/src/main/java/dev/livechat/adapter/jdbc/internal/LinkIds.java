package dev.livechat.adapter.jdbc.internal;

import java.security.SecureRandom;

/**
 * Ids for the rows the adapter creates on its own (department agent links): 17 characters of Meteor's
 * {@code Random.id()} alphabet drawn with a {@code SecureRandom}, like every other server id (contract 1.3).
 */
public final class LinkIds {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkIds() {
    }

    public static String newId() {
        char[] id = new char[17];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(id);
    }
}
