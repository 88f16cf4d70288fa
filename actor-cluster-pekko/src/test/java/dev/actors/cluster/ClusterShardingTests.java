package dev.actors.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import dev.actors.ActorCallTimeoutException;
import dev.actors.ActorClosedException;
import dev.actors.KeyedActorHandle;
import dev.actors.MailboxFullException;
import dev.actors.autoconfigure.actuate.ActorsClusterView;
import dev.actors.cluster.autoconfigure.ActorClusterEndpointView;
import dev.actors.cluster.Counter.Count;
import dev.actors.cluster.Counter.Counted;
import dev.actors.cluster.TestCluster.Node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Keyed actors on three cluster instances in one JVM: one owner per key, calls from any instance, the runtime's
 * exceptions and timeouts across instances, and a graceful leave (last, as it shrinks the cluster).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterShardingTests {

    private static final int KEYS = 200;

    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestCluster cluster;

    @BeforeAll
    void startCluster() {
        this.cluster = TestCluster.start(3);
    }

    @AfterAll
    void stopCluster() {
        if (this.cluster != null) {
            this.cluster.close();
        }
    }

    @Test
    @Order(1)
    void eachKeyIsServedByExactlyOneInstanceAndIncrementsThroughEveryInstanceAddUp() {
        Map<String, Set<String>> servedBy = addToEveryKeyFromEveryNode(this.cluster.nodes, "k");
        assertThat(servedBy).hasSize(KEYS).allSatisfy((key, nodes) -> assertThat(nodes).as(key).hasSize(1));
        Set<String> owners = new HashSet<>();
        servedBy.values().forEach(owners::addAll);
        assertThat(owners).as("the keys are spread over the instances").hasSizeGreaterThan(1);
        for (int i = 0; i < KEYS; i++) {
            assertThat(this.cluster.world.totals.get("k" + i)).isEqualTo(3);
            assertThat(get(this.cluster.nodes.get(i % 3).counter, "k" + i).total()).isEqualTo(3);
        }
        int entities = this.cluster.nodes.stream().mapToInt((node) -> node.cluster.localEntityCount()).sum();
        assertThat(entities).isEqualTo(KEYS);
    }

    @Test
    @Order(2)
    void theEndpointViewShowsTheMembersAndWhichInstanceHoldsAKey() {
        for (Node node : this.cluster.nodes) {
            ActorClusterEndpointView view = new ActorClusterEndpointView(node.cluster);
            assertThat(view.selfAddress()).isEqualTo(node.address());
            assertThat(view.members()).hasSize(3).allSatisfy((member) -> {
                assertThat(member.status()).isEqualTo("up");
                assertThat(member.reachable()).isTrue();
            });
            for (int i = 0; i < 10; i++) {
                String owner = get(node.counter, "k" + i).node();
                ActorsClusterView.KeyHolder holder = view.locate("counter", "k" + i).orElseThrow();
                assertThat(holder.address()).isEqualTo(this.cluster.node(owner).address());
                assertThat(holder.local()).isEqualTo(owner.equals(node.name));
            }
            assertThat(view.locate("unknown", "k0")).isEmpty();
        }
    }

    @Test
    @Order(2)
    void anApplicationExceptionReachesARemoteCallerWithItsClassNameAndMessage() {
        Node caller = this.cluster.node("node1");
        String key = keyOwnedBy("node2", "failing");
        assertThatThrownBy(() -> caller.counter.forKey(key).call(new Count("fail", 0)).join())
            .cause()
            .isInstanceOfSatisfying(RemoteActorException.class, (ex) -> {
                assertThat(ex.originalClassName()).isEqualTo(IllegalStateException.class.getName());
                assertThat(ex.getMessage()).isEqualTo("boom for " + key);
                assertThat(ex.actorName()).isEqualTo("counter");
            });
    }

    @Test
    @Order(3)
    void aCallThatTimesOutIsNotHandledLaterOnTheOwningInstance() throws Exception {
        Node caller = this.cluster.node("node1");
        String key = keyOwnedBy("node2", "slow");
        CompletableFuture<Counted> blocking = holdKey(caller.counter, key);
        int handledBefore = this.cluster.world.handled.get();
        CompletableFuture<Counted> late = caller.counter.forKey(key).call(new Count("add", 1), Duration.ofMillis(300));
        assertThatThrownBy(late::join).cause()
            .isInstanceOfSatisfying(ActorCallTimeoutException.class,
                    (ex) -> assertThat(ex.timeout()).isEqualTo(Duration.ofMillis(300)));
        // The owner's own timer for the call started when the call arrived, a little after the caller's.
        Node owner = this.cluster.node("node2");
        await().atMost(WAIT).until(() -> owner.cluster.hostedActors().stream()
            .mapToLong(ShardedKeyedActor::timedOutHere)
            .sum() >= 1);
        this.cluster.world.gate.countDown();
        blocking.get(30, TimeUnit.SECONDS);
        assertThat(get(caller.counter, key).total()).as("the timed-out add was skipped").isZero();
        assertThat(this.cluster.world.handled.get() - handledBefore).as("only the get was handled").isEqualTo(1);
    }

    @Test
    @Order(4)
    void aCallWhoseDeadlineHasPassedWhenItArrivesIsSkipped() {
        Node caller = this.cluster.node("node1");
        Node owner = this.cluster.node("node2");
        String key = keyOwnedBy("node2", "expired");
        int handledBefore = this.cluster.world.handled.get();
        owner.clockOffset.set(Duration.ofMinutes(1).toMillis());
        try {
            CompletableFuture<Counted> call = caller.counter.forKey(key).call(new Count("add", 1),
                    Duration.ofMillis(500));
            assertThatThrownBy(call::join).cause().isInstanceOf(ActorCallTimeoutException.class);
            await().atMost(WAIT).until(() -> expired(owner) == 1);
        }
        finally {
            owner.clockOffset.set(0);
        }
        assertThat(this.cluster.world.handled.get()).isEqualTo(handledBefore);
    }

    @Test
    @Order(5)
    void aFullMailboxOnTheOwningInstanceReachesTheCallerAsMailboxFullException() throws Exception {
        Node caller = this.cluster.node("node1");
        String key = keyOwnedBy("node2", "full", caller.small);
        CompletableFuture<Counted> blocking = holdKey(caller.small, key);
        CompletableFuture<Counted> queued = caller.small.forKey(key).call(new Count("get", 0));
        await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(
                () -> caller.small.forKey(key).call(new Count("get", 0)).join()).cause()
            .isInstanceOfSatisfying(MailboxFullException.class, (ex) -> assertThat(ex.capacity()).isEqualTo(1)));
        this.cluster.world.gate.countDown();
        blocking.get(30, TimeUnit.SECONDS);
        queued.get(30, TimeUnit.SECONDS);
    }

    @Test
    @Order(6)
    void aStoppedActorOnTheOwningInstanceReachesTheCallerAsActorClosedException() {
        Node caller = this.cluster.node("node1");
        Node owner = this.cluster.node("node3");
        String key = keyOwnedBy("node3", "closed", caller.small);
        owner.localRef("small").stop().join();
        assertThatThrownBy(() -> caller.small.forKey(key).call(new Count("get", 0)).join()).cause()
            .isInstanceOf(ActorClosedException.class);
    }

    @Test
    @Order(7)
    void afterAGracefulLeaveTheLeaversKeysAreServedByTheOthersWithTheirState() {
        Node leaver = this.cluster.node("node3");
        Set<String> leaversKeys = new HashSet<>();
        for (int i = 0; i < KEYS; i++) {
            if (get(this.cluster.node("node1").counter, "k" + i).node().equals("node3")) {
                leaversKeys.add("k" + i);
            }
        }
        assertThat(leaversKeys).isNotEmpty();
        long closedBefore = leaver.closes();
        leaver.cluster.leave().orTimeout(60, TimeUnit.SECONDS).join();
        assertThat(leaver.closes() - closedBefore).as("each of its keys was passivated before it moved")
            .isGreaterThanOrEqualTo(leaversKeys.size());
        assertThat(leaver.localRef("counter").activeCount()).isZero();
        assertThatThrownBy(() -> leaver.counter.forKey("k0").call(new Count("get", 0)).join()).cause()
            .isInstanceOf(ActorClosedException.class);
        List<Node> remaining = List.of(this.cluster.node("node1"), this.cluster.node("node2"));
        Map<String, Set<String>> servedBy = addToEveryKeyFromEveryNode(remaining, "k");
        assertThat(servedBy).allSatisfy((key, nodes) -> assertThat(nodes).as(key).hasSize(1).doesNotContain("node3"));
        for (int i = 0; i < KEYS; i++) {
            assertThat(this.cluster.world.totals.get("k" + i)).isEqualTo(5);
        }
    }

    @Test
    @Order(8)
    void aCallersFutureCompletesOnTheKeysActorThreadOrOnPekkosDefaultDispatcherNeverOnPekkosOwnThreads()
            throws Exception {
        Node caller = this.cluster.node("node1");
        String here = keyOwnedBy("node1", "thread");
        String there = keyOwnedBy("node2", "thread");
        String test = Pattern.quote(Thread.currentThread().getName());
        String actorThread = "test-actor-\\d+";
        String defaultDispatcher = "test-pekko\\.actor\\.default-dispatcher-\\d+";
        for (int i = 0; i < 20; i++) {
            // The test's thread when the call was over before the continuation was added.
            assertThat(completingThread(caller.counter.forKey(here).call(new Count("get", 0), WAIT)))
                .as("a key on this instance").matches(actorThread + "|" + defaultDispatcher + "|" + test);
            assertThat(completingThread(caller.counter.forKey(there).call(new Count("get", 0), WAIT)))
                .as("a key on another instance: not Pekko's remoting").matches(defaultDispatcher + "|" + test);
        }
        CompletableFuture<Counted> blocking = holdKey(caller.counter, there);
        try {
            CompletableFuture<String> timedOut = caller.counter.forKey(there)
                .call(new Count("get", 0), Duration.ofMillis(200))
                .handle((counted, failure) -> Thread.currentThread().getName());
            assertThat(timedOut.get(30, TimeUnit.SECONDS)).as("a timeout: not Pekko's scheduler")
                .matches(defaultDispatcher);
        }
        finally {
            this.cluster.world.gate.countDown();
        }
        blocking.get(30, TimeUnit.SECONDS);
        assertThat(caller.localRef("counter").settings().spinBeforeIdle())
            .as("a key's next message comes through Pekko: no spin waits for it")
            .isZero();
    }

    private static String completingThread(CompletableFuture<Counted> call) throws Exception {
        return call.handle((counted, failure) -> Thread.currentThread().getName()).get(30, TimeUnit.SECONDS);
    }

    private Map<String, Set<String>> addToEveryKeyFromEveryNode(List<Node> callers, String prefix) {
        List<CompletableFuture<Counted>> replies = new ArrayList<>();
        for (Node node : callers) {
            for (int i = 0; i < KEYS; i++) {
                replies.add(node.counter.forKey(prefix + i).call(new Count("add", 1), WAIT));
            }
        }
        Map<String, Set<String>> servedBy = new HashMap<>();
        for (CompletableFuture<Counted> reply : replies) {
            Counted counted = reply.join();
            servedBy.computeIfAbsent(counted.key(), (key) -> new HashSet<>()).add(counted.node());
        }
        return servedBy;
    }

    private String keyOwnedBy(String nodeName, String prefix) {
        return keyOwnedBy(nodeName, prefix, this.cluster.node("node1").counter);
    }

    private String keyOwnedBy(String nodeName, String prefix, KeyedActorHandle<Count, Counted> handle) {
        for (int i = 0; i < 1000; i++) {
            KeyLocation location = this.cluster.node("node1").cluster.locate(handle.name(), prefix + i)
                .join()
                .orElse(null);
            if (location == null) {
                // No owner yet for its shard: a first message allocates it.
                get(handle, prefix + i);
                location = this.cluster.node("node1").cluster.locate(handle.name(), prefix + i).join().orElseThrow();
            }
            if (location.address().equals(this.cluster.node(nodeName).address())) {
                return prefix + i;
            }
        }
        throw new AssertionError("no key found on " + nodeName);
    }

    private CompletableFuture<Counted> holdKey(KeyedActorHandle<Count, Counted> handle, String key)
            throws InterruptedException {
        this.cluster.world.entered = new CountDownLatch(1);
        this.cluster.world.gate = new CountDownLatch(1);
        CompletableFuture<Counted> blocking = handle.forKey(key).call(new Count("block", 0), WAIT);
        assertThat(this.cluster.world.entered.await(30, TimeUnit.SECONDS)).as("the key is held").isTrue();
        return blocking;
    }

    private static Counted get(KeyedActorHandle<Count, Counted> handle, String key) {
        return handle.forKey(key).call(new Count("get", 0), WAIT).join();
    }

    private static long expired(Node node) {
        return node.cluster.hostedActors().stream().mapToLong(ShardedKeyedActor::expired).sum();
    }
}
