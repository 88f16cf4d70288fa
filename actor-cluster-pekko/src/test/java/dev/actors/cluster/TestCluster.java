package dev.actors.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.actors.ActorKind;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;
import dev.actors.KeyedActorHandle;
import dev.actors.KeyedActorRef;
import dev.actors.spi.KeyedActorSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several cluster instances in one JVM, each with its own actor system and cluster runtime, on loopback with free
 * ports, as Pekko's own {@code ClusterShardingSpec} runs them. Each hosts the keyed actors {@code counter} and
 * {@code small} (a mailbox of one) over a shared {@link Counter.World}.
 */
final class TestCluster implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    final Counter.World world = new Counter.World();

    final List<Node> nodes = new ArrayList<>();

    private final Map<String, String> pekko;

    private final Duration stableAfter;

    TestCluster(Map<String, String> pekko, Duration stableAfter) {
        this.pekko = pekko;
        this.stableAfter = stableAfter;
    }

    static TestCluster start(int size) {
        return start(size, Map.of(), ClusterSettings.DEFAULT_STABLE_AFTER);
    }

    static TestCluster start(int size, Map<String, String> pekko, Duration stableAfter) {
        TestCluster cluster = new TestCluster(pekko, stableAfter);
        try {
            for (int i = 1; i <= size; i++) {
                cluster.addNode("node" + i);
            }
            await().atMost(START_TIMEOUT)
                .untilAsserted(() -> assertThat(cluster.nodes).allSatisfy((node) -> assertThat(
                        node.cluster.members().stream().filter((member) -> member.status().equals("up")).count())
                    .isEqualTo(size)));
            // Every instance's region must have registered before keys are spread, or some get none.
            await().atMost(START_TIMEOUT)
                .untilAsserted(() -> assertThat(cluster.nodes.get(0).cluster.regions("counter").join()).hasSize(size));
            return cluster;
        }
        catch (RuntimeException | Error ex) {
            cluster.close();
            throw ex;
        }
    }

    Node addNode(String name) {
        List<String> seeds = this.nodes.isEmpty() ? List.of() : List.of(this.nodes.get(0).address());
        ClusterSettings settings = new ClusterSettings("test", "127.0.0.1", 0, seeds, 20, Downing.KEEP_MAJORITY,
                this.stableAfter, this.pekko);
        Node node = new Node(name, settings, this.world);
        this.nodes.add(node);
        node.start();
        return node;
    }

    Node node(String name) {
        return this.nodes.stream().filter((node) -> node.name.equals(name)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        for (Node node : this.nodes) {
            node.close();
        }
    }

    /**
     * One instance of the application.
     */
    static final class Node implements AutoCloseable {

        final String name;

        final ActorSystem actors = ActorSystem.builder().threadNamePrefix("test-actor-").build();


        final AtomicLong clockOffset = new AtomicLong();

        final ActorCluster cluster;

        final KeyedActorHandle<Counter.Count, Counter.Counted> counter;

        final KeyedActorHandle<Counter.Count, Counter.Counted> small;

        private final Counter.World world;

        Node(String name, ClusterSettings settings, Counter.World world) {
            this.name = name;
            this.world = world;
            this.cluster = new ActorCluster(settings, LocalKeyedActors.in(this.actors),
                    () -> System.currentTimeMillis() + this.clockOffset.get());
            this.counter = this.cluster.host(spec("counter", ActorSettings.defaults(), world));
            this.small = this.cluster.host(
                    spec("small", ActorSettings.builder().mailboxCapacity(1).build(), world));
        }

        private KeyedActorSpec<Counter.Count, Counter.Counted> spec(String actorName, ActorSettings settings,
                Counter.World world) {
            return new KeyedActorSpec<>(actorName, ActorKind.ACTOR, settings, Counter.Count.class,
                    Counter.Counted.class, (key) -> new Counter(this.name, key, world));
        }

        void start() {
            this.cluster.start();
            try {
                assertThat(this.cluster.awaitUp(START_TIMEOUT)).as(this.name + " up").isTrue();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }

        String address() {
            return this.cluster.selfAddress().orElseThrow();
        }

        KeyedActorRef<?, ?> localRef(String actorName) {
            return this.actors.findKeyed(actorName).orElseThrow();
        }

        long closes() {
            return this.world.events.stream().filter((event) -> event.startsWith(this.name + ":")).count();
        }

        @Override
        public void close() {
            this.cluster.close();
            this.actors.close();
        }
    }

}
