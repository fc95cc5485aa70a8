package dev.livechat.bootstrap;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * The launcher of {@code java -jar livechat.jar}: reads the configuration, starts {@link Livechat}, prints the
 * one-time admin password, and stops cleanly on SIGTERM. A bad configuration or an unreachable store ends the process
 * with status 1 and one line on standard error.
 */
public final class LivechatServer {

    private LivechatServer() {
    }

    public static void main(String[] args) {
        Livechat livechat;
        try {
            ServerConfig config = ServerConfig.from(System.getenv(), args);
            livechat = Livechat.start(config, Clock.systemUTC());
        } catch (ServerConfig.InvalidConfigException | Livechat.StartupException e) {
            System.err.println("livechat: " + e.getMessage());
            System.exit(1);
            return;
        }
        livechat.generatedAdminPassword().ifPresent(password -> System.out.println(
                "Generated password for admin user \"" + livechat.config().adminUsername() + "\": " + password));
        LauncherHeap.trimAfterStart();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            livechat.close();
            stopped.countDown();
        }, "livechat-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
