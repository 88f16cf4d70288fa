package dev.actors.internal;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.Actor;
import dev.actors.ActorKind;
import dev.actors.ActorSettings;
import dev.actors.spi.ContextPropagator;

/**
 * An {@link ActorCell} that hands messages to an {@link Actor} one at a time.
 */
public final class PlainActorCell<M, R> extends ActorCell<M, R> {

    private static final Logger logger = LoggerFactory.getLogger(PlainActorCell.class);

    private final ActorInstance<Actor<M, R>> actor;

    /**
     * Creates the cell without its instance: {@link #start()} creates it.
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
        super(name, settings, executor, timers, propagator);
        this.actor = new ActorInstance<>(name, factory);
    }

    @Override
    public ActorKind kind() {
        return ActorKind.ACTOR;
    }

    @Override
    ActorInstance<?> instance() {
        return this.actor;
    }

    @Override
    @SuppressWarnings("unchecked")
    RunResult processMessages(int budget) {
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
            ContextPropagator.Scope scope = null;
            try {
                // A propagator that cannot restore the context fails the message as its handler would: the
                // message is taken, so it must be answered and counted.
                if (envelope.context != null) {
                    scope = this.propagator.restore(envelope.context);
                }
                result = this.actor.current.handle((M) envelope.message);
            }
            catch (Throwable ex) {
                failure = ex;
            }
            finally {
                if (scope != null) {
                    closeScope(scope);
                }
            }
            if (this.timed) {
                this.listener.messageProcessed(this.clock.nanoTime() - start, failure == null);
            }
            if (failure == null) {
                this.counters.countHandled(1);
                succeeded(envelope, result);
            }
            else {
                this.counters.countFailed(1);
                onFailure(failure);
                if (failedWith(envelope, failure) && !(failure instanceof VirtualMachineError)) {
                    Supervision.logFailure(logger, false, describe() + " failed to handle a cast message "
                            + "(counted as failed)", failure);
                }
                if (isTerminal()) {
                    return RunResult.DRAINED;
                }
            }
        }
        return RunResult.BUDGET_SPENT;
    }
}
