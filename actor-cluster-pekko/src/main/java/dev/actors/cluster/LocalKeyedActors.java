package dev.actors.cluster;

import java.util.function.Function;

import dev.actors.Actor;
import dev.actors.ActorKind;
import dev.actors.ActorSystem;
import dev.actors.BatchActor;
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
     * Returns the local keyed actors of an actor system: {@link ActorSystem#spawnKeyed} or
     * {@link ActorSystem#spawnKeyedBatch}, as the spec's kind says.
     *
     * @param actorSystem this instance's actor system
     * @return the local keyed actors
     */
    static LocalKeyedActors in(ActorSystem actorSystem) {
        return new LocalKeyedActors() {
            @Override
            @SuppressWarnings("unchecked")
            public <M, R> KeyedActorRef<M, R> spawn(KeyedActorSpec<M, R> spec) {
                Function<String, Object> instances = (Function<String, Object>) spec.instanceFactory();
                if (spec.kind() == ActorKind.BATCH) {
                    return actorSystem.spawnKeyedBatch(spec.name(), spec.settings(),
                            (key) -> (BatchActor<M, R>) instances.apply(key));
                }
                return actorSystem.spawnKeyed(spec.name(), spec.settings(), (key) -> (Actor<M, R>) instances.apply(key));
            }
        };
    }
}
