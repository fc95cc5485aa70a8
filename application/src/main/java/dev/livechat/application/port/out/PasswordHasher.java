package dev.livechat.application.port.out;

/** Hashes and checks passwords with Meteor's scheme: bcrypt (cost 10) of the lowercase hex SHA-256 of the password. */
public interface PasswordHasher {

    String hash(String password);

    /** Constant-time as far as the algorithm allows; false for a malformed hash. */
    boolean matches(String password, String hash);
}
