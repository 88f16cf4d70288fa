package dev.actors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.actors.ActorClosedException;
import dev.actors.ActorHandle;
import dev.actors.ActorKind;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorState;
import dev.actors.ActorStats;
import dev.actors.KeyedActorRef;
import dev.actors.spi.ActorClock;
import dev.actors.spi.ActorListener;
import dev.actors.spi.PassivationReason;
import dev.actors.spi.RejectReason;

/**
 * A keyed actor: one {@link ActorCell} per entity key, made at the key's first message and dropped when passivated.
 * Each key's cell is an ordinary cell (its own mailbox, timeouts, failure policy and restart intensity) that makes
 * its instance on its first run, so that no factory runs on a sender's thread or under the map's lock.
 *
 * <h2>Rules it keeps</h2>
 * <ul>
 * <li><b>One instance per key.</b> A key's cell lives in a {@link Slot}. A sender pins the slot for the length of
 * its send; passivation closes the slot (no new pins), and the cell is stopped by whoever takes the last pin off
 * (the passivation itself when none is held). So every message a sender handed to the old cell was accepted before
 * the stop began, and is handled by the old instance; every later sender finds the slot closed and makes the next
 * one.</li>
 * <li><b>The next instance waits for the old one's {@code close()}.</b> The next cell of a key whose old cell has
 * not terminated runs on a {@link GatedExecutor} opened by the old cell's termination, which completes only after
 * {@code close()} returned. It takes messages meanwhile, so a sender's order holds across the passivation.</li>
 * <li><b>Bounded.</b> A passivated key leaves nothing behind. Beyond {@code max-active} live cells, one sender
 * (the others go on) passivates the least recently used, idle ones first, a sixteenth of {@code max-active} at a
 * time, so that the scan's cost is spread over many activations.</li>
 * <li><b>Idle passivation</b> runs on the executor every eighth of {@code passivate-after} (at most 10 s), by the
 * system's clock ({@link Timers#clock}): a test kit's manual clock drives it ({@link #sweepIdle()}).</li>
 * </ul>
 */
public final class KeyedActorCell<M, R> implements KeyedActorRef<M, R> {

    /** After this many activations in a row whose factory threw, the kind counts as unable to serve. */
    static final int FAILED_ACTIVATIONS_DOWN = 3;

    private static final long MAX_SWEEP_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * Makes the cell of one key, without its instance: the cell makes it from {@code instances} on its first run.
     *
     * @param <M> the message type
     * @param <R> the reply type
     */
    @FunctionalInterface
    public interface CellFactory<M, R> {

        /**
         * Makes a cell.
         *
         * @param executor the executor the cell must run on
         * @param instances makes the key's instance (at activation and on every restart)
         * @return the cell, with no instance yet
         */
        ActorCell<M, R> create(Executor executor, Supplier<Object> instances);
    }

    private final String name;

    private final ActorKind kind;

    private final ActorSettings settings;

    private final Executor executor;

    private final Timers timers;

    /** The system's clock (the timers'), in a field of its own: read on every send. */
    private final ActorClock clock;

    private final CellFactory<M, R> cells;

    private final Function<String, ?> instances;

    private final ConcurrentHashMap<String, Slot<M, R>> slots = new ConcurrentHashMap<>();

    private final AtomicInteger active = new AtomicInteger();

    private final AtomicInteger failedActivationsInARow = new AtomicInteger();

    private final ReentrantLock evicting = new ReentrantLock();

    private final long passivateAfterNanos;

    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    /** The statistics of the cells already dropped, so that the kind's totals never go down. */
    private final RetiredStats retired = new RetiredStats();

    private ActorListener listener = ActorListener.NONE;

    private volatile boolean closed;

    private volatile ScheduledFuture<?> sweepTask;

    /**
     * Creates a keyed actor with no live key.
     *
     * @param name the actor's name
     * @param kind how each key's instance handles messages
     * @param settings validated settings, for every key
     * @param executor runs the handlers and the idle passivation
     * @param timers schedules the idle passivation; their clock is the clock of idle times
     * @param cells makes the cell of a key
     * @param instances makes the instance of a key
     */
    public KeyedActorCell(String name, ActorKind kind, ActorSettings settings, Executor executor, Timers timers,
            CellFactory<M, R> cells, Function<String, ?> instances) {
        this.name = name;
        this.kind = kind;
        this.settings = settings;
        this.executor = executor;
        this.timers = timers;
        this.clock = timers.clock;
        this.cells = cells;
        this.instances = instances;
        this.passivateAfterNanos = settings.passivateAfter().toNanos();
    }

    /**
     * Sets the listener that every key's cell reports to, so the meters add up over keys, and starts the idle
     * passivation; called once by the actor system before the actor is published.
     *
     * @param listener the listener
     */
    public void start(ActorListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        scheduleSweep();
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public ActorKind kind() {
        return this.kind;
    }

    @Override
    public ActorSettings settings() {
        return this.settings;
    }

    @Override
    public int activeCount() {
        return this.active.get();
    }

    @Override
    public ActorHandle<M, R> forKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException(
                    "Actor '" + this.name + "': a key must not be null or empty but was " + quoted(key));
        }
        return new KeyHandle<>(this, key);
    }

    private static String quoted(String key) {
        return (key == null) ? "null" : "''";
    }

    // ---------------------------------------------------------------- sending

    /** Runs one send against the key's live cell, activating it when there is none. */
    private <T> T send(String key, Function<ActorRef<M, R>, T> action) {
        for (;;) {
            Slot<M, R> slot = this.slots.get(key);
            if (slot == null || slot.isClosed()) {
                slot = activate(key);
            }
            if (!slot.pin()) {
                continue;   // closed between the lookup and the pin: the next look makes the next cell
            }
            try {
                if (slot.ref.state().isTerminal()) {
                    // Stopped by its failure policy: only this key's instance stops, and a new message starts over.
                    slot.close(PassivationReason.FAILURE);
                    continue;
                }
                slot.touch(this.clock.nanoTime());
                return action.apply(slot.ref);
            }
            finally {
                slot.unpin();
            }
        }
    }

    private Slot<M, R> activate(String key) {
        if (this.closed) {
            throw closedException();
        }
        Slot<M, R> created = this.slots.compute(key, (k, current) -> (current != null && !current.isClosed())
                ? current : newSlot(k, current));
        if (created.registered) {
            return created;
        }
        synchronized (created) {
            if (created.registered) {
                return created;
            }
            created.registered = true;
        }
        this.active.incrementAndGet();
        // Here, not in newSlot: a callback attached to the old cell's termination just as it completes makes
        // CompletableFuture run the future's other callbacks on this thread, the old slot's retire() among them.
        // Inside compute, its remove() would unlink the entry being computed and lose the new slot from the map:
        // never passivated nor stopped, while the key's next message made another cell beside it.
        if (created.gate != null) {
            created.gate.watchGate();
        }
        created.ref.whenTerminated().whenComplete((ignored, failure) -> retire(created));
        if (this.closed) {
            created.close(null);   // a stop began while this key was being activated
        }
        else if (this.active.get() > this.settings.maxActive()) {
            evictOverLimit(created);
        }
        return created;
    }

    /** Inside the map's compute: makes objects only, and attaches nothing to another cell's futures. */
    private Slot<M, R> newSlot(String key, Slot<M, R> previous) {
        Slot<M, R> slot = new Slot<>(this, key);
        Executor runOn = this.executor;
        if (previous != null && !previous.ref.whenTerminated().isDone()) {
            slot.gate = new GatedExecutor(this.executor, previous.ref.whenTerminated());
            runOn = slot.gate;
        }
        ActorCell<M, R> cell = this.cells.create(runOn, slot::createInstance);
        cell.key(key);
        cell.listener(this.listener);
        cell.startOnFirstRun();
        slot.ref = cell.ref();
        slot.touch(this.clock.nanoTime());
        return slot;
    }

    /** On the key's actor thread, at activation and at every restart. */
    private Object createInstance(Slot<M, R> slot) {
        Object instance;
        try {
            instance = this.instances.apply(slot.key);
        }
        catch (RuntimeException | Error ex) {
            if (!slot.activated) {
                this.failedActivationsInARow.incrementAndGet();
            }
            throw ex;
        }
        if (!slot.activated && instance != null) {
            slot.activated = true;
            this.failedActivationsInARow.set(0);
            this.listener.keyActivated();
        }
        return instance;
    }

    /** When a key's cell has terminated: its instance is closed and it takes no more messages. */
    private void retire(Slot<M, R> slot) {
        slot.close(null);
        this.slots.remove(slot.key, slot);
        this.retired.add(slot.ref.stats());
        PassivationReason reason = slot.reason;
        if (slot.ref.state() == ActorState.FAILED) {
            reason = PassivationReason.FAILURE;
        }
        if (reason != null && !this.closed) {
            this.listener.keyPassivated(reason);
        }
        if (this.active.decrementAndGet() == 0 && this.closed) {
            completeStop();
        }
        slot.retired.complete(null);
    }

    private ActorClosedException closedException() {
        this.listener.messageRejected(RejectReason.CLOSED);
        this.retired.rejectedClosed();
        return new ActorClosedException(this.name,
                "Actor '" + this.name + "' did not handle the message: it is " + state().name().toLowerCase(
                        java.util.Locale.ROOT), null);
    }

    // ---------------------------------------------------------------- passivation

    @Override
    public CompletableFuture<Void> passivate(String key) {
        Slot<M, R> slot = this.slots.get(key);
        if (slot == null) {
            return CompletableFuture.completedFuture(null);
        }
        slot.close(PassivationReason.IDLE);
        return slot.retired;
    }

    /**
     * Passivates every key idle for {@code passivate-after} or more by the clock: no sender inside, an empty
     * mailbox and no message accepted for that long. Runs on its own schedule; public for tests, which advance the
     * clock and call it.
     *
     * @return how many keys it passivated
     */
    public int sweepIdle() {
        long now = this.clock.nanoTime();
        int passivated = 0;
        for (Slot<M, R> slot : this.slots.values()) {
            if (now - slot.lastUsed() >= this.passivateAfterNanos && slot.isIdle()) {
                if (slot.close(PassivationReason.IDLE)) {
                    passivated++;
                }
            }
        }
        return passivated;
    }

    private void scheduleSweep() {
        long interval = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                Math.min(this.passivateAfterNanos / 8, MAX_SWEEP_NANOS));
        this.sweepTask = this.timers.schedule(() -> {
            try {
                this.executor.execute(() -> {
                    if (!this.closed) {
                        sweepIdle();
                        scheduleSweep();
                    }
                });
            }
            catch (RejectedExecutionException ex) {
                // The executor is shutting down: the stop that follows closes every key.
            }
        }, interval);
    }

    /**
     * Over {@code max-active}: passivates the least recently used cells, idle ones first; one sender at a time. Never
     * the cell its sender has just activated: it is idle until that sender's message is in, and passivating it would
     * send the sender round again to activate the next one, and so on for as long as the other cells stay busy.
     */
    private void evictOverLimit(Slot<M, R> activating) {
        if (!this.evicting.tryLock()) {
            return;
        }
        try {
            int max = this.settings.maxActive();
            int excess = this.active.get() - max;
            if (excess <= 0) {
                return;
            }
            List<Slot<M, R>> candidates = new ArrayList<>(this.slots.size());
            for (Slot<M, R> slot : this.slots.values()) {
                if (slot != activating && !slot.isClosed()) {
                    slot.idleForEviction = slot.isIdle();
                    candidates.add(slot);
                }
            }
            candidates.sort(Comparator.<Slot<M, R>, Boolean>comparing((slot) -> !slot.idleForEviction)
                .thenComparingLong(Slot::lastUsed));
            int toPassivate = Math.min(candidates.size(), excess + (max >> 4));
            for (int i = 0; i < toPassivate; i++) {
                candidates.get(i).close(PassivationReason.LIMIT);
            }
        }
        finally {
            this.evicting.unlock();
        }
    }

    // ---------------------------------------------------------------- stopping

    @Override
    public CompletableFuture<Void> stop() {
        if (!this.closed) {
            this.closed = true;
            ScheduledFuture<?> sweep = this.sweepTask;
            if (sweep != null) {
                sweep.cancel(false);
            }
            for (Slot<M, R> slot : this.slots.values()) {
                slot.close(null);
            }
            if (this.active.get() == 0) {
                completeStop();
            }
        }
        return this.terminated;
    }

    private void completeStop() {
        this.terminated.complete(null);
    }

    /**
     * Returns the future completed when every key has stopped after {@link #stop()}.
     *
     * @return the termination future
     */
    public CompletableFuture<Void> whenTerminated() {
        return this.terminated;
    }

    // ---------------------------------------------------------------- statistics

    @Override
    public ActorState state() {
        if (this.closed) {
            return (this.terminated.isDone()) ? ActorState.STOPPED : ActorState.STOPPING;
        }
        return (this.failedActivationsInARow.get() >= FAILED_ACTIVATIONS_DOWN) ? ActorState.FAILED
                : ActorState.RUNNING;
    }

    @Override
    public ActorStats stats() {
        RetiredStats total = this.retired.copy();
        int mailboxSize = 0;
        Throwable lastError = total.lastError;
        for (Slot<M, R> slot : this.slots.values()) {
            ActorStats stats = slot.ref.stats();
            mailboxSize += stats.mailboxSize();
            total.add(stats);
            if (stats.lastError() != null) {
                lastError = stats.lastError();
            }
        }
        return new ActorStats(this.name, this.kind, state(), mailboxSize, this.settings.mailboxCapacity(),
                total.handled, total.failed, total.rejectedFull, total.rejectedClosed, total.expired, total.restarts,
                total.flushes, 0, total.batchRetries, lastError);
    }

    @Override
    public Optional<ActorStats> stats(String key) {
        Slot<M, R> slot = (key != null) ? this.slots.get(key) : null;
        return (slot != null) ? Optional.of(slot.ref.stats()) : Optional.empty();
    }

    @Override
    public Map<String, ActorStats> deepestMailboxes(int limit) {
        List<Map.Entry<String, ActorStats>> all = new ArrayList<>();
        for (Slot<M, R> slot : this.slots.values()) {
            all.add(Map.entry(slot.key, slot.ref.stats()));
        }
        all.sort(Comparator.comparingInt((Map.Entry<String, ActorStats> entry) -> entry.getValue().mailboxSize())
            .reversed());
        Map<String, ActorStats> deepest = new LinkedHashMap<>();
        for (Map.Entry<String, ActorStats> entry : all.subList(0, Math.min(limit, all.size()))) {
            deepest.put(entry.getKey(), entry.getValue());
        }
        return deepest;
    }

    @Override
    public String toString() {
        return "keyed " + this.kind.name().toLowerCase(java.util.Locale.ROOT) + " '" + this.name + "' ("
                + state().name().toLowerCase(java.util.Locale.ROOT) + ", " + this.active.get() + " active)";
    }

    /** Longest shutdown of one key, for the actor system's wait. */
    Duration shutdownTimeout() {
        return this.settings.shutdownTimeout();
    }

    /**
     * A key's place in the map: its cell, when it was last used, and the count of senders inside.
     */
    private static final class Slot<M, R> {

        /** Set in {@link #pins} once the slot is closed: no new pins; the last one off stops the cell. */
        private static final int CLOSED = 1 << 30;

        private static final VarHandle PINS;

        private static final VarHandle LAST_USED;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                PINS = lookup.findVarHandle(Slot.class, "pins", int.class);
                LAST_USED = lookup.findVarHandle(Slot.class, "lastUsed", long.class);
            }
            catch (ReflectiveOperationException ex) {
                throw new ExceptionInInitializerError(ex);
            }
        }

        final KeyedActorCell<M, R> owner;

        final String key;

        /** The key's cell, through its owner's reference. */
        ActorRef<M, R> ref;

        /** Set once the map holds the slot and its termination is watched. */
        boolean registered;

        /**
         * Holds the cell's first run until the previous cell of the key terminated, once {@code activate} watches it;
         * {@code null} when there was nothing to wait for.
         */
        GatedExecutor gate;

        /** Actor's thread only: whether the first instance was made. */
        boolean activated;

        /** The eviction's scratch mark: read under its lock only. */
        boolean idleForEviction;

        volatile PassivationReason reason;

        /** Completed once the cell has terminated and the slot is out of the map and the counts. */
        final CompletableFuture<Void> retired = new CompletableFuture<>();

        private volatile int pins;

        private long lastUsed;

        Slot(KeyedActorCell<M, R> owner, String key) {
            this.owner = owner;
            this.key = key;
        }

        Object createInstance() {
            return this.owner.createInstance(this);
        }

        boolean pin() {
            for (;;) {
                int current = this.pins;
                if ((current & CLOSED) != 0) {
                    return false;
                }
                if (PINS.compareAndSet(this, current, current + 1)) {
                    return true;
                }
            }
        }

        void unpin() {
            if ((int) PINS.getAndAdd(this, -1) - 1 == CLOSED) {
                this.ref.stop();
            }
        }

        boolean isClosed() {
            return (this.pins & CLOSED) != 0;
        }

        boolean isIdle() {
            return this.pins == 0 && this.ref.stats().mailboxSize() == 0;
        }

        /**
         * Closes the slot: no sender gets in after; the cell stops (gracefully) once the senders inside are out.
         *
         * @return {@code true} when this call closed it
         */
        boolean close(PassivationReason why) {
            if (isClosed()) {
                return false;
            }
            if (why != null) {
                this.reason = why;
            }
            int before = (int) PINS.getAndBitwiseOr(this, CLOSED);
            if ((before & CLOSED) != 0) {
                return false;
            }
            if (before == 0) {
                this.ref.stop();
            }
            return true;
        }

        /** Opaque store: the idle clock tolerates a stale read, and a fence per send would cost more. */
        void touch(long now) {
            LAST_USED.setOpaque(this, now);
        }

        long lastUsed() {
            return (long) LAST_USED.getOpaque(this);
        }
    }

    /** One key's handle: what {@code forKey} returns. */
    private static final class KeyHandle<M, R> implements ActorHandle<M, R> {

        private final KeyedActorCell<M, R> owner;

        private final String key;

        KeyHandle(KeyedActorCell<M, R> owner, String key) {
            this.owner = owner;
            this.key = key;
        }

        @Override
        public String name() {
            return this.owner.name;
        }

        @Override
        public CompletableFuture<R> call(M message) {
            try {
                return this.owner.send(this.key, (ref) -> ref.call(message));
            }
            catch (ActorClosedException ex) {
                return CompletableFuture.failedFuture(ex);
            }
        }

        @Override
        public CompletableFuture<R> call(M message, Duration timeout) {
            try {
                return this.owner.send(this.key, (ref) -> ref.call(message, timeout));
            }
            catch (ActorClosedException ex) {
                return CompletableFuture.failedFuture(ex);
            }
        }

        @Override
        public void cast(M message) {
            this.owner.send(this.key, (ref) -> {
                ref.cast(message);
                return null;
            });
        }

        @Override
        public String toString() {
            return "key '" + this.key + "' of " + this.owner;
        }
    }

    /** Totals of the dropped cells; guarded by itself. */
    private static final class RetiredStats {

        long handled;

        long failed;

        long rejectedFull;

        long rejectedClosed;

        long expired;

        long restarts;

        long flushes;

        long batchRetries;

        Throwable lastError;

        synchronized void add(ActorStats stats) {
            this.handled += stats.handled();
            this.failed += stats.failed();
            this.rejectedFull += stats.rejectedFull();
            this.rejectedClosed += stats.rejectedClosed();
            this.expired += stats.expired();
            this.restarts += stats.restarts();
            this.flushes += stats.flushes();
            this.batchRetries += stats.batchRetries();
            if (stats.lastError() != null) {
                this.lastError = stats.lastError();
            }
        }

        synchronized void rejectedClosed() {
            this.rejectedClosed++;
        }

        synchronized RetiredStats copy() {
            RetiredStats copy = new RetiredStats();
            copy.add(new ActorStats(null, null, null, 0, 0, this.handled, this.failed, this.rejectedFull,
                    this.rejectedClosed, this.expired, this.restarts, this.flushes, 0, this.batchRetries, this.lastError));
            return copy;
        }
    }
}
