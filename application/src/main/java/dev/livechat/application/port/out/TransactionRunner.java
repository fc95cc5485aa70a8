package dev.livechat.application.port.out;

import java.util.function.Supplier;

/**
 * Runs a unit of work against the store atomically where the store can: with transactions, every write of
 * {@code work} commits together or not at all, and repository calls made inside it join the transaction. Nested
 * calls join the outer unit. Stores without multi-document transactions run {@code work} directly; the services
 * order their writes so that the first write is the one that can fail on a conflict.
 */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);
}
