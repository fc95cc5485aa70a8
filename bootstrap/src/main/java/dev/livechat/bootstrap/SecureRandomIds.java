package dev.livechat.bootstrap;

import dev.livechat.application.port.out.IdGenerator;
import dev.livechat.application.port.out.SecretGenerator;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Ids and secrets from one {@link SecureRandom}: ids and admin passwords drawn uniformly from Meteor's
 * {@code Random.id()} alphabet, login tokens as 32 random bytes in unpadded base64url (43 characters).
 */
public final class SecureRandomIds implements IdGenerator, SecretGenerator {

    /** Meteor's unmistakable-characters alphabet (contract 1.3). */
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int ID_LENGTH = 17;
    private static final int ADMIN_PASSWORD_LENGTH = 24;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String newId() {
        return draw(ID_LENGTH);
    }

    @Override
    public String newLoginToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String newAdminPassword() {
        return draw(ADMIN_PASSWORD_LENGTH);
    }

    private String draw(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }
}
