package dev.actors.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.ActorClosedException;
import dev.actors.ActorException;
import dev.actors.ActorListener;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorState;
import dev.actors.ActorStats;
import dev.actors.ContextPropagator;
import dev.actors.FailurePolicy;
import dev.actors.MailboxFullException;
import dev.actors.OverflowPolicy;
import dev.actors.RejectReason;

/**
 * One running actor: its mailbox, its scheduling on an executor, its supervision and its statistics. Subclasses say
 * how queued messages are handled: one by one ({@link PlainActorCell}) or in batches ({@link BatchActorCell}).
 *
 * <h2>Scheduling</h2>
 * An idle actor holds no thread. The first message into an idle mailbox flips {@code status} from idle to scheduled
 * (one CAS) and submits the cell to its executor; later messages see it scheduled and only enqueue, so no thread is
 * woken per message while the actor runs. A run drains up to {@code throughput} messages, then, if other tasks wait
 * for the executor, gives the thread back and resubmits itself (Pekko's fairness bound); if nobody waits it goes on.
 * At the end it goes idle and re-checks the mailbox, which closes the race with a producer that enqueued meanwhile.
 * The status CAS and the executor hand-off give each run a happens-before edge to the previous one, so handler state
 * needs no locks.
 */
public abstract class ActorCell<M, R> implements ActorRef<M, R>, Runnable {

    private static final Logger logger = LoggerFactory.getLogger(ActorCell.class);

    private static final int IDLE = 0;

    private static final int SCHEDULED = 1;

    /** Longest a blocked sender sleeps between looks at the mailbox: bounds the cost of a missed signal. */
    private static final long MAX_SPACE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    protected final String name;

    protected final ActorSettings settings;

    protected final Mailbox mailbox;

    protected final Timers timers;

    protected ActorListener listener = ActorListener.NONE;

    protected final ContextPropagator propagator;

    private final Executor executor;

    private final BooleanSupplier othersWaiting;

    private final long callTimeoutNanos;

    /** The timeout lane of {@link #callTimeoutNanos}, kept to skip the lookup on the common path. */
    private final Timers.Lane callTimeoutLane;

    private final AtomicInteger status = new AtomicInteger(IDLE);

    private final AtomicReference<ActorState> state = new AtomicReference<>(ActorState.RUNNING);

    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    /** Set once the shutdown timeout has passed: what is still queued is failed, not handled. */
    private volatile boolean abortRequested;

    private volatile ScheduledFuture<?> abortTask;

    private volatile Throwable lastError;

    /** Consumer-written counters: one writer, so lazySet of get() + n is exact and cheap. */
    protected final AtomicLong handled = new AtomicLong();

    protected final AtomicLong failed = new AtomicLong();

    private final AtomicLong expired = new AtomicLong();

    private final AtomicLong restarts = new AtomicLong();

    private final LongAdder rejectedFull = new LongAdder();

    private final LongAdder rejectedClosed = new LongAdder();

    private final ArrayDeque<Long> restartTimes = new ArrayDeque<>();

    private final AtomicInteger spaceWaiters = new AtomicInteger();

    private final ReentrantLock spaceLock = new ReentrantLock();

    private final Condition spaceAvailable = this.spaceLock.newCondition();

    /** Reused by timers that only need to wake the actor. */
    protected final Runnable wakeUp = this::scheduleRun;

    protected ActorCell(String name, ActorSettings settings, Executor executor, Timers timers,
            ContextPropagator propagator) {
        this.name = name;
        this.settings = settings;
        this.executor = executor;
        this.timers = timers;
        this.propagator = propagator;
        this.mailbox = new Mailbox(settings.mailboxCapacity());
        this.callTimeoutNanos = settings.callTimeout().toNanos();
        this.callTimeoutLane = timers.lane(this.callTimeoutNanos);
        this.othersWaiting = othersWaitingProbe(executor);
    }

    /**
     * Sets the listener; called once by the actor system before the actor is published.
     *
     * @param listener the listener
     */
    public void listener(ActorListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    // ---------------------------------------------------------------- sending

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public CompletableFuture<R> call(M message) {
        return send(message, this.callTimeoutNanos);
    }

    @Override
    public CompletableFuture<R> call(M message, Duration timeout) {
        Objects.requireNonNull(timeout, () -> "Actor '" + this.name + "': the call's timeout must not be null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                    "Actor '" + this.name + "': the call's timeout must be positive but was " + timeout);
        }
        return send(message, timeout.toNanos());
    }

    @SuppressWarnings("unchecked")
    private CompletableFuture<R> send(M message, long timeoutNanos) {
        requireMessage(message);
        ActorException refused = reserve();
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        Envelope envelope = new Envelope(this.name, message, System.nanoTime(), timeoutNanos, capture());
        this.timers.watch((timeoutNanos == this.callTimeoutNanos) ? this.callTimeoutLane
                : this.timers.lane(timeoutNanos), envelope);
        enqueue(envelope);
        return (CompletableFuture<R>) (CompletableFuture<?>) envelope;
    }

    @Override
    public void cast(M message) {
        requireMessage(message);
        ActorException refused = reserve();
        if (refused != null) {
            throw refused;
        }
        enqueue(new Envelope(this.name, message, System.nanoTime(), 0, capture()));
    }

    private void requireMessage(M message) {
        if (message == null) {
            throw new NullPointerException("Actor '" + this.name + "': the message must not be null");
        }
    }

    private Object capture() {
        return (this.propagator != null) ? this.propagator.capture() : null;
    }

    /** Reserves a mailbox slot; returns why not, or {@code null} when reserved. */
    private ActorException reserve() {
        if (!this.state.get().isAccepting()) {
            return rejected(RejectReason.CLOSED, closedException("it is " + stateWord(), null));
        }
        if (this.mailbox.tryReserve()
                || (this.settings.overflow() == OverflowPolicy.BLOCK && awaitSpace())) {
            return null;
        }
        if (!this.state.get().isAccepting()) {
            // A blocked sender woken by a stop: the actor is closing, not full.
            return rejected(RejectReason.CLOSED, closedException("it is " + stateWord(), null));
        }
        return rejected(RejectReason.FULL, new MailboxFullException(this.name, this.mailbox.capacity()));
    }

    private ActorException rejected(RejectReason reason, ActorException exception) {
        ((reason == RejectReason.FULL) ? this.rejectedFull : this.rejectedClosed).increment();
        this.listener.messageRejected(reason);
        return exception;
    }

    private boolean awaitSpace() {
        long remaining = this.settings.offerTimeout().toNanos();
        this.spaceWaiters.incrementAndGet();
        this.spaceLock.lock();
        try {
            long deadline = System.nanoTime() + remaining;
            while (remaining > 0 && this.state.get().isAccepting()) {
                this.spaceAvailable.awaitNanos(Math.min(remaining, MAX_SPACE_WAIT_NANOS));
                if (this.mailbox.tryReserve()) {
                    return true;
                }
                remaining = deadline - System.nanoTime();
            }
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        finally {
            this.spaceLock.unlock();
            this.spaceWaiters.decrementAndGet();
        }
    }

    private void enqueue(Envelope envelope) {
        this.mailbox.offer(envelope);
        scheduleRun();
    }

    // ---------------------------------------------------------------- scheduling

    /** Makes sure a run will happen: submits the cell unless it is already scheduled or running. */
    protected final void scheduleRun() {
        if (this.status.get() == IDLE && this.status.compareAndSet(IDLE, SCHEDULED)) {
            submit();
        }
    }

    private void submit() {
        try {
            this.executor.execute(this);
        }
        catch (RejectedExecutionException ex) {
            // The executor is gone (usually shut down before the actors). Holding the scheduled status, this thread
            // is the consumer: finish a stop with nothing left quietly, else fail what is queued, loudly, rather
            // than leave callers hanging.
            if (this.state.get() == ActorState.STOPPING && !this.mailbox.hasMessages() && !hasPending()) {
                finishStop(ActorState.STOPPED);
            }
            else if (!this.state.get().isTerminal() || this.mailbox.hasMessages()) {
                logger.error("Actor '{}': its executor refused to run it; the actor is stopped for good", this.name,
                        ex);
                this.lastError = ex;
                terminate(ActorState.FAILED, ex);
            }
            this.status.set(IDLE);
        }
    }

    @Override
    public final void run() {
        try {
            if (this.state.get().isTerminal()) {
                failQueued(null);
            }
            else {
                int budget = this.settings.throughput();
                while (processMessages(budget) && !this.othersWaiting.getAsBoolean()) {
                    // The budget ran out but no other task waits for a thread: keep the cache warm and go on.
                }
                if (this.abortRequested && this.state.get() == ActorState.STOPPING) {
                    abortStop();
                }
                else if (this.state.get() == ActorState.STOPPING && !this.mailbox.hasMessages() && !hasPending()) {
                    finishStop(ActorState.STOPPED);
                }
            }
        }
        catch (Throwable ex) {
            logger.error("Actor '{}': unexpected failure in the runtime", this.name, ex);
        }
        finally {
            this.status.set(IDLE);
            if (this.mailbox.hasMessages() || this.state.get() == ActorState.STOPPING) {
                scheduleRun();
            }
        }
    }

    /**
     * Handles queued messages on the actor's thread.
     *
     * @param budget about how many messages to handle before returning
     * @return {@code true} when the budget ran out with messages left, {@code false} when the mailbox is drained
     */
    protected abstract boolean processMessages(int budget);

    /** Whether messages taken from the mailbox are still held (a batch being collected). */
    protected boolean hasPending() {
        return false;
    }

    /** Fails the messages taken from the mailbox but not yet handled. */
    protected void failPending(ActorClosedException reason) {
    }

    /** Replaces the actor instance with a fresh one from its factory (failure policy restart). */
    protected abstract void replaceInstance();

    /**
     * Takes the next live message, on the actor's thread: skips (and counts) calls whose caller gave up, and during
     * an aborted stop fails what it takes.
     *
     * @return the envelope, or {@code null} when the mailbox is empty
     */
    protected final Envelope nextLive() {
        for (;;) {
            Envelope envelope = this.mailbox.poll();
            if (envelope == null) {
                return null;
            }
            if (this.spaceWaiters.get() != 0) {
                signalSpace();
            }
            if (envelope.isCall() && envelope.isDone()) {
                expired(envelope);
            }
            else if (this.abortRequested) {
                failClosed(envelope, abortException());
            }
            else {
                return envelope;
            }
        }
    }

    protected final boolean isAbortRequested() {
        return this.abortRequested;
    }

    /** Whether the failure policy has just stopped the actor for good: stop handling. */
    protected final boolean isTerminal() {
        return this.state.get().isTerminal();
    }

    protected final boolean isStopping() {
        return this.state.get() == ActorState.STOPPING;
    }

    private void signalSpace() {
        this.spaceLock.lock();
        try {
            this.spaceAvailable.signal();
        }
        finally {
            this.spaceLock.unlock();
        }
    }

    protected final void expired(Envelope envelope) {
        envelope.message = null;
        this.expired.lazySet(this.expired.get() + 1);
        this.listener.messageExpired();
    }

    /** Completes a handled message. */
    protected final void succeeded(Envelope envelope, Object result) {
        envelope.message = null;
        if (envelope.isCall()) {
            envelope.complete(result);
        }
    }

    /**
     * Completes a message whose handler threw.
     *
     * @return {@code true} if it was a cast (whose failure the caller must log)
     */
    protected final boolean failedWith(Envelope envelope, Throwable failure) {
        envelope.message = null;
        if (envelope.isCall()) {
            envelope.completeExceptionally(failure);
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- supervision

    /** Applies the failure policy after the handler threw; on the actor's thread. */
    protected final void onFailure(Throwable failure) {
        this.lastError = failure;
        FailurePolicy policy = this.settings.onFailure();
        if (policy == FailurePolicy.STOP) {
            logger.error("Actor '{}' failed and is stopped for good (on-failure: stop); queued and later messages "
                    + "fail with ActorClosedException", this.name, failure);
            terminate(ActorState.FAILED, failure);
        }
        else if (policy == FailurePolicy.RESTART) {
            restart(failure);
        }
    }

    private void restart(Throwable failure) {
        long now = System.nanoTime();
        long window = this.settings.restartWithin().toNanos();
        while (!this.restartTimes.isEmpty() && now - this.restartTimes.peekFirst() > window) {
            this.restartTimes.pollFirst();
        }
        if (this.restartTimes.size() >= this.settings.maxRestarts()) {
            logger.error("Actor '{}' failed after {} restarts within {} (restart.max-restarts, restart.within): it is "
                    + "stopped for good; queued and later messages fail with ActorClosedException", this.name,
                    this.restartTimes.size(), this.settings.restartWithin(), failure);
            terminate(ActorState.FAILED, failure);
            return;
        }
        this.restartTimes.addLast(now);
        this.state.compareAndSet(ActorState.RUNNING, ActorState.RESTARTING);
        try {
            replaceInstance();
        }
        catch (Throwable ex) {
            ex.addSuppressed(failure);
            this.lastError = ex;
            logger.error("Actor '{}' could not be restarted: its factory threw; it is stopped for good", this.name, ex);
            terminate(ActorState.FAILED, ex);
            return;
        }
        this.restarts.lazySet(this.restarts.get() + 1);
        this.state.compareAndSet(ActorState.RESTARTING, ActorState.RUNNING);
        logger.warn("Actor '{}' restarted after a failure (on-failure: restart)", this.name, failure);
        this.listener.restarted(failure);
    }

    /** Stops for good and fails everything queued; on the actor's thread (or with the cell scheduled). */
    private void terminate(ActorState finalState, Throwable cause) {
        this.state.set(finalState);
        failPending(closedException("it was stopped by its failure policy", cause));
        failQueued(cause);
        completeTermination();
    }

    // ---------------------------------------------------------------- stopping

    @Override
    public CompletableFuture<Void> stop() {
        for (;;) {
            ActorState current = this.state.get();
            if (!current.isAccepting()) {
                return this.terminated;
            }
            if (this.state.compareAndSet(current, ActorState.STOPPING)) {
                break;
            }
        }
        Duration timeout = this.settings.shutdownTimeout();
        this.abortTask = this.timers.schedule(() -> {
            this.abortRequested = true;
            scheduleRun();
        }, timeout.toNanos());
        scheduleRun();
        return this.terminated;
    }

    @Override
    public CompletableFuture<Void> whenTerminated() {
        return this.terminated;
    }

    private void abortStop() {
        ActorClosedException reason = abortException();
        int left = failPendingCounted(reason) + failQueuedWith(reason);
        if (left > 0) {
            logger.warn("Actor '{}' stopped after its shutdown-timeout ({}) with {} messages unhandled; they failed "
                    + "with ActorClosedException", this.name, this.settings.shutdownTimeout(), left);
        }
        finishStop(ActorState.STOPPED);
    }

    private int failPendingCounted(ActorClosedException reason) {
        long before = this.rejectedClosed.sum();
        failPending(reason);
        return (int) (this.rejectedClosed.sum() - before);
    }

    private ActorClosedException abortException() {
        return closedException("its shutdown-timeout (" + this.settings.shutdownTimeout()
                + ") passed before this message was handled", null);
    }

    private void finishStop(ActorState finalState) {
        this.state.set(finalState);
        completeTermination();
    }

    private void completeTermination() {
        ScheduledFuture<?> abort = this.abortTask;
        if (abort != null) {
            abort.cancel(false);
        }
        this.terminated.complete(null);
    }

    private void failQueued(Throwable cause) {
        int count = failQueuedWith(closedException("it was " + stateWord() + " before this message was handled",
                cause));
        if (count > 0) {
            logger.warn("Actor '{}' is {}: {} queued messages failed with ActorClosedException", this.name,
                    stateWord(), count);
        }
    }

    private int failQueuedWith(ActorClosedException reason) {
        int count = 0;
        Envelope envelope;
        while ((envelope = this.mailbox.poll()) != null) {
            if (envelope.isCall() && envelope.isDone()) {
                expired(envelope);
            }
            else {
                failClosed(envelope, reason);
                count++;
            }
        }
        return count;
    }

    /** Fails one taken message because the actor is closed; counts it as rejected-closed. */
    protected final void failClosed(Envelope envelope, ActorClosedException reason) {
        envelope.message = null;
        if (envelope.isCall()) {
            envelope.completeExceptionally(reason);
        }
        this.rejectedClosed.increment();
        this.listener.messageRejected(RejectReason.CLOSED);
    }

    protected final ActorClosedException closedException(String why, Throwable cause) {
        return new ActorClosedException(this.name, "Actor '" + this.name + "' did not handle the message: " + why,
                cause);
    }

    private String stateWord() {
        return this.state.get().name().toLowerCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------- statistics

    @Override
    public ActorSettings settings() {
        return this.settings;
    }

    @Override
    public ActorState state() {
        return this.state.get();
    }

    @Override
    public ActorStats stats() {
        return new ActorStats(this.name, kind(), this.state.get(), this.mailbox.size(), this.mailbox.capacity(),
                this.handled.get(), this.failed.get(), this.rejectedFull.sum(), this.rejectedClosed.sum(),
                this.expired.get(), this.restarts.get(), flushes(), lastFlushSize(), this.lastError);
    }

    protected long flushes() {
        return 0;
    }

    protected int lastFlushSize() {
        return 0;
    }

    protected final void countHandled(int n) {
        this.handled.lazySet(this.handled.get() + n);
    }

    protected final void countFailed(int n) {
        this.failed.lazySet(this.failed.get() + n);
    }

    @Override
    public String toString() {
        return kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + this.name + "' (" + stateWord() + ")";
    }

    /**
     * Tells cheaply whether other tasks wait for the executor, so that a run whose budget ran out gives its thread
     * back only when that helps someone. Unknown executors are assumed busy: always yield.
     */
    private static BooleanSupplier othersWaitingProbe(Executor executor) {
        if (executor instanceof ThreadPoolExecutor pool) {
            return () -> !pool.getQueue().isEmpty();
        }
        if (executor instanceof ForkJoinPool pool) {
            return pool::hasQueuedSubmissions;
        }
        return () -> true;
    }
}
