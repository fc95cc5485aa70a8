package dev.livechat.application.testing;

import dev.livechat.application.port.out.SecretGenerator;

import java.util.concurrent.atomic.AtomicLong;

/** Predictable, distinct secrets of the contract's shapes (43-character login tokens, 24-character passwords). */
public final class FakeSecretGenerator implements SecretGenerator {

    private final AtomicLong tokens = new AtomicLong();
    private final AtomicLong passwords = new AtomicLong();

    @Override
    public String newLoginToken() {
        return String.format("fake-login-token-%026d", tokens.incrementAndGet());
    }

    @Override
    public String newAdminPassword() {
        return "Admin" + SequentialIdGenerator.encode(passwords.incrementAndGet(), 19);
    }
}
