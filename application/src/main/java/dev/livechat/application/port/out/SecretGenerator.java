package dev.livechat.application.port.out;

/** Generates secrets with a {@code SecureRandom}: login tokens and first-start admin passwords. */
public interface SecretGenerator {

    /** 43 characters of {@code [A-Za-z0-9_-]} (contract 1.3). */
    String newLoginToken();

    /** 24 characters of the id alphabet (contract 7). */
    String newAdminPassword();
}
