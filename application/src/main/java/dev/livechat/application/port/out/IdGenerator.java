package dev.livechat.application.port.out;

/** Generates server ids: 17 characters of Meteor's {@code Random.id()} alphabet from a {@code SecureRandom} (contract 1.3). */
public interface IdGenerator {

    String newId();
}
