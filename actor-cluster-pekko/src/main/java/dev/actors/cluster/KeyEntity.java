package dev.actors.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.ActorCallTimeoutException;
import dev.actors.ActorClosedException;
import dev.actors.ActorException;
import dev.actors.ActorHandle;
import dev.actors.cluster.EntityCommand.Call;
import dev.actors.cluster.EntityCommand.Cast;
import dev.actors.cluster.EntityCommand.Passivated;
import dev.actors.cluster.EntityCommand.Stop;

/**
 * The sharded entity of one key, on the instance that owns it: a thin relay to the key's instance in the local
 * keyed actor, which keeps the mailbox, the timeouts and the failure policy. While the entity lives, this instance
 * owns the key; before it stops (hand-off, passivation, leave), it passivates the local key, so that the key's state
 * is saved before the key starts on another instance.
 */
final class KeyEntity extends AbstractBehavior<EntityCommand> {

    private static final Logger logger = LoggerFactory.getLogger(KeyEntity.class);

    private final ShardedKeyedActor<Object, Object> actor;

    private final String key;

    private final ActorHandle<Object, Object> local;

    private boolean stopping;

    private KeyEntity(ActorContext<EntityCommand> context, ShardedKeyedActor<Object, Object> actor, String key) {
        super(context);
        this.actor = actor;
        this.key = key;
        this.local = actor.local().forKey(key);
        actor.entityStarted();
    }

    @SuppressWarnings("unchecked")
    static Behavior<EntityCommand> create(ShardedKeyedActor<?, ?> actor, String key) {
        return Behaviors.setup((context) -> new KeyEntity(context, (ShardedKeyedActor<Object, Object>) actor, key));
    }

    @Override
    public Receive<EntityCommand> createReceive() {
        return newReceiveBuilder().onMessage(Call.class, this::onCall)
            .onMessage(Cast.class, this::onCast)
            .onMessageEquals(Stop.INSTANCE, this::onStop)
            .onMessageEquals(Passivated.INSTANCE, Behaviors::stopped)
            .onSignal(PostStop.class, (signal) -> {
                this.actor.entityStopped();
                return this;
            })
            .build();
    }

    private Behavior<EntityCommand> onCall(Call call) {
        if (this.stopping) {
            // Handing it to the local key now would start a second instance of the key beside the next owner's.
            call.replyTo().tell(Reply.failed(movingAway()));
            return this;
        }
        long remaining = call.deadline() - this.actor.clock().getAsLong();
        if (remaining <= 0) {
            // The caller has stopped waiting: skip the call, as a queued call whose caller timed out is skipped.
            this.actor.callExpired();
            return this;
        }
        RelayedCall relayed = this.actor.relaysCalls() ? new RelayedCall(call.message(), call.replyTo()) : null;
        CompletableFuture<Object> reply;
        try {
            reply = this.local.call((relayed != null) ? relayed : call.message(), Duration.ofMillis(remaining));
        }
        catch (RuntimeException ex) {
            reply = CompletableFuture.failedFuture(ex);
        }
        // A relayed call's handler has replied from the key's actor thread already. Otherwise, usually, the key's
        // actor thread completes the call and sends the reply from there; when the call was over before this line
        // (refused, or an actor quicker than this thread), this Pekko thread sends it.
        Thread entityThread = Thread.currentThread();
        reply.whenComplete((value, failure) -> {
            if (relayed != null && !relayed.claimReply()) {
                return;   // the handler has replied
            }
            Throwable cause = (failure != null) ? ShardedKeyedActor.unwrap(failure) : null;
            if (cause instanceof ActorCallTimeoutException) {
                this.actor.callTimedOutHere();
            }
            call.replyTo().tell(Reply.of(value, cause, Thread.currentThread() != entityThread));
        });
        return this;
    }

    private Behavior<EntityCommand> onCast(Cast cast) {
        try {
            if (this.stopping) {
                throw movingAway();
            }
            this.local.cast(cast.message());
        }
        catch (ActorException ex) {
            // The sender is on another instance and did not wait: at most once, as documented.
            logger.warn("Cast to actor '{}' key '{}' dropped: {}", this.actor.name(), this.key, ex.getMessage());
        }
        return this;
    }

    private Behavior<EntityCommand> onStop() {
        if (!this.stopping) {
            this.stopping = true;
            getContext().pipeToSelf(this.actor.local().passivate(this.key), (done, failure) -> {
                if (failure != null) {
                    logger.warn("Passivation of actor '{}' key '{}' failed", this.actor.name(), this.key, failure);
                }
                return Passivated.INSTANCE;
            });
        }
        return this;
    }

    private ActorClosedException movingAway() {
        return new ActorClosedException(this.actor.name(),
                "Actor '" + this.actor.name() + "' key '" + this.key + "' is moving to another instance; retry");
    }
}
