package dev.actors.cluster;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * What the entity of one key receives: a call or a cast from any instance, or, from its own shard, the order to
 * stop (hand-off, passivation, leave). Calls and casts cross the wire through {@link EnvelopeSerializer}; the
 * other commands stay in this JVM.
 */
sealed interface EntityCommand {

    /**
     * A request whose caller waits until {@code deadline} (milliseconds since the epoch, the caller's clock).
     *
     * @param message the application's message
     * @param deadline when the caller stops waiting
     * @param replyTo where the outcome goes
     */
    record Call(Object message, long deadline, ActorRef<Reply> replyTo) implements EntityCommand {
    }

    /**
     * A message without a reply.
     *
     * @param message the application's message
     */
    record Cast(Object message) implements EntityCommand {
    }

    /**
     * The shard stops this entity: hand the key's local instance back (passivate it) before the key may start
     * elsewhere.
     */
    enum Stop implements EntityCommand {
        INSTANCE
    }

    /**
     * The local key has been passivated: the entity may stop now.
     */
    enum Passivated implements EntityCommand {
        INSTANCE
    }
}
