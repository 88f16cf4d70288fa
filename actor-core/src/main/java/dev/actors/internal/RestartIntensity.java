package dev.actors.internal;

import java.util.ArrayDeque;

/**
 * Restart intensity, as Erlang's supervisors and Pekko's {@code ChildRestartStats} keep it: at most
 * {@code maxRestarts} restarts within a sliding window; one more failure inside the window means the actor is
 * failing for good, and restarting it again would only hide that.
 *
 * <p>The rules it keeps: it reads no clock (the caller passes the time), it holds no lock (one thread asks: the
 * actor's), and it remembers only the restarts inside the window. So it is tested without threads or sleeps.
 */
final class RestartIntensity {

    private final int maxRestarts;

    private final long windowNanos;

    /** When each restart inside the window happened, oldest first. */
    private final ArrayDeque<Long> restartTimes = new ArrayDeque<>();

    /**
     * Creates the intensity bound.
     *
     * @param maxRestarts how many restarts the window allows
     * @param windowNanos the window's length
     */
    RestartIntensity(int maxRestarts, long windowNanos) {
        this.maxRestarts = maxRestarts;
        this.windowNanos = windowNanos;
    }

    /**
     * Asks for one more restart at {@code nowNanos}; when granted, it is counted.
     *
     * @param nowNanos the time now, in nanoseconds of the actor's clock
     * @return {@code true} when the restart may go ahead, {@code false} when the intensity is exceeded
     */
    boolean requestRestartPermission(long nowNanos) {
        while (!this.restartTimes.isEmpty() && nowNanos - this.restartTimes.peekFirst() > this.windowNanos) {
            this.restartTimes.pollFirst();
        }
        if (this.restartTimes.size() >= this.maxRestarts) {
            return false;
        }
        this.restartTimes.addLast(nowNanos);
        return true;
    }

    /**
     * Returns how many restarts are inside the window as of the last request.
     *
     * @return the count
     */
    int recentRestarts() {
        return this.restartTimes.size();
    }
}
