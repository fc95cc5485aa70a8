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
abstract class OneServerTests {

    LivechatHttp http;
    Session admin;

    /** The store the server runs on. */
    abstract StoreTarget store();

    /** Creates what the suite's tests share (users, sessions) once the server runs. */
    abstract void prepare();

    /** The server the suite's tests share; rate limits off and Auto_Selection unless a suite needs other settings. */
    LivechatHttp startServer(StoreTarget store) {
        return LivechatHttp.start(store, false);
    }

    @BeforeAll
    final void startSharedServer() {
        http = startServer(store());
        admin = http.admin();
        prepare();
    }

    @AfterAll
    final void stopSharedServer() {
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
