package dev.actors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.actors.spi.ActorClock;

/**
 * The actor system's timers: one scheduler thread for the rare timers (batch deadlines, shutdown timeouts), and a
 * cheap path for the timeouts of calls, which are many and almost never fire.
 *
 * <h2>Call timeouts</h2>
 * Putting every call in a {@link ScheduledThreadPoolExecutor} costs a lock, a heap insertion and a cancellation per
 * call, and wakes the timer thread whenever the new call becomes the earliest deadline: measured, that halved the
 * throughput of a lone caller. Instead, calls are appended to a lock-free FIFO <em>lane</em> per timeout length; in
 * a lane, deadlines are in arrival order, so only the head needs looking at. A sweep pops the heads that completed
 * and fails those whose deadline passed, then sleeps until the head's deadline or at most {@link #SWEEP_NANOS}; it
 * is only scheduled while some lane holds a call. Nothing is cancelled: a completed call is dropped by the next
 * sweep. So a call costs one atomic swap and no wake-up, a timeout fires at most one sweep late, and a completed
 * call is kept for at most a sweep (or, behind a still-pending call of the same lane, until that one ends). Lanes
 * are never removed, so their number is capped ({@link #MAX_LANES}); a call whose own timeout finds no lane and no
 * room for one is watched by a timer task of the scheduler instead.
 *
 * <h2>Whose thread completes a timed-out call</h2>
 * Never the timer thread's: completing a caller's future runs the caller's non-async continuations on the completing
 * thread, and one slow continuation there would hold back every other timeout and batch deadline. Expiries are
 * handed to {@code completions} (by default a pool that grows a thread per concurrent expiry, up to
 * {@link #MAX_EXPIRY_THREADS}, and lets idle ones die, since timeouts are rare); if that hand-off is refused (the
 * pool is full or shut down), the timer thread completes the call itself, late rather than never.
 *
 * <h2>Whose clock</h2>
 * Every deadline here, and every time the cells read, comes from one {@link ActorClock}: by default the JVM's
 * monotonic clock and the timer thread; a test kit's manual clock otherwise, whose time moves only when the test
 * advances it, and whose delayed tasks then run on the test's thread.
 */
public final class Timers {

    /** The longest a sweep sleeps while calls are pending: the most a timeout can fire late. */
    static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /**
     * The most lanes: one per actors' call-timeout is few, but timeouts passed to each call (a "time remaining",
     * say) can all differ, and a lane is never removed. Beyond this many, such a call gets a timer task of its own.
     */
    static final int MAX_LANES = 64;

    /**
     * The most threads the default pool grows to: a burst of thousands of expiries must not start thousands of
     * threads, and this many slow continuations at once are a caller's bug that the timer thread then shares.
     */
    static final int MAX_EXPIRY_THREADS = 16;

    /** The clock and the delayed tasks; the cells keep it in a field of their own, to read it cheaply. */
    final ActorClock clock;

    /** The timer thread of the default clock, owned (and shut down) by these timers; {@code null} otherwise. */
    private final ScheduledThreadPoolExecutor scheduler;

    private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();

    private final AtomicBoolean sweepScheduled = new AtomicBoolean();

    private final Runnable sweep = this::sweep;

    /** Completes timed-out calls, off the timer thread. */
    private final Executor completions;

    /** The default {@link #completions}, owned (and shut down) by these timers; {@code null} when one was given. */
    private final ThreadPoolExecutor ownedCompletions;

    /**
     * Creates the timers, their daemon thread, and the daemon threads that complete timed-out calls.
     *
     * @param threadName the timer thread's name; the completing threads add {@code -expiry} to it
     */
    public Timers(String threadName) {
        this(threadName, null);
    }

    /**
     * Creates the timers and their daemon thread.
     *
     * @param threadName the timer thread's name
     * @param completions completes timed-out calls, off the timer thread; {@code null} for a pool of daemon threads
     *     that these timers own
     */
    public Timers(String threadName, Executor completions) {
        this.scheduler = new ScheduledThreadPoolExecutor(1, daemonThreads(threadName));
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.clock = new SystemClock(this.scheduler);
        this.ownedCompletions = (completions != null) ? null : new ThreadPoolExecutor(0, MAX_EXPIRY_THREADS, 10,
                TimeUnit.SECONDS, new SynchronousQueue<>(), daemonThreads(threadName + "-expiry"));
        this.completions = (completions != null) ? completions : this.ownedCompletions;
    }

    /**
     * Creates timers on a given clock, which runs their delayed tasks: no thread of their own.
     *
     * @param clock the clock, and what runs delayed tasks
     * @param completions completes timed-out calls
     */
    public Timers(ActorClock clock, Executor completions) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.completions = Objects.requireNonNull(completions, "completions");
        this.scheduler = null;
        this.ownedCompletions = null;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String name) {
        return (task) -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs a task once after a delay, on the timer thread.
     *
     * @param task the task
     * @param delayNanos the delay
     * @return the scheduled task, to cancel it
     */
    public ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return this.clock.schedule(task, delayNanos);
    }

    /**
     * Runs a short task on the timer thread at once, so that it runs outside whatever pool the caller is in.
     *
     * @param task the task; it must not block
     * @return {@code false} when it was not handed off: these timers have no thread (a manual clock) or are shut down
     */
    boolean handOff(Runnable task) {
        if (this.scheduler == null) {
            return false;
        }
        try {
            this.scheduler.execute(task);
            return true;
        }
        catch (RejectedExecutionException ex) {
            return false;
        }
    }

    /** Stops the timer thread; pending timers do not fire. Expiries already handed off still complete. */
    public void shutdown() {
        if (this.scheduler != null) {
            this.scheduler.shutdownNow();
        }
        if (this.ownedCompletions != null) {
            this.ownedCompletions.shutdown();
        }
    }

    /** Fails a call whose timeout passed, on another thread than the timer's; on this one if that is refused. */
    void expire(Envelope call) {
        try {
            this.completions.execute(call::expire);
        }
        catch (Throwable ex) {
            // Refused (shut down, out of threads): a late completion on this thread beats a caller left hanging.
            call.expire();
        }
    }

    /** Returns the lane for one timeout length; actors keep the lane of their default timeout. */
    Lane lane(long timeoutNanos) {
        return this.lanes.computeIfAbsent(timeoutNanos, (key) -> new Lane());
    }

    /**
     * Watches a call with a timeout of its own: in the lane of that length if there is one or room for one,
     * otherwise with a timer task that its completion cancels.
     */
    void watch(long timeoutNanos, Envelope call) {
        Lane lane = this.lanes.get(timeoutNanos);
        if (lane == null && this.lanes.size() < MAX_LANES) {
            lane = lane(timeoutNanos);
        }
        if (lane != null) {
            watch(lane, call);
            return;
        }
        try {
            ScheduledFuture<?> task = this.clock.schedule(() -> {
                if (!call.isDone()) {
                    expire(call);
                }
            }, timeoutNanos);
            call.whenComplete((result, failure) -> task.cancel(false));
        }
        catch (RejectedExecutionException ex) {
            // Shut down with the actor system: the call completes or fails through its actor's stop.
        }
    }

    /** How many lanes there are. */
    int laneCount() {
        return this.lanes.size();
    }

    /** How many tasks wait for the default clock's timer thread. */
    int scheduledTasks() {
        return this.scheduler.getQueue().size();
    }

    /** Watches a call until it completes or its timeout passes. */
    void watch(Lane lane, Envelope call) {
        lane.offer(call);
        if (!this.sweepScheduled.get() && this.sweepScheduled.compareAndSet(false, true)) {
            scheduleSweep(SWEEP_NANOS);
        }
    }

    private void scheduleSweep(long delayNanos) {
        try {
            this.clock.schedule(this.sweep, delayNanos);
        }
        catch (RejectedExecutionException ex) {
            // Shut down with the actor system: calls still pending complete or fail through their actors' stop.
        }
    }

    private void sweep() {
        long now = this.clock.nanoTime();
        long nextDeadline = Long.MAX_VALUE;
        boolean pending = false;
        for (Lane lane : this.lanes.values()) {
            long deadline = lane.sweep(now, this);
            if (deadline != Long.MAX_VALUE) {
                pending = true;
                nextDeadline = Math.min(nextDeadline, deadline);
            }
        }
        if (!pending) {
            this.sweepScheduled.set(false);
            // A call added since the lanes were read saw the flag still set and scheduled nothing: look again.
            if (!anyPending() || !this.sweepScheduled.compareAndSet(false, true)) {
                return;
            }
            nextDeadline = now + SWEEP_NANOS;
        }
        scheduleSweep(Math.max(0, Math.min(nextDeadline - this.clock.nanoTime(), SWEEP_NANOS)));
    }

    private boolean anyPending() {
        for (Lane lane : this.lanes.values()) {
            if (lane.hasCalls()) {
                return true;
            }
        }
        return false;
    }

    /** The default clock: the JVM's monotonic clock, and the timer thread. */
    private static final class SystemClock implements ActorClock {

        private final ScheduledThreadPoolExecutor scheduler;

        SystemClock(ScheduledThreadPoolExecutor scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
            return this.scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * A FIFO of calls with the same timeout length: Vyukov's intrusive MPSC queue again, linked through
     * {@link Envelope}'s second link; the sweep is its one consumer.
     */
    static final class Lane {

        private static final VarHandle TAIL;

        static {
            try {
                TAIL = MethodHandles.lookup().findVarHandle(Lane.class, "tail", Envelope.class);
            }
            catch (ReflectiveOperationException ex) {
                throw new ExceptionInInitializerError(ex);
            }
        }

        /** Consumer-only. */
        private Envelope head = new Envelope();

        @SuppressWarnings("unused") // accessed through TAIL
        private volatile Envelope tail = this.head;

        void offer(Envelope call) {
            Envelope previous = (Envelope) TAIL.getAndSet(this, call);
            previous.timeoutNextRelease(call);
        }

        boolean hasCalls() {
            return (Envelope) TAIL.getVolatile(this) != this.head;
        }

        /** Drops completed heads and fails expired ones; returns the next pending deadline or MAX_VALUE. */
        long sweep(long now, Timers timers) {
            for (;;) {
                Envelope h = this.head;
                Envelope next = h.timeoutNextAcquire();
                if (next == null) {
                    // Empty, or a producer is between its swap and its link: it will be seen next sweep.
                    return (h == (Envelope) TAIL.getVolatile(this)) ? Long.MAX_VALUE : now + SWEEP_NANOS;
                }
                if (!next.isDone() && now - next.deadline() < 0) {
                    return next.deadline();
                }
                this.head = next;
                h.clearTimeoutNext();
                if (!next.isDone()) {
                    timers.expire(next);
                }
            }
        }
    }
}
