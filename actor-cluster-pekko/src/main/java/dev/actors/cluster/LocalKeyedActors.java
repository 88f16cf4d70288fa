package dev.actors.cluster;

import dev.actors.ActorSystem;
import dev.actors.KeyedActorRef;
import dev.actors.spi.KeyedActorSpec;

/**
 * Where the cluster runs the keys this instance owns: a keyed actor in this instance's own
 * {@link dev.actors.ActorSystem}. The cluster hands each message for a key it owns to that actor, and passivates
 * the key there when the key leaves this instance.
 */
@FunctionalInterface
public interface LocalKeyedActors {

    /**
     * Creates the local keyed actor of a spec.
     *
     * @param spec the keyed actor
     * @param <M> the message type
     * @param <R> the reply type
     * @return its local reference
     */
    <M, R> KeyedActorRef<M, R> spawn(KeyedActorSpec<M, R> spec);

    /**
     * Returns the local keyed actors of an actor system: {@link ActorSystem#spawnKeyed(KeyedActorSpec)}, of the
     * kind the spec says (plain, batch, or either async).
     *
     * @param actorSystem this instance's actor system
     * @return the local keyed actors
     */
    static LocalKeyedActors in(ActorSystem actorSystem) {
        return actorSystem::spawnKeyed;
    }
}
