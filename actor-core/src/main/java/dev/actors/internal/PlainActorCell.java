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

    private final Supplier<? extends Actor<M, R>> factory;

    private Actor<M, R> actor;

    /**
     * Creates the cell and its first actor instance.
     *
     * @param name the actor's name
     * @param settings validated settings
     * @param executor runs the handler
     * @param timers runs timeouts
     * @param propagator carries the sender's context, or {@code null}
     * @param factory makes actor instances (now, and on every restart)
     */
    public PlainActorCell(String name, ActorSettings settings, Executor executor, Timers timers,
            ContextPropagator propagator, Supplier<? extends Actor<M, R>> factory) {
        super(name, settings, executor, timers, propagator);
        this.factory = factory;
        this.actor = InstanceFactory.create(name, factory);
    }

    @Override
    public ActorKind kind() {
        return ActorKind.ACTOR;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected boolean processMessages(int budget) {
        boolean call = false;
        for (int i = 0; i < budget; i++) {
            Envelope envelope = nextLive();
            if (envelope == null) {
                // A call, alone since the mailbox was last empty (or with one more: a partner's next call may slip
                // in before the mailbox is seen empty): a request/response partner, likely to call again at once.
                // A longer drain means many senders, who need the CPU more than a spin does.
                this.loneCallAnswered = (call && i <= 2);
                return false;
            }
            call = envelope.isCall();
            long start = 0;
            if (this.timed) {
                start = System.nanoTime();
                this.listener.messageStarted(start - envelope.acceptedAt);
            }
            Object result = null;
            Throwable failure = null;
            ContextPropagator.Scope scope = (envelope.context != null)
                    ? this.propagator.restore(envelope.context) : null;
            try {
                result = this.actor.handle((M) envelope.message);
            }
            catch (Throwable ex) {
                failure = ex;
            }
            finally {
                if (scope != null) {
                    scope.close();
                }
            }
            if (this.timed) {
                this.listener.messageProcessed(System.nanoTime() - start, failure == null);
            }
            if (failure == null) {
                countHandled(1);
                succeeded(envelope, result);
            }
            else {
                countFailed(1);
                if (failedWith(envelope, failure)) {
                    logger.warn("Actor '{}' failed to handle a cast message (counted as failed)", this.name,
                            failure);
                }
                onFailure(failure);
                if (isTerminal()) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    protected void replaceInstance() {
        this.actor = InstanceFactory.create(this.name, this.factory);
    }
}
