/**
 * Test support shipped in the application test-jar: the in-memory store behind every out-port
 * ({@link dev.livechat.application.testing.InMemoryStores}), a settable clock, deterministic ids and secrets, a fast
 * password hasher, a helper that releases many threads at once, and
 * {@link dev.livechat.application.testing.InMemoryLivechat}, every use case wired over the in-memory store.
 */
package dev.livechat.application.testing;
