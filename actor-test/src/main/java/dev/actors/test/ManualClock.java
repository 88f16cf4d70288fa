package dev.actors.test;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.actors.spi.ActorClock;

/**
 * A clock that moves only when told to: the runtime's call timeouts, batch deadlines and shutdown timeouts then fire
 * when a test advances it, on the test's thread, and never by themselves. Time starts at zero.
 *
 * <p>Advancing runs the due tasks one at a time in deadline order (tasks due at the same time in the order they
 * were scheduled), with the clock set to each task's deadline while it runs, as if the time had really passed. An
 * {@link ActorTestKit} also lets the actors handle what each task woke them for before the next one runs.
 */
public final class ManualClock implements ActorClock {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();

    private volatile long now;

    private long sequence;

    /**
     * Creates a clock that reads zero until it is advanced.
     */
    public ManualClock() {
    }

    @Override
    public long nanoTime() {
        return this.now;
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        Task scheduled = new Task(task, this.now + Math.max(0, delayNanos), this.sequence++);
        this.tasks.add(scheduled);
        return scheduled;
    }

    /**
     * Moves the clock forward, running every task that falls due on the way.
     *
     * @param duration how far; not negative
     */
    public void advance(Duration duration) {
        long target = targetAfter(duration);
        while (runNextDue(target)) {
            // each task has run at its own deadline
        }
        moveTo(target);
    }

    /**
     * Returns how much time has passed since the clock was made.
     *
     * @return the time on this clock
     */
    public Duration elapsed() {
        return Duration.ofNanos(this.now);
    }

    /**
     * Returns how many tasks wait for their deadline (cancelled ones not counted).
     *
     * @return the number of pending tasks
     */
    public synchronized int pendingTasks() {
        return (int) this.tasks.stream().filter((task) -> !task.isCancelled()).count();
    }

    long targetAfter(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Time only moves forward, but the duration was " + duration);
        }
        return this.now + duration.toNanos();
    }

    /**
     * Runs the earliest task due at or before {@code target}, at its deadline.
     *
     * @return whether a task ran
     */
    boolean runNextDue(long target) {
        Task next = pollDue(target);
        if (next == null) {
            return false;
        }
        next.runAndCheck();
        return true;
    }

    /** Runs the earliest pending task, whenever it is due; returns whether there was one. */
    boolean runNext() {
        return runNextDue(Long.MAX_VALUE);
    }

    void moveTo(long target) {
        if (target - this.now > 0) {
            this.now = target;
        }
    }

    private synchronized Task pollDue(long target) {
        Task next;
        while ((next = this.tasks.peek()) != null && next.isCancelled()) {
            this.tasks.poll();
        }
        if (next == null || next.deadline - target > 0) {
            return null;
        }
        this.tasks.poll();
        moveTo(next.deadline);
        return next;
    }

    /** A delayed task: ordered by deadline, then by when it was scheduled. */
    private final class Task extends FutureTask<Void> implements ScheduledFuture<Void> {

        private final long deadline;

        private final long order;

        Task(Runnable task, long deadline, long order) {
            super(task, null);
            this.deadline = deadline;
            this.order = order;
        }

        /** Runs the task; the runtime's tasks never throw, so one that did is the test's to see. */
        void runAndCheck() {
            run();
            try {
                get();
            }
            catch (ExecutionException ex) {
                throw new IllegalStateException("A timer task failed", ex.getCause());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (CancellationException ex) {
                // cancelled while it ran: nothing to report
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(this.deadline - ManualClock.this.now, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task that = (Task) other;
            int byDeadline = Long.compare(this.deadline - that.deadline, 0);
            return (byDeadline != 0) ? byDeadline : Long.compare(this.order, that.order);
        }
    }
}
