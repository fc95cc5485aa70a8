package dev.livechat.adapter.mongo;

import java.security.SecureRandom;

/**
 * Ids for the documents the adapter creates on its own (department-agent links): 17 characters of Meteor's
 * {@code Random.id()} alphabet, like every other id in a Rocket.Chat database (contract 1.3).
 */
final class MeteorIds {

    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private MeteorIds() {
    }

    static String newId() {
        char[] id = new char[17];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(id);
    }
}
