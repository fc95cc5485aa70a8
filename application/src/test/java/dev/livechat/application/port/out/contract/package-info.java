/**
 * The out-port contract suites every persistence adapter runs (architecture.md, "Tests").
 *
 * <p>To run them against an adapter, extend {@link dev.livechat.application.port.out.contract.StoreContracts} (every
 * suite, one {@code @Nested} class each) or, for a store whose units of work are transactions,
 * {@link dev.livechat.application.port.out.contract.TransactionalStoreContracts} (adds
 * {@link dev.livechat.application.port.out.contract.TransactionRollbackContract}) in the adapter's tests, with a name
 * ending in {@code Test}, and implement {@code newStores()} to return all ports of one fresh, empty store (a new
 * schema, database or collection set per test, or everything truncated). A single suite can be subclassed the same
 * way. Tests are {@code final}: a subclass supplies the fixture and nothing else.
 * The suites write only through the ports, insert every referenced row first (so foreign keys may be enforced), use
 * real threads for the atomic guarantees, and never sleep for correctness.
 */
package dev.livechat.application.port.out.contract;
