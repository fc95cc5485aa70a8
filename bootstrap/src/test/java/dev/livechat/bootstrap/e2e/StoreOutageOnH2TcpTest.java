package dev.livechat.bootstrap.e2e;

/** {@link StoreOutageTests} on an H2 database served over TCP (H2's TCP client has no read timeout, so only the refused outage runs). */
class StoreOutageOnH2TcpTest extends StoreOutageTests {

    @Override
    TestStore.Kind kind() {
        return TestStore.Kind.H2_TCP;
    }

    @Override
    boolean survivesSilence() {
        return false;
    }
}
