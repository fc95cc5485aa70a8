package dev.livechat.application.port.out;

/**
 * A compare-and-set update found that the stored version is no longer the one the caller read: another change won.
 * The caller reloads and decides again.
 */
public final class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String what) {
        super("concurrent update of " + what, null, false, false);
    }
}
