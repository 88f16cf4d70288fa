package dev.actors.cluster;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.actors.cluster.Counter.Count;
import dev.actors.cluster.TestCluster.Node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance that stops without leaving (a crash): the Split Brain Resolver downs it once the membership has been
 * stable for {@code stable-after} (shortened here), and its keys start on the others.
 */
class DowningTests {

    private static final int KEYS = 60;

    @Test
    void theKeysOfAnInstanceThatCrashedAreServedByTheOthersAfterStableAfter() {
        try (TestCluster cluster = TestCluster.start(3,
                Map.of("coordinated-shutdown.run-by-actor-system-terminate", "off"), Duration.ofSeconds(2))) {
            Node survivor = cluster.node("node1");
            Set<String> crashedKeys = new HashSet<>();
            for (int i = 0; i < KEYS; i++) {
                if (survivor.counter.forKey("c" + i).call(new Count("add", 1)).join().node().equals("node3")) {
                    crashedKeys.add("c" + i);
                }
            }
            assertThat(crashedKeys).isNotEmpty();

            cluster.node("node3").cluster.crash();

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .untilAsserted(() -> {
                for (String key : crashedKeys) {
                    String node = survivor.counter.forKey(key).call(new Count("get", 0), Duration.ofSeconds(2))
                        .join()
                        .node();
                    assertThat(node).isIn("node1", "node2");
                }
            });
            assertThat(survivor.cluster.members()).extracting(ClusterMember::address)
                .doesNotContain(cluster.node("node3").address());
            for (String key : crashedKeys) {
                assertThat(cluster.world.totals.get(key)).as("its stored state came back").isEqualTo(1);
            }
        }
    }
}
