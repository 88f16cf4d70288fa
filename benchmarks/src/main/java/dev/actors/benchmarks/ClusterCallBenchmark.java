package dev.actors.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import dev.actors.Actor;
import dev.actors.ActorHandle;
import dev.actors.ActorKind;
import dev.actors.KeyedActorHandle;
import dev.actors.ActorSettings;
import dev.actors.cluster.ActorCluster;
import dev.actors.cluster.ClusterSettings;
import dev.actors.cluster.Downing;
import dev.actors.cluster.LocalKeyedActors;
import dev.actors.spi.KeyedActorSpec;

/**
 * A call round trip to a keyed actor on a cluster of two instances in one JVM, over loopback, one caller at a time,
 * in microseconds per call (lower is better): to a key that lives on the calling instance ({@code local}) and to one
 * on the other instance ({@code remote}). {@code actors} is this project's cluster ({@code forKey(key).call}: Pekko
 * Cluster Sharding, then the key's actor in the instance's own actor system); {@code pekko} is Pekko Cluster Sharding
 * alone ({@code EntityRef.ask} to an entity that answers itself), so the difference is this project's layer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(jvmArgsAppend = "-Dorg.slf4j.simpleLogger.log.org.apache.pekko=error")
public class ClusterCallBenchmark {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Param({ "actors", "pekko" })
    public String impl;

    @Param({ "local", "remote" })
    public String key;

    private Supplier<CompletableFuture<Long>> call;

    private AutoCloseable cluster;

    private final Map<ActorCluster, KeyedActorHandle<?, ?>> handles = new HashMap<>();

    @Setup
    public void start() throws Exception {
        if (this.impl.equals("actors")) {
            startActors();
        }
        else {
            startPekko();
        }
    }

    @TearDown
    public void stop() throws Exception {
        this.cluster.close();
    }

    @Benchmark
    @Threads(1)
    public Long roundTrip() throws Exception {
        return this.call.get().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private void startActors() throws Exception {
        dev.actors.ActorSystem[] locals = { dev.actors.ActorSystem.create(), dev.actors.ActorSystem.create() };
        ActorCluster first = actorsNode(locals[0], List.of());
        ActorCluster[] nodes = { first, null };
        this.cluster = () -> {
            for (int i = 1; i >= 0; i--) {
                if (nodes[i] != null) {
                    nodes[i].close();
                }
                locals[i].close();
            }
        };
        nodes[1] = actorsNode(locals[1], List.of(first.selfAddress().orElseThrow()));
        @SuppressWarnings("unchecked")
        KeyedActorHandle<Long, Long> echo = (KeyedActorHandle<Long, Long>) this.handles
            .get(first);
        await(() -> first.members().stream().filter((member) -> member.status().equals("up")).count() == 2);
        String wanted = this.key.equals("local") ? first.selfAddress().orElseThrow()
                : nodes[1].selfAddress().orElseThrow();
        for (int i = 0;; i++) {
            String candidate = "key-" + i;
            echo.forKey(candidate).call(0L).get(30, TimeUnit.SECONDS);
            if (first.locate("echo", candidate).get(10, TimeUnit.SECONDS).orElseThrow().address().equals(wanted)) {
                ActorHandle<Long, Long> handle = echo.forKey(candidate);
                this.call = () -> handle.call(1L, TIMEOUT);
                return;
            }
        }
    }

    private ActorCluster actorsNode(dev.actors.ActorSystem local, List<String> seeds) throws InterruptedException {
        ActorCluster node = new ActorCluster(new ClusterSettings("bench", "127.0.0.1", 0, seeds, 100,
                Downing.KEEP_MAJORITY, ClusterSettings.DEFAULT_STABLE_AFTER, Map.of()), LocalKeyedActors.in(local));
        this.handles.put(node, node.host(new KeyedActorSpec<>("echo", ActorKind.ACTOR, ActorSettings.defaults(),
                Long.class, Long.class, (key) -> (Actor<Long, Long>) (message) -> message)));
        node.start();
        if (!node.awaitUp(Duration.ofSeconds(60))) {
            throw new IllegalStateException("the benchmark's cluster did not form");
        }
        return node;
    }

    /**
     * The message of the Pekko entity.
     *
     * @param value what to answer, or a negative value to ask where the entity runs
     * @param replyTo where the answer goes
     */
    public record Ping(long value, ActorRef<Long> replyTo) {
    }

    private void startPekko() throws Exception {
        EntityTypeKey<Ping> type = EntityTypeKey.create(Ping.class, "echo");
        ActorSystem<Void> first = pekkoNode(type, 0);
        ActorSystem<Void> second = pekkoNode(type, 0);
        this.cluster = () -> {
            second.terminate();
            first.terminate();
            second.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
            first.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        };
        Cluster firstCluster = Cluster.get(Adapter.toClassic(first));
        firstCluster.join(firstCluster.selfAddress());
        Cluster.get(Adapter.toClassic(second)).join(firstCluster.selfAddress());
        await(() -> countUp(firstCluster) == 2 && countUp(Cluster.get(Adapter.toClassic(second))) == 2);
        ClusterSharding sharding = ClusterSharding.get(first);
        Cluster wantedCluster = Cluster.get(Adapter.toClassic(this.key.equals("local") ? first : second));
        long wanted = (Integer) wantedCluster.selfAddress().port().get();
        for (int i = 0;; i++) {
            EntityRef<Ping> entity = sharding.entityRefFor(type, "key-" + i);
            long port = entity.<Long>ask((replyTo) -> new Ping(-1, replyTo), Duration.ofSeconds(30))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
            if (port == wanted) {
                this.call = () -> entity.<Long>ask((replyTo) -> new Ping(1, replyTo), TIMEOUT).toCompletableFuture();
                return;
            }
        }
    }

    private static long countUp(Cluster cluster) {
        return StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
            .filter((member) -> member.status() == MemberStatus.up())
            .count();
    }

    private static ActorSystem<Void> pekkoNode(EntityTypeKey<Ping> type, int port) {
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "bench", ConfigFactory.parseString("""
                pekko.actor.provider = cluster
                pekko.remote.artery.canonical.hostname = 127.0.0.1
                pekko.remote.artery.canonical.port = %d
                pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                pekko.cluster.sharding.number-of-shards = 100
                pekko.loglevel = WARNING
                pekko.stdout-loglevel = OFF
                pekko.log-dead-letters = off
                pekko.actor.serialization-bindings {
                  "dev.actors.benchmarks.ClusterCallBenchmark$Ping" = jackson-cbor
                }
                """.formatted(port)).withFallback(ConfigFactory.load()));
        long self = (Integer) Cluster.get(Adapter.toClassic(system)).selfAddress().port().get();
        ClusterSharding.get(system).init(Entity.of(type, (context) -> echo(self)));
        return system;
    }

    /** Answers a ping with its value, or with the port of its instance for a negative one. */
    private static Behavior<Ping> echo(long port) {
        return Behaviors.receiveMessage((ping) -> {
            ping.replyTo().tell((ping.value() < 0) ? port : ping.value());
            return Behaviors.same();
        });
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the benchmark's cluster did not form");
            }
            Thread.sleep(100);
        }
    }
}
