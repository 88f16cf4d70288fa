package dev.actors;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call that would wait for itself fails at once with {@link ActorCallCycleException}, naming the chain; a cast
 * never does, and calls that only look alike (the target is not busy with the chain's message) go through.
 */
class CallCycleTests extends ActorSystemTestSupport {

    /** A call timeout far beyond the test's wait: a hang would fail the test, not turn into a timeout. */
    private static final Duration NEVER = Duration.ofMinutes(5);

    /** Holds a reference that is set after the actor that uses it exists. */
    static final class Late<M, R> {

        final AtomicReference<ActorRef<M, R>> ref = new AtomicReference<>();

        ActorRef<M, R> get() {
            return this.ref.get();
        }
    }

    /** Calls the target and waits; answers with the cycle's message if the call fails with one. */
    private static String callAndWait(ActorRef<String, String> target, String message) {
        try {
            return target.call(message, NEVER).join();
        }
        catch (RuntimeException ex) {
            if (ex.getCause() instanceof ActorCallCycleException cycle) {
                return "cycle: " + cycle.cycle();
            }
            throw ex;
        }
    }

    @Test
    void aHandlerThatCallsItsOwnActorAndWaitsFailsAtOnce() throws Exception {
        Late<String, String> self = new Late<>();
        self.ref.set(this.system.spawn("self", settings().build(),
                () -> (m) -> m.equals("outer") ? callAndWait(self.get(), "inner") : m));
        assertThat(self.get().call("outer", NEVER).get(30, TimeUnit.SECONDS)).isEqualTo("cycle: self -> self");
    }

    @Test
    void twoActorsThatCallEachOtherFailAtOnceNamingTheChain() throws Exception {
        Late<String, String> ping = new Late<>();
        ActorRef<String, String> pong = this.system.spawn("pong", settings().build(),
                () -> (m) -> callAndWait(ping.get(), "back"));
        ping.ref.set(this.system.spawn("ping", settings().build(),
                () -> (m) -> m.equals("start") ? callAndWait(pong, "hello") : "ping got " + m));
        assertThat(ping.get().call("start", NEVER).get(30, TimeUnit.SECONDS))
            .isEqualTo("cycle: ping -> pong -> ping");
        // The exception itself: an ActorException naming the busy actor and the chain.
        CompletableFuture<String> direct = pong.call("x", NEVER);
        assertThat(direct.get(30, TimeUnit.SECONDS)).isEqualTo("ping got back");
    }

    @Test
    void aLongerChainIsNamedInOrder() throws Exception {
        Late<String, String> a = new Late<>();
        ActorRef<String, String> c = this.system.spawn("c", settings().build(), () -> (m) -> callAndWait(a.get(), m));
        ActorRef<String, String> b = this.system.spawn("b", settings().build(), () -> (m) -> callAndWait(c, m));
        a.ref.set(this.system.spawn("a", settings().build(),
                () -> (m) -> m.equals("start") ? callAndWait(b, "go") : m));
        assertThat(a.get().call("start", NEVER).get(30, TimeUnit.SECONDS)).isEqualTo("cycle: a -> b -> c -> a");
    }

    @Test
    void theExceptionIsAnActorExceptionWithTheChain() throws Exception {
        Late<String, String> self = new Late<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        self.ref.set(this.system.spawn("loop", settings().build(), () -> (m) -> {
            if (m.equals("outer")) {
                self.get().call("inner").whenComplete((r, ex) -> failure.set(ex));
            }
            return m;
        }));
        self.get().call("outer").get(30, TimeUnit.SECONDS);
        // Failed before the call returned, not after the call timeout: the handler is done and it was set.
        assertThat(failure.get()).isInstanceOf(ActorCallCycleException.class)
            .isInstanceOf(ActorException.class)
            .hasMessageContaining("Call cycle loop -> loop");
        ActorCallCycleException cycle = (ActorCallCycleException) failure.get();
        assertThat(cycle.chain()).containsExactly("loop", "loop");
        assertThat(cycle.actorName()).isEqualTo("loop");
    }

    @Test
    void aCastNeverFailsThisWay() throws Exception {
        Late<String, String> self = new Late<>();
        CompletableFuture<String> echoed = new CompletableFuture<>();
        self.ref.set(this.system.spawn("caster", settings().build(), () -> (m) -> {
            if (m.equals("outer")) {
                self.get().cast("inner");   // cannot deadlock: handled after this message
            }
            else {
                echoed.complete(m);
            }
            return m;
        }));
        self.get().call("outer", NEVER).get(30, TimeUnit.SECONDS);
        assertThat(echoed.get(30, TimeUnit.SECONDS)).isEqualTo("inner");
    }

    @Test
    void callsThroughACastAreNotPartOfTheCallersChain() throws Exception {
        // ping casts to pong and waits for nothing; pong's call to ping just queues behind ping's message.
        Late<String, String> ping = new Late<>();
        ActorRef<String, String> pong = this.system.spawn("pong", settings().build(), () -> (m) -> {
            ping.get().call("from pong", NEVER);
            return m;
        });
        CompletableFuture<String> pingSaw = new CompletableFuture<>();
        ping.ref.set(this.system.spawn("ping", settings().build(), () -> (m) -> {
            if (m.equals("start")) {
                pong.cast("hello");
            }
            else {
                pingSaw.complete(m);
            }
            return m;
        }));
        ping.get().call("start", NEVER).get(30, TimeUnit.SECONDS);
        assertThat(pingSaw.get(30, TimeUnit.SECONDS)).isEqualTo("from pong");
    }

    @Test
    void aCallToAnActorThatIsNoLongerBusyWithTheChainGoesThrough() throws Exception {
        // pong answers ping, then (in its next message) calls ping: ping's earlier message is done by then.
        Late<String, String> ping = new Late<>();
        ActorRef<String, String> pong = this.system.spawn("pong", settings().build(),
                () -> (m) -> m.equals("call back") ? callAndWait(ping.get(), "later") : "pong");
        ping.ref.set(this.system.spawn("ping", settings().build(),
                () -> (m) -> m.equals("start") ? callAndWait(pong, "hello") : "ping got " + m));
        assertThat(ping.get().call("start", NEVER).get(30, TimeUnit.SECONDS)).isEqualTo("pong");
        assertThat(pong.call("call back", NEVER).get(30, TimeUnit.SECONDS)).isEqualTo("ping got later");
    }

    @Test
    void theChainFollowsCallsMadeFromAnAsyncActorsStage() throws Exception {
        Late<String, String> ping = new Late<>();
        ActorRef<String, String> pong = this.system.spawn("pong", settings().build(),
                () -> (m) -> callAndWait(ping.get(), "back"));
        // ping's stage is pong's reply: ping stays busy with "start" while pong handles "hello".
        ping.ref.set(this.system.spawnAsync("ping", settings().build(),
                () -> (m) -> m.equals("start") ? pong.call("hello", NEVER) : CompletableFuture.completedFuture(m)));
        assertThat(ping.get().call("start", NEVER).get(30, TimeUnit.SECONDS))
            .isEqualTo("cycle: ping -> pong -> ping");
    }

    @Test
    void theChainFollowsAStagesContinuations() throws Exception {
        Late<String, String> ping = new Late<>();
        ActorRef<String, String> pong = this.system.spawn("pong", settings().build(), () -> (m) -> m);
        // The continuation runs on pong's thread (or on ping's, if pong was quicker): either way it is ping's work.
        ping.ref.set(this.system.spawnAsync("ping", settings().build(), () -> (m) -> m.equals("start")
                ? pong.call("hello", NEVER).thenCompose((reply) -> ping.get().call("again", NEVER))
                : CompletableFuture.completedFuture(m)));
        CompletableFuture<String> start = ping.get().call("start", NEVER);
        assertThat(start).failsWithin(Duration.ofSeconds(30))
            .withThrowableOfType(ExecutionException.class)
            .havingCause()
            .isInstanceOf(ActorCallCycleException.class)
            .withMessageContaining("ping -> ping");
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void theChainFollowsCallsOnVirtualThreads() throws Exception {
        Optional<ExecutorService> virtual = ActorExecutors.virtualThreads();
        ExecutorService executor = virtual.orElseThrow();
        try (ActorSystem onVirtual = ActorSystem.builder().executor(executor).build()) {
            Late<String, String> ping = new Late<>();
            ActorRef<String, String> pong = onVirtual.spawn("pong", settings().build(),
                    () -> (m) -> callAndWait(ping.get(), "back"));
            AtomicReference<String> pingThread = new AtomicReference<>();
            ping.ref.set(onVirtual.spawn("ping", settings().build(), () -> (m) -> {
                pingThread.set(Thread.currentThread().toString());   // compiled for 17: no Thread.isVirtual()
                return m.equals("start") ? callAndWait(pong, "hello") : m;
            }));
            assertThat(ping.get().call("start", NEVER).get(30, TimeUnit.SECONDS))
                .isEqualTo("cycle: ping -> pong -> ping");
            assertThat(pingThread.get()).startsWith("VirtualThread");
        }
        finally {
            executor.shutdown();
        }
    }
}
