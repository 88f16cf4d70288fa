package dev.actors.spi;

import java.util.concurrent.ScheduledFuture;

/**
 * The time an actor system runs on: the clock that call timeouts, batch deadlines, restart windows and timings are
 * read from, and what runs the runtime's delayed tasks (batch deadlines, timeout sweeps, shutdown timeouts).
 *
 * <p>By default the runtime uses the JVM's monotonic clock ({@link System#nanoTime()}) and a timer thread of its
 * own. A test kit replaces both with a clock that only moves when the test advances it, so that timeouts fire
 * without waiting. Only the runtime's own deadlines follow this clock: a blocked sender's {@code offer-timeout} and
 * the brief spin before an actor goes idle are real waits and keep real time.
 */
public interface ActorClock {

    /**
     * Returns the time now, in nanoseconds from an arbitrary origin; only differences mean anything.
     *
     * @return the time now
     */
    long nanoTime();

    /**
     * Runs a task once, after a delay measured on this clock. The task must not run on the caller's thread before
     * this method returns. Tasks are short: they only wake actors or hand work to other threads.
     *
     * @param task the task
     * @param delayNanos the delay; zero or less means as soon as possible
     * @return the scheduled task, which the runtime only ever cancels ({@code cancel(false)})
     */
    ScheduledFuture<?> schedule(Runnable task, long delayNanos);
}
