package dev.actors.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.ActorClosedException;
import dev.actors.ActorKind;
import dev.actors.ActorSettings;
import dev.actors.AsyncBatchActor;
import dev.actors.BatchActor;
import dev.actors.BatchFailurePolicy;
import dev.actors.BatchResult;
import dev.actors.BatchResultSizeException;
import dev.actors.spi.ContextPropagator;
import dev.actors.spi.FlushOutcome;
import dev.actors.spi.FlushTrigger;

/**
 * An {@link ActorCell} that collects messages into batches for a {@link BatchActor}: the batcher.
 *
 * <p>Each run takes what the mailbox holds into the batch, up to {@code max-size}. By default ({@code max-time}
 * zero) the batch is flushed at once (trigger {@code drained}): a message that finds the actor free goes alone, and
 * whatever arrives during a flush makes up the next batch, so batches grow exactly as fast as the load (smart
 * batching, as the LMAX Disruptor's consumers do). A full batch is flushed at once (trigger {@code size}). With a
 * linger ({@code max-time} above zero), a partial batch waits: the cell arms a timer for {@code max-time} after the
 * batch's first message was accepted and goes idle, holding no thread; the timer, or the next message, wakes it. A
 * stopping actor flushes its partial batch (trigger {@code shutdown}). Only the actor's thread touches the batch, so
 * it needs no lock.
 *
 * <p>A batch whose handler throws fails all its callers, or, with {@code batch.on-failure: bisect}, is split in
 * halves that are retried, depth first and in order, until the failing messages stand alone; the failure policy
 * then applies once, with the last failure.
 */
public final class BatchActorCell<M, R> extends ActorCell<M, R> {

    private static final Logger logger = LoggerFactory.getLogger(BatchActorCell.class);

    private final int maxSize;

    private final long maxTimeNanos;

    private final boolean bisect;

    private final ArrayList<Envelope> batch;

    private final boolean async;

    /** The flush whose stage is in flight: its live messages and its trigger. */
    private List<Envelope> flushing;

    private FlushTrigger flushingTrigger;

    private long batchDeadline;

    /** Set while a partial batch waits for its deadline: volatile, since {@link #holdsMessages()} reads it. */
    private volatile ScheduledFuture<?> batchTimer;

    /** Reused by the batch deadline timer, which only needs to wake the actor. */
    private final Runnable wakeUp = this::scheduleRun;

    /** The exception of the last attempt that threw; actor's thread only. */
    private Throwable attemptFailure;

    private volatile long flushes;

    private volatile long retries;

    private volatile int lastFlushSize;

    /**
     * Creates the cell without its instance: {@link #start()} creates it.
     *
     * @param name the actor's name
     * @param settings validated settings
     * @param executor runs the handler
     * @param timers runs timeouts and batch deadlines
     * @param propagator carries the sender's context, or {@code null} (batches do not restore it)
     * @param factory makes actor instances (at the start, and on every restart)
     */
    public BatchActorCell(String name, ActorSettings settings, Executor executor, Timers timers,
            ContextPropagator propagator, Supplier<? extends BatchActor<M, R>> factory) {
        this(name, settings, executor, timers, propagator, factory, false);
    }

    private BatchActorCell(String name, ActorSettings settings, Executor executor, Timers timers,
            ContextPropagator propagator, Supplier<?> factory, boolean async) {
        super(name, settings, executor, timers, propagator, factory);
        this.async = async;
        this.maxSize = settings.batchMaxSize();
        this.maxTimeNanos = settings.batchMaxTime().toNanos();
        this.bisect = settings.batchOnFailure() == BatchFailurePolicy.BISECT;
        this.batch = new ArrayList<>(Math.min(this.maxSize, 1024));
    }

    /**
     * Creates the cell of an {@link AsyncBatchActor} without its instance: {@link #start()} creates it.
     *
     * @param name the actor's name
     * @param settings validated settings
     * @param executor runs the handler
     * @param timers runs timeouts and batch deadlines
     * @param propagator carries the sender's context, or {@code null} (batches do not restore it)
     * @param factory makes actor instances (at the start, and on every restart)
     * @param <M> the message type
     * @param <R> the reply type
     * @return the cell
     */
    public static <M, R> BatchActorCell<M, R> async(String name, ActorSettings settings, Executor executor,
            Timers timers, ContextPropagator propagator, Supplier<? extends AsyncBatchActor<M, R>> factory) {
        return new BatchActorCell<>(name, settings, executor, timers, propagator, factory, true);
    }

    @Override
    public ActorKind kind() {
        return ActorKind.BATCH;
    }

    /** A linger counts from the batch's first message's arrival; without one, only the wait metric needs it. */
    @Override
    boolean needsAcceptTime() {
        return this.maxTimeNanos > 0 || super.needsAcceptTime();
    }

    @Override
    RunResult processMessages(int budget) {
        AsyncStage settled = this.inFlight;
        if (settled != null && !finishStage(settled)) {
            return RunResult.DRAINED;
        }
        int handledMessages = 0;
        boolean lastWasCall = false;
        while (handledMessages < budget) {
            Envelope envelope = null;
            while (this.batch.size() < this.maxSize && (envelope = nextLive()) != null) {
                if (this.batch.isEmpty()) {
                    this.batchDeadline = envelope.acceptedAt + this.maxTimeNanos;
                }
                this.batch.add(envelope);
            }
            if (this.batch.isEmpty() || isAbortRequested()) {
                // As for a plain actor: one or two messages since the mailbox was empty, the last a call, is a
                // lone caller who will likely call again at once; a short spin saves its next wake-up. On abort,
                // the stop fails the partial batch.
                return (lastWasCall && handledMessages <= 2) ? RunResult.DRAINED_AFTER_LONE_CALL : RunResult.DRAINED;
            }
            FlushTrigger trigger;
            if (this.batch.size() >= this.maxSize) {
                trigger = FlushTrigger.SIZE;
            }
            else if (isStopping()) {
                trigger = FlushTrigger.SHUTDOWN;
            }
            else if (this.maxTimeNanos == 0) {
                trigger = FlushTrigger.DRAINED;
            }
            else if (this.clock.nanoTime() - this.batchDeadline >= 0) {
                trigger = FlushTrigger.TIME;
            }
            else {
                armTimer();
                return RunResult.DRAINED;
            }
            lastWasCall = this.batch.get(this.batch.size() - 1).isCall();
            int flushed = flush(trigger);
            if (flushed < 0) {
                return RunResult.AWAITING;
            }
            handledMessages += flushed;
            if (isTerminal()) {
                return RunResult.DRAINED;
            }
        }
        return RunResult.BUDGET_SPENT;
    }

    private void armTimer() {
        if (this.batchTimer == null) {
            this.batchTimer = this.timers.schedule(this.wakeUp, this.batchDeadline - this.clock.nanoTime());
        }
    }

    private void disarmTimer() {
        ScheduledFuture<?> timer = this.batchTimer;
        if (timer != null) {
            timer.cancel(false);
            this.batchTimer = null;
        }
    }

    private int flush(FlushTrigger trigger) {
        disarmTimer();
        List<Envelope> live = new ArrayList<>(this.batch.size());
        for (Envelope envelope : this.batch) {
            if (envelope.isCall() && envelope.isDone()) {
                expired(envelope);   // its caller gave up while the batch was filling
            }
            else {
                live.add(envelope);
            }
        }
        this.batch.clear();
        int size = live.size();
        if (size == 0) {
            return 0;
        }
        if (this.timed) {
            long start = this.clock.nanoTime();
            for (Envelope envelope : live) {
                this.listener.messageStarted(start - envelope.acceptedAt);
            }
        }
        this.lastFlushSize = size;
        if (this.async) {
            return flushAsync(live, trigger);
        }
        // A call from the handler is part of the batch's first message, for the call chain.
        this.mailbox.handling = live.get(0);
        Throwable failure = null;
        if (attempt(live, trigger, this.bisect) == FlushOutcome.BISECTED) {
            failure = bisect(live, trigger);
        }
        else {
            failure = this.attemptFailure;
        }
        this.attemptFailure = null;
        this.mailbox.handling = null;
        if (failure != null) {
            onFailure(failure);
        }
        return size;
    }

    /**
     * Hands the batch to an {@link AsyncBatchActor}: the flush is in flight until its stage settles. Failures fail
     * the whole batch ({@code batch.on-failure: bisect} applies to synchronous handlers only); a
     * {@link BatchResult} fails only the messages it names, as for a synchronous handler.
     *
     * @return how many messages it had, or {@code -1} when the flush is in flight (the run must end)
     */
    @SuppressWarnings("unchecked")
    private int flushAsync(List<Envelope> live, FlushTrigger trigger) {
        int size = live.size();
        List<M> messages = new ArrayList<>(size);
        for (Envelope envelope : live) {
            messages.add((M) envelope.message);
        }
        this.mailbox.handling = live.get(0);
        long start = this.clock.nanoTime();
        try {
            CompletionStage<List<R>> stage = ((AsyncBatchActor<M, R>) this.instance).handleBatch(messages);
            AsyncStage waiter = AsyncStage.await(this, stage, start);
            this.flushing = live;
            this.flushingTrigger = trigger;
            this.inFlight = waiter;
            if (waiter.park()) {
                return -1;
            }
            return finishStage(waiter) ? size : 0;
        }
        catch (Throwable ex) {
            finishAsyncFlush(live, trigger, start, null, ex);
            return size;
        }
    }

    /**
     * Applies a settled flush's outcome on the actor's thread, unless an aborted stop gave up on it (the stop then
     * fails its callers with what is queued).
     *
     * @return whether the outcome was applied
     */
    @SuppressWarnings("unchecked")
    private boolean finishStage(AsyncStage stage) {
        if (isAbortRequested()) {
            return false;
        }
        List<Envelope> live = this.flushing;
        this.inFlight = null;
        this.flushing = null;
        finishAsyncFlush(live, this.flushingTrigger, stage.startedAt, (List<R>) stage.value(), stage.failure());
        return true;
    }

    private void finishAsyncFlush(List<Envelope> live, FlushTrigger trigger, long start, List<R> returned,
            Throwable failure) {
        this.mailbox.handling = null;
        int size = live.size();
        List<R> results = null;
        if (failure == null) {
            try {
                // Copied while guarded, as for a synchronous handler: a view list may throw from get(i).
                results = (returned == null || returned instanceof BatchResult<?>) ? returned
                        : new ArrayList<>(returned);
                if (results != null && results.size() != size) {
                    failure = new BatchResultSizeException(this.name, size, results.size());
                }
            }
            catch (Throwable ex) {
                failure = ex;
            }
        }
        this.flushes++;
        FlushOutcome outcome = (failure == null) ? FlushOutcome.SUCCESS : FlushOutcome.FAILURE;
        this.listener.batchFlushed(trigger, size, this.clock.nanoTime() - start, outcome);
        if (failure == null) {
            completeAll(live, results);
        }
        else {
            failAll(live, failure);
            onFailure(failure);
        }
    }

    /**
     * Retries the halves of a batch that threw, depth first and left half first (so callers are answered in arrival
     * order), until every part has succeeded or failed alone.
     *
     * @return the last failure, for the failure policy, or {@code null} if every part succeeded
     */
    private Throwable bisect(List<Envelope> failed, FlushTrigger trigger) {
        Throwable last = null;
        ArrayDeque<List<Envelope>> parts = new ArrayDeque<>();
        pushHalves(parts, failed);
        while (!parts.isEmpty()) {
            List<Envelope> part = parts.pop();
            this.retries++;
            this.listener.batchRetried(part.size());
            FlushOutcome outcome = attempt(part, trigger, part.size() > 1);
            if (outcome == FlushOutcome.BISECTED) {
                pushHalves(parts, part);
            }
            if (this.attemptFailure != null) {
                last = this.attemptFailure;
            }
        }
        return last;
    }

    private static void pushHalves(ArrayDeque<List<Envelope>> parts, List<Envelope> part) {
        int middle = part.size() / 2;
        parts.push(part.subList(middle, part.size()));
        parts.push(part.subList(0, middle));
    }

    /**
     * Calls the handler once with these messages. Completes their callers, unless it threw and the part is to be
     * split ({@link FlushOutcome#BISECTED}); leaves the exception in {@link #attemptFailure}.
     */
    @SuppressWarnings("unchecked")
    private FlushOutcome attempt(List<Envelope> part, FlushTrigger trigger, boolean splitOnFailure) {
        int size = part.size();
        List<M> messages = new ArrayList<>(size);
        for (Envelope envelope : part) {
            messages.add((M) envelope.message);
        }
        List<R> results = null;
        Throwable failure = null;
        long start = this.timed ? this.clock.nanoTime() : 0;
        try {
            List<R> returned = ((BatchActor<M, R>) this.instance).handleBatch(messages);
            // Copied while guarded: a lazy or view list may throw from get(i), which must fail the batch, not
            // leave the callers after i unanswered. A BatchResult is the runtime's own list: kept as it is.
            results = (returned == null || returned instanceof BatchResult<?>) ? returned : new ArrayList<>(returned);
            if (results != null && results.size() != size) {
                // The handler's bug, not a message's: retrying parts would not help.
                failure = new BatchResultSizeException(this.name, size, results.size());
                splitOnFailure = false;
            }
        }
        catch (Throwable ex) {
            failure = ex;
        }
        FlushOutcome outcome = (failure == null) ? FlushOutcome.SUCCESS
                : splitOnFailure ? FlushOutcome.BISECTED : FlushOutcome.FAILURE;
        this.flushes++;
        this.listener.batchFlushed(trigger, size, this.timed ? this.clock.nanoTime() - start : 0, outcome);
        this.attemptFailure = failure;
        if (outcome == FlushOutcome.SUCCESS) {
            completeAll(part, results);
        }
        else if (outcome == FlushOutcome.FAILURE) {
            failAll(part, failure);
        }
        return outcome;
    }

    private void completeAll(List<Envelope> part, List<R> results) {
        int size = part.size();
        if (!(results instanceof BatchResult<?> outcomes) || outcomes.failureCount() == 0) {
            this.counters.countHandled(size);
            for (int i = 0; i < size; i++) {
                succeeded(part.get(i), (results != null) ? results.get(i) : null);
            }
            return;
        }
        // Counted before any caller is completed: a caller that saw its answer sees the count that includes it.
        this.counters.countHandled(size - outcomes.failureCount());
        this.counters.countFailed(outcomes.failureCount());
        int casts = 0;
        Throwable castFailure = null;
        for (int i = 0; i < size; i++) {
            Throwable failure = outcomes.failure(i);
            if (failure == null) {
                succeeded(part.get(i), outcomes.get(i));
            }
            else if (failedWith(part.get(i), failure)) {
                casts++;
                castFailure = failure;
            }
        }
        if (casts > 0) {
            logger.warn("Batch actor '{}' failed {} casts of a batch of {} messages (counted as failed); the last:",
                    this.name, casts, size, castFailure);
        }
    }

    private void failAll(List<Envelope> part, Throwable failure) {
        this.counters.countFailed(part.size());
        int casts = 0;
        for (Envelope envelope : part) {
            if (failedWith(envelope, failure)) {
                casts++;
            }
        }
        if (casts > 0 && !(failure instanceof VirtualMachineError)) {
            Supervision.logFailure(logger, false, "Batch actor '" + this.name + "' failed a batch of " + part.size()
                    + " messages, " + casts + " of them casts (counted as failed)", failure);
        }
    }

    @Override
    boolean hasPending() {
        return !this.batch.isEmpty() || this.inFlight != null;
    }

    @Override
    boolean holdsMessages() {
        return this.batchTimer != null;
    }

    @Override
    boolean pendingDue() {
        return !this.batch.isEmpty() && this.clock.nanoTime() - this.batchDeadline >= 0;
    }

    @Override
    void failPending(ActorClosedException reason) {
        if (abandonInFlight()) {
            for (Envelope envelope : this.flushing) {
                failClosed(envelope, reason);
            }
            this.flushing = null;
        }
        disarmTimer();
        for (Envelope envelope : this.batch) {
            failClosed(envelope, reason);
        }
        this.batch.clear();
    }

    @Override
    long flushes() {
        return this.flushes;
    }

    @Override
    int lastFlushSize() {
        return this.lastFlushSize;
    }

    @Override
    long batchRetries() {
        return this.retries;
    }
}
