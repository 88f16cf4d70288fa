package dev.actors.autoconfigure;

import dev.actors.ActorSystem;
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
    public <M, R> KeyedActorHandle<M, R> host(KeyedActorSpec<M, R> spec) {
        return this.actorSystem.spawnKeyed(spec);
    }
}
