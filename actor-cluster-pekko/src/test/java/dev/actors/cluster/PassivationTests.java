package dev.actors.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.actors.ActorKind;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;
import dev.actors.KeyedActorHandle;
import dev.actors.cluster.Counter.Count;
import dev.actors.cluster.Counter.Counted;
import dev.actors.spi.KeyedActorSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A key's entity is passivated after its keyed actor's {@code passivate-after}, not after Pekko's own idle timeout
 * (2 minutes), and the passivation reaches the local key.
 */
class PassivationTests {

    @Test
    void anIdleEntityIsPassivatedAfterTheKeyedActorsPassivateAfter() throws InterruptedException {
        Counter.World world = new Counter.World();
        try (ActorSystem actors = ActorSystem.create()) {
            ActorCluster cluster = new ActorCluster(new ClusterSettings("idle", "127.0.0.1", 0, List.of(), 10,
                    Downing.KEEP_MAJORITY, ClusterSettings.DEFAULT_STABLE_AFTER, Map.of()), LocalKeyedActors.in(actors));
            try {
                ActorSettings settings = ActorSettings.builder().passivateAfter(Duration.ofSeconds(1)).build();
                KeyedActorHandle<Count, Counted> counter = cluster.host(new KeyedActorSpec<>("counter",
                        ActorKind.ACTOR, settings, Count.class, Counted.class, (key) -> new Counter("n", key, world)));
                cluster.start();
                assertThat(cluster.awaitUp(Duration.ofSeconds(60))).isTrue();
                counter.forKey("a").call(new Count("add", 1)).join();
                assertThat(cluster.localEntityCount()).isEqualTo(1);
                await().atMost(Duration.ofSeconds(30)).until(() -> cluster.localEntityCount() == 0);
                assertThat(world.events).containsExactly("n:a");
                assertThat(counter.forKey("a").call(new Count("get", 0)).join().total()).isEqualTo(1);
            }
            finally {
                cluster.close();
            }
        }
    }
}
