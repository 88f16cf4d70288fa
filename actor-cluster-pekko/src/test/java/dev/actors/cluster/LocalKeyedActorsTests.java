package dev.actors.cluster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.actors.Actor;
import dev.actors.ActorKind;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;
import dev.actors.AsyncActor;
import dev.actors.AsyncBatchActor;
import dev.actors.BatchActor;
import dev.actors.KeyedActorRef;
import dev.actors.spi.KeyedActorSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys a cluster instance owns run in a keyed actor of its own actor system, of the kind the spec says: a
 * keyed actor declared async on the cluster gets async instances, not a cast to the plain kind.
 */
class LocalKeyedActorsTests {

    private final ActorSystem actorSystem = ActorSystem.create();

    @AfterEach
    void close() {
        this.actorSystem.close();
    }

    @ParameterizedTest
    @CsvSource({ "ACTOR, false", "ACTOR, true", "BATCH, false", "BATCH, true" })
    void eachKindOfKeyedActorRunsWithItsOwnKindOfInstance(ActorKind kind, boolean async) {
        Function<String, ?> instances = (key) -> instance(kind, async, key);
        KeyedActorSpec<String, String> spec = new KeyedActorSpec<>("greeter", kind,
                ActorSettings.builder().batchMaxSize(4).build(), String.class, String.class, instances, async);

        KeyedActorRef<String, String> ref = LocalKeyedActors.in(this.actorSystem).spawn(spec);

        assertThat(ref.forKey("k1").call("hello").join()).isEqualTo("k1:hello");
        assertThat(ref.forKey("k2").call("bye", Duration.ofSeconds(5)).join()).isEqualTo("k2:bye");
    }

    private static Object instance(ActorKind kind, boolean async, String key) {
        if (kind == ActorKind.BATCH) {
            if (async) {
                return (AsyncBatchActor<String, String>) (messages) -> CompletableFuture
                    .supplyAsync(() -> messages.stream().map((message) -> key + ":" + message).toList());
            }
            return (BatchActor<String, String>) (messages) -> messages.stream()
                .map((message) -> key + ":" + message)
                .toList();
        }
        if (async) {
            return (AsyncActor<String, String>) (message) -> CompletableFuture.supplyAsync(() -> key + ":" + message);
        }
        return (Actor<String, String>) (message) -> key + ":" + message;
    }
}
