package dev.actors.internal;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.Actor;
import dev.actors.ActorClosedException;
import dev.actors.ActorKind;
import dev.actors.ActorSettings;
import dev.actors.AsyncActor;
import dev.actors.spi.ContextPropagator;

/**
 * An {@link ActorCell} that hands messages to an {@link Actor}, or an {@link AsyncActor}, one at a time. An async
 * handler's message is done when its stage completes: until then the run has ended ({@link AsyncStage}) and the
 * next message waits in the mailbox.
 */
public final class PlainActorCell<M, R> extends ActorCell<M, R> {

    private static final Logger logger = LoggerFactory.getLogger(PlainActorCell.class);

    private final boolean async;

    /**
     * Creates the cell of an {@link Actor} without its instance: {@link #start()} creates it.
     *
     * @param name the actor's name
     * @param settings validated settings
     * @param executor runs the handler
     * @param timers runs timeouts
     * @param propagator carries the sender's context, or {@code null}
     * @param factory makes actor instances (at the start, and on every restart)
     */
    public PlainActorCell(String name, ActorSettings settings, Executor executor, Timers timers,
            ContextPropagator propagator, Supplier<? extends Actor<M, R>> factory) {
        this(name, settings, executor, timers, propagator, factory, false);
    }

    private PlainActorCell(String name, ActorSettings settings, Executor executor, Timers timers,
            ContextPropagator propagator, Supplier<?> factory, boolean async) {
        super(name, settings, executor, timers, propagator, factory);
        this.async = async;
    }

    /**
     * Creates the cell of an {@link AsyncActor} without its instance: {@link #start()} creates it.
     *
     * @param name the actor's name
     * @param settings validated settings
     * @param executor runs the handler
     * @param timers runs timeouts
     * @param propagator carries the sender's context, or {@code null}
     * @param factory makes actor instances (at the start, and on every restart)
     * @param <M> the message type
     * @param <R> the reply type
     * @return the cell
     */
    public static <M, R> PlainActorCell<M, R> async(String name, ActorSettings settings, Executor executor,
            Timers timers, ContextPropagator propagator, Supplier<? extends AsyncActor<M, R>> factory) {
        return new PlainActorCell<>(name, settings, executor, timers, propagator, factory, true);
    }

    @Override
    public ActorKind kind() {
        return ActorKind.ACTOR;
    }

    @Override
    @SuppressWarnings("unchecked")
    RunResult processMessages(int budget) {
        AsyncStage settled = this.inFlight;
        if (settled != null && !finishStage(settled)) {
            return RunResult.DRAINED;
        }
        boolean call = false;
        for (int i = 0; i < budget; i++) {
            Envelope envelope = nextLive();
            if (envelope == null) {
                // A call, alone since the mailbox was last empty (or with one more: a partner's next call may slip
                // in before the mailbox is seen empty): a request/response partner, likely to call again at once.
                // A longer drain means many senders, who need the CPU more than a spin does.
                return (call && i <= 2) ? RunResult.DRAINED_AFTER_LONE_CALL : RunResult.DRAINED;
            }
            call = envelope.isCall();
            long start = 0;
            if (this.timed) {
                start = this.clock.nanoTime();
                this.listener.messageStarted(start - envelope.acceptedAt);
            }
            Object result = null;
            Throwable failure = null;
            this.mailbox.handling = envelope;
            ContextPropagator.Scope scope = null;
            try {
                // A propagator that cannot restore the context fails the message as its handler would: the
                // message is taken, so it must be answered and counted.
                Object context = envelope.context();
                if (context != null) {
                    scope = this.propagator.restore(context);
                }
                if (this.async) {
                    CompletionStage<?> stage = ((AsyncActor<M, ?>) this.instance).handle((M) envelope.message);
                    AsyncStage waiter = AsyncStage.await(this, stage, start);
                    this.inFlight = waiter;
                    if (waiter.park()) {
                        return RunResult.AWAITING;
                    }
                    if (!finishStage(waiter)) {
                        return RunResult.DRAINED;
                    }
                    continue;
                }
                result = ((Actor<M, ?>) this.instance).handle((M) envelope.message);
            }
            catch (Throwable ex) {
                failure = ex;
            }
            finally {
                if (scope != null) {
                    closeScope(scope);
                }
            }
            if (!finish(envelope, start, result, failure)) {
                return RunResult.DRAINED;
            }
        }
        return RunResult.BUDGET_SPENT;
    }

    /**
     * Applies a settled stage's outcome on the actor's thread, unless an aborted stop gave up on it (the stop then
     * fails its caller with what is queued).
     *
     * @return whether handling goes on
     */
    private boolean finishStage(AsyncStage stage) {
        if (isAbortRequested()) {
            return false;
        }
        this.inFlight = null;
        return finish(this.mailbox.handling, stage.startedAt, stage.value(), stage.failure());
    }

    /**
     * Completes one handled message: its timer, its counters, its caller, and on failure the failure policy.
     *
     * @return whether handling goes on (the failure policy may have stopped the actor)
     */
    private boolean finish(Envelope envelope, long start, Object result, Throwable failure) {
        this.mailbox.handling = null;
        if (this.timed) {
            this.listener.messageProcessed(this.clock.nanoTime() - start, failure == null);
        }
        if (failure == null) {
            this.counters.countHandled(1);
            succeeded(envelope, result);
            return true;
        }
        this.counters.countFailed(1);
        onFailure(failure);
        if (failedWith(envelope, failure) && !(failure instanceof VirtualMachineError)) {
            Supervision.logFailure(logger, false, describe() + " failed to handle a cast message "
                    + "(counted as failed)", failure);
        }
        return !isTerminal();
    }

    @Override
    boolean hasPending() {
        return this.inFlight != null;
    }

    @Override
    void failPending(ActorClosedException reason) {
        Envelope envelope = this.mailbox.handling;
        if (abandonInFlight()) {
            failClosed(envelope, reason);
        }
    }
}
