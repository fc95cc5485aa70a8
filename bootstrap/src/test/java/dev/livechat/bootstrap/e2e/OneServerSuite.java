package dev.livechat.bootstrap.e2e;

import dev.livechat.bootstrap.e2e.LivechatHttp.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A suite whose tests share one server (rate limits off) on a fresh database of {@link #store()}, started before the
 * first test with its admin logged in, and stopped after the last; plus the error bodies the suites compare with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneServerSuite {

    LivechatHttp http;
    Session admin;

    /** The store the server runs on. */
    abstract StoreTarget store();

    /** Creates what the suite's tests share (users, sessions) once the server runs. */
    abstract void prepare();

    @BeforeAll
    final void startServer() {
        http = LivechatHttp.start(store(), false);
        admin = http.admin();
        prepare();
    }

    @AfterAll
    final void stopServer() {
        if (http != null) {
            http.close();
        }
    }

    static String invalidParams(String message) {
        return "{\"success\":false,\"error\":\"" + message + " [invalid-params]\",\"errorType\":\"invalid-params\"}";
    }

    static String plain(String code) {
        return "{\"success\":false,\"error\":\"" + code + "\"}";
    }
}
