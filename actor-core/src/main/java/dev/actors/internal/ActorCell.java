package dev.actors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.ActorClosedException;
import dev.actors.ActorException;
import dev.actors.ActorKind;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorState;
import dev.actors.ActorStats;
import dev.actors.OverflowPolicy;
import dev.actors.spi.ActorClock;
import dev.actors.spi.ActorListener;
import dev.actors.spi.ContextPropagator;
import dev.actors.spi.RejectReason;

/**
 * One actor in the runtime: its run loop on an executor, and its life-cycle state. The other concerns have homes
 * of their own: sending in {@link CellAddress}, the bounded queue and blocked senders in {@link Mailbox}, the
 * counters in
 * {@link ActorCounters}, the failure policy in {@link Supervision} (with {@link RestartIntensity}), and the end of
 * the actor in {@link StopSequence}. Subclasses say how queued messages are handled, in
 * {@link #processMessages(int)}: one by one ({@link PlainActorCell}) or in batches ({@link BatchActorCell}).
 *
 * <h2>The rules of the run loop</h2>
 * <ul>
 * <li>An idle actor holds no thread. The first message into an idle mailbox flips {@code status} from idle to
 * scheduled (one CAS) and submits the cell to its executor; later messages see it scheduled and only enqueue, so no
 * thread is woken per message while the actor runs.</li>
 * <li>Whoever holds the scheduled status is the mailbox's one consumer: the run, or a sender whose submit was
 * refused.</li>
 * <li>A run handles up to {@code throughput} messages, then, if other tasks wait for the executor, gives the
 * thread back and resubmits itself (Pekko's fairness bound); if nobody waits it goes on.</li>
 * <li>A run that drained the mailbox right after answering a lone call spins a few microseconds before going idle
 * ({@code spin-before-idle}), since its caller is likely to call again at once.</li>
 * <li>At the end a run goes idle and re-checks the mailbox, which closes the race with a producer that enqueued
 * meanwhile. The status CAS and the executor hand-off give each run a happens-before edge to the previous one, so
 * handler state needs no locks.</li>
 * <li>The thread's interrupt flag is cleared before each message: one handler's leftover interrupt must not make
 * the next message's blocking call throw.</li>
 * <li>A cell can exist before its instance ({@link #start()} creates it): until then it accepts and queues
 * messages but never runs, except to carry out a stop.</li>
 * <li>A run never nests inside itself: an executor that runs tasks on the submitting thread ({@code Runnable::run},
 * {@code CallerRunsPolicy}) gets the run's own resubmission back at once, and the run goes round again instead of
 * growing the stack.</li>
 * <li>A refused run (any throwable from {@code execute}, not only a rejection) is counted, logged and tried again
 * with a back-off, holding the scheduled status, for up to the actor's {@code shutdown-timeout}; only then, or at
 * once when the executor is shut down, does the actor fail ({@code FAILED}). The thread that gives up fails what is
 * queued, and looks at the mailbox again after going idle, so a message accepted meanwhile is not stranded.</li>
 * </ul>
 */
public abstract class ActorCell<M, R> implements Runnable {

    private static final Logger logger = LoggerFactory.getLogger(ActorCell.class);

    private static final int IDLE = 0;

    private static final int SCHEDULED = 1;

    /** Created without its instance: messages queue, nothing runs until {@link #start()}. */
    private static final int UNSTARTED = 2;

    private static final VarHandle STATUS;

    /** The first back-off after a refused run; it doubles with each refusal in a row. */
    private static final long MIN_RETRY_DELAY_NANOS = 100_000;

    private static final long MAX_RETRY_DELAY_NANOS = 100_000_000;

    private static final VarHandle STATE;

    private static final VarHandle STOP;

    private static final VarHandle RUNNER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATUS = lookup.findVarHandle(ActorCell.class, "status", int.class);
            STATE = lookup.findVarHandle(ActorCell.class, "state", ActorState.class);
            STOP = lookup.findVarHandle(ActorCell.class, "stop", StopSequence.class);
            RUNNER = lookup.findVarHandle(ActorCell.class, "runner", Thread.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    final String name;

    final ActorSettings settings;

    final Mailbox mailbox;

    final Timers timers;

    /** The timers' clock, held here so that reading it is one field load and a call the JIT inlines. */
    final ActorClock clock;

    /** The mailbox, as its counters ({@link ActorCounters} says why they live there). */
    final ActorCounters counters;

    /** What the owner gets: forwards here, but is not this runnable cell. */
    private final CellRef<M, R> ref = new CellRef<>(this);

    ActorListener listener = ActorListener.NONE;

    /** Whether a listener wants timings: without one, handling a cast reads no clock at all. */
    boolean timed;

    final ContextPropagator propagator;

    private final Executor executor;

    /**
     * The actor's call-timeout. Here, not read from its lane: a lane's line is written by every caller of every
     * actor with that timeout, and reading it per call would cost a cache miss.
     */
    final long callTimeoutNanos;

    /** The timeout lane of {@link #callTimeoutNanos}, kept to skip the lookup on the common path. */
    final Timers.Lane callTimeoutLane;

    private volatile int status = UNSTARTED;

    private volatile ActorState state = ActorState.RUNNING;

    /** Created when first asked for (a stop, a termination): most actors live as long as the application. */
    private volatile StopSequence stop;

    volatile Throwable lastError;

    /** The async handler's stage in flight, or {@code null}; read by the abort timer. */
    volatile AsyncStage inFlight;

    /** Actor's thread only; created at the first restart. */
    private RestartIntensity restartIntensity;

    /**
     * The thread in this cell's run: a run that finds its own thread here was called by an inline executor inside
     * the run's resubmission (see {@link #run()}). Only a thread writes itself here, and it takes itself out before
     * its thread can run anything else.
     */
    @SuppressWarnings("unused") // also accessed through RUNNER
    private volatile Thread runner;

    /** Set by such a nested run, to the thread it ran on, so the outer run (and only it) goes round again. */
    private Thread rerunBy;

    /** Refused submissions in a row, and when the first was: holder of the scheduled status only. */
    private int refusals;

    private long firstRefusalAt;

    /**
     * Actor's thread only: the last pass gave its thread up to other waiting tasks with messages still queued, so
     * the resubmission must queue behind them ({@link #goAgain}).
     */
    private boolean yielded;

    /** The entity key of a keyed actor's cell, for logs; {@code null} for a plain actor. */
    private String key;

    /** Set by {@link #startOnFirstRun()}: the instance is made by the first run that has a message. */
    private boolean startsOnFirstRun;

    /** Makes the user's actor: once at the start, and again on every restart. */
    private final Supplier<?> factory;

    /**
     * The user's actor ({@code Actor}, {@code BatchActor} or an async kind, as the subclass knows); {@code null}
     * until the start, as a cell can exist and queue messages before it. Only the thread that holds the actor's run
     * (or the starting thread, before the first run) touches it. A field here rather than an object of its own:
     * an idle actor is mostly these few hundred bytes, and most applications have many.
     */
    Object instance;

    ActorCell(String name, ActorSettings settings, Executor executor, Timers timers, ContextPropagator propagator,
            Supplier<?> factory) {
        this.factory = factory;
        this.name = name;
        this.settings = settings;
        this.executor = executor;
        this.timers = timers;
        this.clock = timers.clock;
        this.propagator = propagator;
        this.mailbox = new Mailbox(settings.mailboxCapacity(), settings.overflow() == OverflowPolicy.BLOCK);
        this.counters = this.mailbox;
        this.callTimeoutNanos = settings.callTimeout().toNanos();
        this.callTimeoutLane = timers.lane(this.callTimeoutNanos);
    }

    /**
     * Returns the owner's reference to this actor, which is not the cell.
     *
     * @return the reference
     */
    public ActorRef<M, R> ref() {
        return this.ref;
    }

    /**
     * Sets the listener; called once by the actor system before the actor is published.
     *
     * @param listener the listener
     */
    public void listener(ActorListener listener) {
        Objects.requireNonNull(listener, "listener");
        this.listener = (listener != ActorListener.NONE) ? new GuardedListener(this.name, listener) : listener;
        this.timed = listener != ActorListener.NONE;
    }

    /**
     * Sets the entity key this cell serves (a keyed actor's cell); called once before the cell is published.
     *
     * @param key the key
     */
    public void key(String key) {
        this.key = key;
    }

    /** Says "Actor 'name'", with the key for a keyed actor's cell: the opening of a log line. */
    final String describe() {
        return (this.key != null) ? "Actor '" + this.name + "' (key '" + this.key + "')" : "Actor '" + this.name + "'";
    }

    /**
     * Starts the cell without its instance: the first run that finds a message makes it, on the actor's thread, so
     * that the factory runs neither on a sender's thread nor before the executor lets the cell run (a keyed actor's
     * next instance of a key waits for the previous one's {@code close()} that way). A factory that throws stops the
     * cell for good ({@code FAILED}) and fails what is queued. Called once, instead of {@link #start()}.
     */
    public final void startOnFirstRun() {
        this.startsOnFirstRun = true;
        if (STATUS.compareAndSet(this, UNSTARTED, IDLE)
                && (this.mailbox.hasMessages() || this.state == ActorState.STOPPING)) {
            scheduleRun();
        }
    }

    /**
     * Makes the instance of a cell started by {@link #startOnFirstRun()}, once there is a message for it.
     *
     * @return {@code true} when the instance exists now
     */
    private boolean activateOnRun() {
        if (!this.startsOnFirstRun || !this.mailbox.hasMessages()) {
            return false;
        }
        try {
            createInstance();
        }
        catch (Throwable ex) {
            this.lastError = ex;
            logger.error("{} could not be activated: its factory threw; its queued messages fail with "
                    + "ActorClosedException", describe(), ex);
            StopSequence.terminate(this, ActorState.FAILED, ex);
            return false;
        }
        return true;
    }

    /**
     * Ends the current instance: runs its {@link AutoCloseable#close()}, if it has one, on the thread that holds the
     * actor's run, so that it never runs beside the handler. A {@code close()} that throws is logged and counted;
     * the actor goes on.
     */
    final void closeInstance() {
        Object current = this.instance;
        this.instance = null;
        if (current instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            }
            catch (Throwable ex) {
                logger.error("{}: close() threw (counted in actor.close.failures)", describe(), ex);
                this.listener.closeFailed(ex);
            }
        }
    }

    /**
     * Creates the actor's first instance, on the calling thread, and lets the messages queued so far be handled.
     * Called once; a factory that throws leaves the cell unstarted and the exception goes to the caller.
     */
    public final void start() {
        createInstance();
        if (STATUS.compareAndSet(this, UNSTARTED, IDLE)
                && (this.mailbox.hasMessages() || this.state == ActorState.STOPPING)) {
            scheduleRun();
        }
    }

    // ---------------------------------------------------------------- what subclasses provide

    /** Makes a fresh instance; refuses a factory that returns {@code null}, which would only fail later. */
    final void createInstance() {
        Object created = this.factory.get();
        if (created == null) {
            throw new IllegalStateException(
                    "Actor '" + this.name + "': its factory returned null; it must return a new actor instance");
        }
        this.instance = created;
    }

    /**
     * Handles queued messages on the actor's thread.
     *
     * @param budget about how many messages to handle before returning
     * @return how the pass ended, which decides what the run does next
     */
    abstract RunResult processMessages(int budget);

    /** Whether messages taken from the mailbox are still held (a batch being collected). */
    boolean hasPending() {
        return false;
    }

    /**
     * Whether messages held by the cell (a partial batch) are due to be handled now, on the actor's thread. A timer
     * that fired while the run was ending could not schedule another one; this makes up for it.
     */
    boolean pendingDue() {
        return false;
    }

    /**
     * Whether messages taken from the mailbox are held between runs (a partial batch waiting for its deadline). Any
     * thread may ask, so it reads only what the actor's thread publishes.
     */
    boolean holdsMessages() {
        return false;
    }

    /** Fails the messages taken from the mailbox but not yet handled. */
    void failPending(ActorClosedException reason) {
    }

    /** Whether a cast must note when it was accepted: for the wait metric, or for a batch's deadline. */
    boolean needsAcceptTime() {
        return this.timed;
    }

    long flushes() {
        return 0;
    }

    int lastFlushSize() {
        return 0;
    }

    long batchRetries() {
        return 0;
    }

    // ---------------------------------------------------------------- accepting (for CellAddress)

    final boolean isAccepting() {
        return this.state.isAccepting();
    }

    final ActorException rejectedClosed() {
        countRejected(RejectReason.CLOSED);
        return closedException("it is " + stateWord(), null);
    }

    final void countRejected(RejectReason reason) {
        this.counters.countRejected(reason);
        this.listener.messageRejected(reason);
    }

    /** Links an accepted message and makes sure a run will take it. */
    final void enqueue(Envelope envelope) {
        this.mailbox.offer(envelope);
        scheduleRun();
    }

    // ---------------------------------------------------------------- the run loop

    /** Makes sure a run will happen: submits the cell unless it is already scheduled, running or unstarted. */
    final void scheduleRun() {
        if (this.status == IDLE && STATUS.compareAndSet(this, IDLE, SCHEDULED)) {
            submit();
        }
    }

    /** Hands the run back after an async stage settled: the cell is still scheduled, so submit it again. */
    final void resume() {
        submit();
    }

    private void submit() {
        try {
            this.executor.execute(this);
        }
        catch (Throwable ex) {
            // Any throwable, not only a rejection: an executor that cannot start a thread throws an Error. Holding
            // the scheduled status, this thread must either arrange a retry or fail what is queued; it must not
            // throw at a sender whose message is already queued.
            refused(ex);
        }
    }

    /**
     * After a refused submission, by the thread that holds the scheduled status: this cell's own {@link #submit()},
     * or a {@link GatedExecutor} whose hand-over of a held run failed after the cell's submit had returned.
     */
    final void refused(Throwable cause) {
        this.runner = null;
        this.counters.countRunRefused();
        this.listener.runRefused(cause);
        if (this.state == ActorState.STOPPING && this.mailbox.isDrained() && !hasPending()) {
            StopSequence.finish(this, ActorState.STOPPED);
        }
        else if (!this.state.isTerminal()) {
            if (retryLater(cause)) {
                return;   // still scheduled: the retry holds the run
            }
            Supervision.logFailure(logger, true, "Actor '" + this.name + "': its executor refused to run it "
                    + this.refusals + " times in a row; the actor is stopped for good", cause);
            this.lastError = cause;
            StopSequence.terminate(this, ActorState.FAILED, cause);
        }
        else {
            StopSequence.failQueuedLogged(this, cause);
        }
        // Idle again; a sender that took its slot before the actor ended may have queued since: nobody else will
        // look, and the executor is no help, so fail it here.
        for (;;) {
            this.status = IDLE;
            if (!this.state.isTerminal() || !this.mailbox.hasMessages()
                    || !STATUS.compareAndSet(this, IDLE, SCHEDULED)) {
                return;
            }
            StopSequence.failQueuedLogged(this, cause);
        }
    }

    /**
     * Tries the refused run again later, with a back-off, within the actor's shutdown-timeout: a saturated pool
     * usually has room again soon, and one refusal must not end the actor. Not when the executor is shut down.
     *
     * @return {@code true} when a retry is scheduled
     */
    private boolean retryLater(Throwable cause) {
        if (this.executor instanceof ExecutorService service && service.isShutdown()) {
            return false;
        }
        long now = System.nanoTime();
        if (this.refusals++ == 0) {
            this.firstRefusalAt = now;
        }
        long left = saturatedNanos(this.settings.shutdownTimeout()) - (now - this.firstRefusalAt);
        if (left <= 0) {
            return false;
        }
        long delay = Math.min(left, Math.min(MAX_RETRY_DELAY_NANOS,
                MIN_RETRY_DELAY_NANOS << Math.min(this.refusals - 1, 16)));
        try {
            this.timers.schedule(this::submit, delay);
        }
        catch (RuntimeException ex) {
            return false;   // the timers are shut down: the system is closing
        }
        logger.warn("Actor '{}': its executor refused to run it ({}); refusal {} in a row, trying again in {} µs",
                this.name, cause.getClass().getName(), this.refusals, delay / 1000);
        return true;
    }

    private static long saturatedNanos(java.time.Duration duration) {
        try {
            return duration.toNanos();
        }
        catch (ArithmeticException ex) {
            return Long.MAX_VALUE;
        }
    }

    /** One run of the actor, on its executor: not for anyone else to call. */
    @Override
    public final void run() {
        Thread self = Thread.currentThread();
        if (this.runner == self) {
            // An inline executor ran this inside the run's own resubmission: returning, rather than running here,
            // lets that run go round again, so the stack does not grow with each resubmission.
            this.rerunBy = self;
            return;
        }
        this.runner = self;
        this.refusals = 0;
        Object chain = CallChain.enter(this);
        try {
            do {
                if (runPass()) {
                    // Parked on an async stage: whoever settles it runs the cell from now on. Take this thread out
                    // (unless that run already put its own in) and touch nothing more.
                    RUNNER.compareAndSet(this, self, null);
                    return;
                }
            }
            while (goAgain(self));
        }
        finally {
            CallChain.exit(chain);
        }
    }

    /** One pass of the loop; returns {@code true} when it parked on an async stage, still scheduled. */
    private boolean runPass() {
        this.yielded = false;
        try {
            if (this.state.isTerminal()) {
                StopSequence.failQueuedLogged(this, null);
            }
            else if (this.instance == null && !activateOnRun()) {
                // Only a stop runs a cell that never started (or one started on its first run with nothing queued):
                // nothing can handle what is queued.
                if (this.state == ActorState.STOPPING) {
                    StopSequence.failQueuedLogged(this, null);
                    if (this.mailbox.isDrained()) {
                        StopSequence.finish(this, ActorState.STOPPED);
                    }
                }
            }
            else {
                int budget = this.settings.throughput();
                boolean more;
                do {
                    RunResult result = processMessages(budget);
                    if (result == RunResult.AWAITING) {
                        return true;
                    }
                    // Go on, keeping the cache warm, while nobody else waits for this thread and there is more
                    // to do: the budget ran out, or a caller just answered called again during a short spin.
                    boolean othersWaiting = othersWaiting(this.executor);
                    this.yielded = othersWaiting && result == RunResult.BUDGET_SPENT;
                    more = !othersWaiting && (result == RunResult.BUDGET_SPENT
                            || (result == RunResult.DRAINED_AFTER_LONE_CALL && this.state == ActorState.RUNNING
                                    && awaitMessageBriefly()));
                }
                while (more);
                if (this.state == ActorState.STOPPING) {
                    if (this.stop.abortRequested) {
                        StopSequence.abort(this);
                    }
                    else if (this.mailbox.isDrained() && !hasPending()) {
                        StopSequence.finish(this, ActorState.STOPPED);
                    }
                }
            }
        }
        catch (Throwable ex) {
            Supervision.logFailure(logger, true, "Actor '" + this.name + "': unexpected failure in the runtime", ex);
        }
        return false;
    }

    /**
     * Ends a pass: goes idle, then, since a message or a timer that came while the pass was ending saw the actor
     * still scheduled and left the work to it, looks again and resubmits.
     *
     * @return {@code true} when an inline executor handed the resubmission straight back: run another pass here
     */
    private boolean goAgain(Thread self) {
        this.runner = null;
        this.status = IDLE;
        if (!(this.mailbox.hasMessages() || this.state == ActorState.STOPPING || pendingDue())
                || !STATUS.compareAndSet(this, IDLE, SCHEDULED)) {
            return false;
        }
        this.runner = self;
        this.rerunBy = null;
        if (this.yielded && onLifoWorker()) {
            submitBehindOthers();
        }
        else {
            submit();
        }
        // Only this thread ever writes this thread into rerunBy: another thread's run cannot make this true.
        if (this.rerunBy == self) {
            return true;
        }
        // Queued, not run inline: take this thread out, unless the run already started elsewhere and put its own
        // thread in. Left in, it would make this thread's next run of the cell (a one-thread pool) look nested.
        RUNNER.compareAndSet(this, self, null);
        return false;
    }

    /**
     * Whether this thread is a worker of the actor's own fork-join pool in LIFO mode (the common pool, and
     * {@code new ForkJoinPool()}): such a worker runs the task it pushed last first, so a resubmission from here
     * would run again ahead of the very tasks this run yielded to.
     */
    private boolean onLifoWorker() {
        return this.executor instanceof ForkJoinPool pool && !pool.getAsyncMode()
                && Thread.currentThread() instanceof ForkJoinWorkerThread worker && worker.getPool() == pool;
    }

    /**
     * Resubmits from the timer thread rather than from this worker: an outside submission waits in the pool's
     * shared queue, behind the tasks in this worker's own queue. It costs a hand-off, paid only when a hot actor
     * yields on a LIFO pool. Without a timer thread (a manual clock, or timers already shut down) it submits here.
     */
    private void submitBehindOthers() {
        if (!this.timers.handOff(this::submit)) {
            submit();
        }
    }

    /**
     * Takes the next live message, on the actor's thread: skips (and counts) calls whose caller gave up. Once an
     * aborted stop is requested it takes nothing more: the stop fails, counts and logs what is left.
     *
     * @return the envelope, or {@code null} when the mailbox is empty or the stop is aborted
     */
    final Envelope nextLive() {
        // Between two messages: a handler that left its interrupt flag set must not fail the next one.
        Thread.interrupted();
        for (;;) {
            if (isAbortRequested()) {
                return null;
            }
            Envelope envelope = this.mailbox.poll();
            if (envelope == null) {
                return null;
            }
            if (envelope.isCall() && envelope.isDone()) {
                expired(envelope);
            }
            else {
                return envelope;
            }
        }
    }

    /**
     * Spins a few microseconds for the next message before the actor goes idle. Going idle costs the next sender a
     * hand-off to the executor and a thread wake-up (a system call on both sides); a request/response partner
     * usually sends again within microseconds, so a short bounded spin saves that round trip, as Erlang's schedulers
     * and fork-join workers do before they sleep. The run calls it only when {@link #othersWaiting} says nobody
     * waits, which an executor that cannot tell never says: so only pools that can tell get a spin. It spins on
     * real time, not the actor's clock: a clock that a test moves by hand would never end the spin.
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
            // Submissions from outside sit in the shared queues; a task a worker submits (an actor woken by a
            // handler) sits in that worker's own queue, which only the task count sees.
            return pool.hasQueuedSubmissions() || pool.getQueuedTaskCount() > 0;
        }
        return true;
    }

    // ---------------------------------------------------------------- completing messages (actor's thread)

    final void expired(Envelope envelope) {
        envelope.message = null;
        this.counters.countExpired();
        this.listener.messageExpired();
    }

    /** Completes a handled message. */
    static void succeeded(Envelope envelope, Object result) {
        envelope.message = null;
        if (envelope.isCall()) {
            CallChain.complete(envelope, result, null);
        }
    }

    /**
     * Completes a message whose handler threw.
     *
     * @return {@code true} if it was a cast (whose failure the caller must log)
     */
    static boolean failedWith(Envelope envelope, Throwable failure) {
        envelope.message = null;
        if (envelope.isCall()) {
            CallChain.complete(envelope, null, failure);
            return false;
        }
        return true;
    }

    /**
     * Fails one taken message because the actor is closed; counts it as rejected-closed, or as expired when its
     * caller already gave up, as a run that reached it would have.
     *
     * @return {@code true} when it was failed, {@code false} when it had expired
     */
    final boolean failClosed(Envelope envelope, ActorClosedException reason) {
        if (envelope.isCall() && envelope.isDone()) {
            expired(envelope);
            return false;
        }
        envelope.message = null;
        countRejected(RejectReason.CLOSED);
        if (envelope.isCall()) {
            envelope.completeExceptionally(reason);
        }
        return true;
    }

    /** Closes a restored context after the handler; one that throws does not undo the handler's outcome. */
    final void closeScope(ContextPropagator.Scope scope) {
        try {
            scope.close();
        }
        catch (Throwable ex) {
            Supervision.logFailure(logger, false, "Actor '" + this.name + "': its context propagator failed to close "
                    + "a restored context; the message's outcome stands", ex);
        }
    }

    final ActorClosedException closedException(String why, Throwable cause) {
        return new ActorClosedException(this.name, "Actor '" + this.name + "' did not handle the message: " + why,
                cause);
    }

    // ---------------------------------------------------------------- life cycle

    /** Applies the failure policy after the handler threw; on the actor's thread. */
    final void onFailure(Throwable failure) {
        Supervision.onFailure(this, failure);
    }

    final RestartIntensity restartIntensity() {
        if (this.restartIntensity == null) {
            this.restartIntensity = new RestartIntensity(this.settings.maxRestarts(),
                    this.settings.restartWithin().toNanos());
        }
        return this.restartIntensity;
    }

    final boolean isAbortRequested() {
        StopSequence stop = this.stop;
        return stop != null && stop.abortRequested;
    }

    /** Whether the failure policy has just stopped the actor for good: stop handling. */
    final boolean isTerminal() {
        return this.state.isTerminal();
    }

    final boolean isStopping() {
        return this.state == ActorState.STOPPING;
    }

    final void state(ActorState state) {
        this.state = state;
    }

    final boolean compareAndSetState(ActorState expected, ActorState next) {
        return STATE.compareAndSet(this, expected, next);
    }

    final StopSequence stopSequence() {
        StopSequence existing = this.stop;
        if (existing == null) {
            StopSequence created = new StopSequence();
            existing = (StopSequence) STOP.compareAndExchange(this, null, created);
            if (existing == null) {
                existing = created;
            }
        }
        return existing;
    }

    public CompletableFuture<Void> stop() {
        StopSequence stop = stopSequence();
        for (;;) {
            ActorState current = this.state;
            if (!current.isAccepting()) {
                return stop.terminated;
            }
            if (compareAndSetState(current, ActorState.STOPPING)) {
                break;
            }
        }
        stop.armAbort(this.timers, this.settings.shutdownTimeout().toNanos(), this::wakeForAbort);
        if (!STATUS.compareAndSet(this, UNSTARTED, SCHEDULED)) {
            scheduleRun();
        }
        else {
            submit();   // never started: the run fails what is queued and ends the stop
        }
        return stop.terminated;
    }

    /**
     * Wakes the actor to carry out an abort. An async stage in flight holds the run, so settle it: the run it hands
     * back sees the abort and fails the stage's callers with the rest.
     */
    private void wakeForAbort() {
        AsyncStage stage = this.inFlight;
        if (stage == null || !stage.settle(null, null)) {
            scheduleRun();
        }
    }

    /**
     * Gives up on the async stage in flight, if any, when the actor closes; on the actor's thread.
     *
     * @return whether there was one (its callers must then be failed)
     */
    final boolean abandonInFlight() {
        AsyncStage stage = this.inFlight;
        if (stage == null) {
            return false;
        }
        stage.abandon();
        this.inFlight = null;
        this.mailbox.handling = null;
        return true;
    }

    /** Which message the actor is busy with, as another thread sees it. */
    final Envelope handlingNow() {
        return this.mailbox.handlingNow();
    }

    public CompletableFuture<Void> whenTerminated() {
        return stopSequence().terminated;
    }

    final String stateWord() {
        return this.state.name().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- statistics

    /**
     * Whether the actor has nothing to do: nothing queued or reserved, no run under way, nothing held. The status
     * is read after the mailbox and again after the held messages: a run that took the last message keeps the
     * status scheduled until it has handled it, or published what it holds.
     *
     * @return whether the actor is idle now
     */
    public final boolean isIdle() {
        return this.mailbox.size() == 0 && this.status != SCHEDULED && !holdsMessages() && this.status != SCHEDULED;
    }

    public ActorSettings settings() {
        return this.settings;
    }

    public ActorState state() {
        return this.state;
    }

    public ActorStats stats() {
        ActorCounters c = this.counters;
        return new ActorStats(this.name, kind(), this.state, this.mailbox.size(), this.mailbox.capacity(),
                c.handled(), c.failed(), c.rejectedFull(), c.rejectedClosed(), c.expired(), c.restarts(), flushes(),
                lastFlushSize(), batchRetries(), this.lastError);
    }

    /**
     * Returns whether this is a plain or a batch actor.
     *
     * @return the kind
     */
    public abstract ActorKind kind();

    @Override
    public String toString() {
        return kind().name().toLowerCase(Locale.ROOT) + " '" + this.name + "' (" + stateWord() + ")";
    }
}
