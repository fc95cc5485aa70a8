package dev.livechat.bootstrap;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.livechat.application.port.out.PasswordHasher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Meteor's password scheme (contract 1.3): bcrypt, cost 10, of the lowercase hex SHA-256 of the UTF-8 password, so
 * that hashes are interchangeable with Rocket.Chat's {@code services.password.bcrypt}.
 */
public final class BcryptPasswordHasher implements PasswordHasher {

    private static final int COST = 10;

    @Override
    public String hash(String password) {
        return BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(COST, sha256Hex(password).toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        if (hash == null || hash.isEmpty()) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(sha256Hex(password).toCharArray(), hash.toCharArray()).verified;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String sha256Hex(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
