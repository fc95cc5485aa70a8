package dev.livechat.bootstrap.e2e;

/** {@link PartialFailureTests} on MongoDB (no multi-document transactions: the remaining window is reported). */
class PartialFailureOnMongoTest extends PartialFailureTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.MONGODB_IN_PROCESS;
    }

    @Override
    Backend open() {
        return PartialFailureBackends.mongo();
    }
}
