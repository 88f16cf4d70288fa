package dev.actors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.ActorClosedException;
import dev.actors.ActorException;
import dev.actors.spi.ActorListener;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorState;
import dev.actors.ActorStats;
import dev.actors.spi.ContextPropagator;
import dev.actors.FailurePolicy;
import dev.actors.MailboxFullException;
import dev.actors.OverflowPolicy;
import dev.actors.spi.RejectReason;

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

    private static final VarHandle STATUS;

    private static final VarHandle STATE;

    private static final VarHandle TERMINATED;

    private static final VarHandle REJECTED_FULL;

    private static final VarHandle REJECTED_CLOSED;

    private static final VarHandle HANDLED;

    private static final VarHandle FAILED;

    private static final VarHandle EXPIRED;

    private static final VarHandle RESTARTS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATUS = lookup.findVarHandle(ActorCell.class, "status", int.class);
            STATE = lookup.findVarHandle(ActorCell.class, "state", ActorState.class);
            TERMINATED = lookup.findVarHandle(ActorCell.class, "terminated", CompletableFuture.class);
            REJECTED_FULL = lookup.findVarHandle(ActorCell.class, "rejectedFull", long.class);
            REJECTED_CLOSED = lookup.findVarHandle(ActorCell.class, "rejectedClosed", long.class);
            HANDLED = lookup.findVarHandle(ActorCell.class, "handled", long.class);
            FAILED = lookup.findVarHandle(ActorCell.class, "failed", long.class);
            EXPIRED = lookup.findVarHandle(ActorCell.class, "expired", long.class);
            RESTARTS = lookup.findVarHandle(ActorCell.class, "restarts", long.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    protected final String name;

    protected final ActorSettings settings;

    protected final Mailbox mailbox;

    protected final Timers timers;

    protected ActorListener listener = ActorListener.NONE;

    /** Whether a listener wants timings: without one, handling a cast reads no clock at all. */
    protected boolean timed;

    protected final ContextPropagator propagator;

    private final Executor executor;

    private final long callTimeoutNanos;

    /** The timeout lane of {@link #callTimeoutNanos}, kept to skip the lookup on the common path. */
    private final Timers.Lane callTimeoutLane;

    /** Senders blocked on a full mailbox: only actors with overflow 'block' have one. */
    private final SpaceWait spaceWait;

    // Plain fields below, each accessed through its VarHandle or from the actor's thread only: an idle actor is
    // a few hundred bytes, with no AtomicXxx or lock objects of its own.

    private volatile int status = IDLE;

    /**
     * Whether the run just drained the mailbox after answering a single call: its caller may well call again at
     * once, so a short spin before going idle is likely to pay.
     */
    protected boolean loneCallAnswered;

    private volatile ActorState state = ActorState.RUNNING;

    /** Created when first asked for (a stop, a termination): most actors live as long as the application. */
    private volatile CompletableFuture<Void> terminated;

    /** Set once the shutdown timeout has passed: what is still queued is failed, not handled. */
    private volatile boolean abortRequested;

    private volatile ScheduledFuture<?> abortTask;

    private volatile Throwable lastError;

    /**
     * Counters written by the actor's thread only, with release stores: one writer needs no atomic add, and a
     * release store is a plain store on x86, where a volatile one would cost a fence per message. A caller that
     * saw its reply sees the count that includes it (the store comes before the completion).
     */
    private long handled;

    private long failed;

    private long expired;

    private long restarts;

    /** Written by senders: atomic adds, rare. */
    private volatile long rejectedFull;

    private volatile long rejectedClosed;

    /** Actor's thread only; created at the first restart. */
    private ArrayDeque<Long> restartTimes;

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
        this.spaceWait = (settings.overflow() == OverflowPolicy.BLOCK) ? new SpaceWait() : null;
    }

    /**
     * Sets the listener; called once by the actor system before the actor is published.
     *
     * @param listener the listener
     */
    public void listener(ActorListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timed = listener != ActorListener.NONE;
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
        // A call always reads the clock: its deadline is counted from when it was accepted.
        Envelope envelope = new Envelope(this.name, message, System.nanoTime(), timeoutNanos, capture());
        if (timeoutNanos == this.callTimeoutNanos) {
            this.timers.watch(this.callTimeoutLane, envelope);
        }
        else {
            this.timers.watch(timeoutNanos, envelope);
        }
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
        enqueue(new Envelope(this.name, message, needsAcceptTime() ? System.nanoTime() : 0, 0, capture()));
    }

    /** Whether a cast must note when it was accepted: for the wait metric, or for a batch's deadline. */
    protected boolean needsAcceptTime() {
        return this.timed;
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
        if (!this.state.isAccepting()) {
            return rejectedClosed();
        }
        if (this.mailbox.tryReserve()
                || (this.settings.overflow() == OverflowPolicy.BLOCK && awaitSpace())) {
            if (this.state.isAccepting()) {
                return null;
            }
            // A stop began while this sender took its slot. The stop finishes only once no slot is taken, and this
            // sender looks at the state only after taking one: either the stop sees the slot and waits for the
            // message, or the sender sees the stop and gives the slot back. Never an accepted message that a
            // finished stop leaves behind.
            this.mailbox.cancelReservation();
            return rejectedClosed();
        }
        if (!this.state.isAccepting()) {
            // A blocked sender woken by a stop: the actor is closing, not full.
            return rejectedClosed();
        }
        return rejected(RejectReason.FULL, new MailboxFullException(this.name, this.mailbox.capacity()));
    }

    private ActorException rejectedClosed() {
        return rejected(RejectReason.CLOSED, closedException("it is " + stateWord(), null));
    }

    private ActorException rejected(RejectReason reason, ActorException exception) {
        countRejected(reason);
        return exception;
    }

    private void countRejected(RejectReason reason) {
        ((reason == RejectReason.FULL) ? REJECTED_FULL : REJECTED_CLOSED).getAndAdd(this, 1L);
        this.listener.messageRejected(reason);
    }

    private boolean awaitSpace() {
        SpaceWait wait = this.spaceWait;
        long remaining = this.settings.offerTimeout().toNanos();
        wait.waiters.incrementAndGet();
        wait.lock.lock();
        try {
            long deadline = System.nanoTime() + remaining;
            while (remaining > 0 && this.state.isAccepting()) {
                wait.spaceAvailable.awaitNanos(Math.min(remaining, MAX_SPACE_WAIT_NANOS));
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
            wait.lock.unlock();
            wait.waiters.decrementAndGet();
        }
    }

    private void enqueue(Envelope envelope) {
        this.mailbox.offer(envelope);
        scheduleRun();
    }

    // ---------------------------------------------------------------- scheduling

    /** Makes sure a run will happen: submits the cell unless it is already scheduled or running. */
    protected final void scheduleRun() {
        if (this.status == IDLE && STATUS.compareAndSet(this, IDLE, SCHEDULED)) {
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
            if (this.state == ActorState.STOPPING && this.mailbox.isDrained() && !hasPending()) {
                finishStop(ActorState.STOPPED);
            }
            else if (!this.state.isTerminal() || this.mailbox.hasMessages()) {
                logger.error("Actor '{}': its executor refused to run it; the actor is stopped for good", this.name,
                        ex);
                this.lastError = ex;
                terminate(ActorState.FAILED, ex);
            }
            this.status = IDLE;
        }
    }

    @Override
    public final void run() {
        try {
            if (this.state.isTerminal()) {
                failQueued(null);
            }
            else {
                int budget = this.settings.throughput();
                boolean more;
                do {
                    boolean budgetSpent = processMessages(budget);
                    // Go on, keeping the cache warm, while nobody else waits for this thread and there is more
                    // to do: the budget ran out, or a caller just answered called again during a short spin.
                    more = !othersWaiting(this.executor) && (budgetSpent || (this.loneCallAnswered
                            && this.state == ActorState.RUNNING && awaitMessageBriefly()));
                }
                while (more);
                if (this.abortRequested && this.state == ActorState.STOPPING) {
                    abortStop();
                }
                else if (this.state == ActorState.STOPPING && this.mailbox.isDrained() && !hasPending()) {
                    finishStop(ActorState.STOPPED);
                }
            }
        }
        catch (Throwable ex) {
            logger.error("Actor '{}': unexpected failure in the runtime", this.name, ex);
        }
        finally {
            this.status = IDLE;
            // After going idle: a message or a timer that came while this run was ending saw it still scheduled
            // and left the work to it, so look again.
            if (this.mailbox.hasMessages() || this.state == ActorState.STOPPING || pendingDue()) {
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

    /**
     * Whether messages held by the cell (a partial batch) are due to be handled now, on the actor's thread. A timer
     * that fired while the run was ending could not schedule another one; this makes up for it.
     */
    protected boolean pendingDue() {
        return false;
    }

    /** Fails the messages taken from the mailbox but not yet handled. */
    protected void failPending(ActorClosedException reason) {
    }

    /** Replaces the actor instance with a fresh one from its factory (failure policy restart). */
    protected abstract void replaceInstance();

    /**
     * Takes the next live message, on the actor's thread: skips (and counts) calls whose caller gave up. Once an
     * aborted stop is requested it takes nothing more: the stop fails, counts and logs what is left.
     *
     * @return the envelope, or {@code null} when the mailbox is empty or the stop is aborted
     */
    protected final Envelope nextLive() {
        for (;;) {
            if (this.abortRequested) {
                return null;
            }
            Envelope envelope = this.mailbox.poll();
            if (envelope == null) {
                return null;
            }
            if (this.spaceWait != null && this.spaceWait.waiters.get() != 0) {
                this.spaceWait.signal();
            }
            if (envelope.isCall() && envelope.isDone()) {
                expired(envelope);
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
        return this.state.isTerminal();
    }

    protected final boolean isStopping() {
        return this.state == ActorState.STOPPING;
    }

    protected final void expired(Envelope envelope) {
        envelope.message = null;
        EXPIRED.setRelease(this, this.expired + 1);
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
        if (this.restartTimes == null) {
            this.restartTimes = new ArrayDeque<>();
        }
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
        STATE.compareAndSet(this, ActorState.RUNNING, ActorState.RESTARTING);
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
        RESTARTS.setRelease(this, this.restarts + 1);
        STATE.compareAndSet(this, ActorState.RESTARTING, ActorState.RUNNING);
        logger.warn("Actor '{}' restarted after a failure (on-failure: restart)", this.name, failure);
        this.listener.restarted(failure);
    }

    /** Stops for good and fails everything queued; on the actor's thread (or with the cell scheduled). */
    private void terminate(ActorState finalState, Throwable cause) {
        this.state = finalState;
        failPending(closedException("it was stopped by its failure policy", cause));
        failQueued(cause);
        completeTermination();
    }

    // ---------------------------------------------------------------- stopping

    @Override
    public CompletableFuture<Void> stop() {
        for (;;) {
            ActorState current = this.state;
            if (!current.isAccepting()) {
                return terminated();
            }
            if (STATE.compareAndSet(this, current, ActorState.STOPPING)) {
                break;
            }
        }
        Duration timeout = this.settings.shutdownTimeout();
        this.abortTask = this.timers.schedule(() -> {
            this.abortRequested = true;
            scheduleRun();
        }, timeout.toNanos());
        scheduleRun();
        return terminated();
    }

    @Override
    public CompletableFuture<Void> whenTerminated() {
        return terminated();
    }

    @SuppressWarnings("unchecked")
    private CompletableFuture<Void> terminated() {
        CompletableFuture<Void> future = this.terminated;
        if (future == null) {
            CompletableFuture<Void> created = new CompletableFuture<>();
            future = (CompletableFuture<Void>) TERMINATED.compareAndExchange(this, null, created);
            if (future == null) {
                future = created;
            }
        }
        return future;
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
        long before = this.rejectedClosed;
        failPending(reason);
        return (int) (this.rejectedClosed - before);
    }

    private ActorClosedException abortException() {
        return closedException("its shutdown-timeout (" + this.settings.shutdownTimeout()
                + ") passed before this message was handled", null);
    }

    private void finishStop(ActorState finalState) {
        this.state = finalState;
        completeTermination();
    }

    private void completeTermination() {
        ScheduledFuture<?> abort = this.abortTask;
        if (abort != null) {
            abort.cancel(false);
        }
        terminated().complete(null);
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
        countRejected(RejectReason.CLOSED);
    }

    protected final ActorClosedException closedException(String why, Throwable cause) {
        return new ActorClosedException(this.name, "Actor '" + this.name + "' did not handle the message: " + why,
                cause);
    }

    private String stateWord() {
        return this.state.name().toLowerCase(java.util.Locale.ROOT);
    }

    // ---------------------------------------------------------------- statistics

    @Override
    public ActorSettings settings() {
        return this.settings;
    }

    @Override
    public ActorState state() {
        return this.state;
    }

    @Override
    public ActorStats stats() {
        return new ActorStats(this.name, kind(), this.state, this.mailbox.size(), this.mailbox.capacity(),
                (long) HANDLED.getAcquire(this), (long) FAILED.getAcquire(this), this.rejectedFull,
                this.rejectedClosed, (long) EXPIRED.getAcquire(this), (long) RESTARTS.getAcquire(this), flushes(),
                lastFlushSize(), this.lastError);
    }

    protected long flushes() {
        return 0;
    }

    protected int lastFlushSize() {
        return 0;
    }

    /** Actor's thread only (one writer, so the read-add-write is exact). */
    protected final void countHandled(int n) {
        HANDLED.setRelease(this, this.handled + n);
    }

    /** Actor's thread only. */
    protected final void countFailed(int n) {
        FAILED.setRelease(this, this.failed + n);
    }

    @Override
    public String toString() {
        return kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + this.name + "' (" + stateWord() + ")";
    }

    /**
     * Spins a few microseconds for the next message before the actor goes idle. Going idle costs the next sender a
     * hand-off to the executor and a thread wake-up (a system call on both sides); a request/response partner
     * usually sends again within microseconds, so a short bounded spin saves that round trip, as Erlang's schedulers
     * and fork-join workers do before they sleep. The run calls it only when {@link #othersWaiting} says nobody
     * waits, which an executor that cannot tell never says: so only pools that can tell get a spin.
     *
     * @return {@code true} when a message arrived
     */
    private boolean awaitMessageBriefly() {
        long spinNanos = this.settings.spinBeforeIdle().toNanos();
        if (spinNanos == 0) {
            return false;
        }
        long deadline = System.nanoTime() + spinNanos;
        do {
            Thread.onSpinWait();
            if (this.mailbox.hasMessages()) {
                return true;
            }
        }
        while (System.nanoTime() - deadline < 0 && !othersWaiting(this.executor));
        return false;
    }

    /**
     * Tells cheaply whether other tasks wait for the executor, so that a run whose budget ran out gives its thread
     * back only when that helps someone. Unknown executors are assumed busy: always yield.
     */
    private static boolean othersWaiting(Executor executor) {
        if (executor instanceof ThreadPoolExecutor pool) {
            return !pool.getQueue().isEmpty();
        }
        if (executor instanceof ForkJoinPool pool) {
            return pool.hasQueuedSubmissions();
        }
        return true;
    }

    /** The lock and condition on which senders wait for space, with overflow 'block'. */
    private static final class SpaceWait {

        final AtomicInteger waiters = new AtomicInteger();

        final ReentrantLock lock = new ReentrantLock();

        final Condition spaceAvailable = this.lock.newCondition();

        void signal() {
            this.lock.lock();
            try {
                this.spaceAvailable.signal();
            }
            finally {
                this.lock.unlock();
            }
        }
    }
}
