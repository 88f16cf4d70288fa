package dev.actors.autoconfigure;

import java.util.function.Function;

import dev.actors.Actor;
import dev.actors.ActorKind;
import dev.actors.ActorSystem;
import dev.actors.AsyncActor;
import dev.actors.AsyncBatchActor;
import dev.actors.BatchActor;
import dev.actors.KeyedActorHandle;
import dev.actors.spi.KeyedActorHost;
import dev.actors.spi.KeyedActorSpec;

/**
 * The default {@link KeyedActorHost}: every key lives in this JVM, in the application's {@link ActorSystem}. A
 * distributed host (the cluster module) replaces it by defining its own {@code KeyedActorHost} bean.
 */
final class LocalKeyedActorHost implements KeyedActorHost {

    private final ActorSystem actorSystem;

    LocalKeyedActorHost(ActorSystem actorSystem) {
        this.actorSystem = actorSystem;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <M, R> KeyedActorHandle<M, R> host(KeyedActorSpec<M, R> spec) {
        Function<String, Object> instances = (Function<String, Object>) spec.instanceFactory();
        if (spec.kind() == ActorKind.BATCH) {
            return spec.async()
                    ? this.actorSystem.spawnKeyedAsyncBatch(spec.name(), spec.settings(),
                            (key) -> (AsyncBatchActor<M, R>) instances.apply(key))
                    : this.actorSystem.spawnKeyedBatch(spec.name(), spec.settings(),
                            (key) -> (BatchActor<M, R>) instances.apply(key));
        }
        return spec.async()
                ? this.actorSystem.spawnKeyedAsync(spec.name(), spec.settings(),
                        (key) -> (AsyncActor<M, R>) instances.apply(key))
                : this.actorSystem.spawnKeyed(spec.name(), spec.settings(), (key) -> (Actor<M, R>) instances.apply(key));
    }
}
