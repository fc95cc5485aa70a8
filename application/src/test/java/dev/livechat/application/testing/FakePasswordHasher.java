package dev.livechat.application.testing;

import dev.livechat.application.port.out.PasswordHasher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A fast stand-in for bcrypt: {@code "plain:" + sha256hex(password)}; never use it outside tests. */
public final class FakePasswordHasher implements PasswordHasher {

    private static final String PREFIX = "plain:";

    @Override
    public String hash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public boolean matches(String password, String hash) {
        if (hash == null || !hash.startsWith(PREFIX)) {
            return false;
        }
        return MessageDigest.isEqual(hash(password).getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8));
    }
}
