package dev.actors.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.actors.Actor;
import dev.actors.ActorAsyncTimeoutException;
import dev.actors.ActorSettings;
import dev.actors.AsyncActor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyed actors activate and passivate on the kit's clock, and an async actor's stage is the test's to complete.
 */
class TestKeyedActorTests {

    private final ActorTestKit kit = ActorTestKit.create();

    private final List<String> journal = new ArrayList<>();

    @AfterEach
    void close() {
        this.kit.close();
    }

    /** Counts the messages of one key's instance, and journals its activation and its close(). */
    final class Counter implements Actor<String, Integer>, AutoCloseable {

        private final String key;

        private int count;

        Counter(String key) {
            this.key = key;
            TestKeyedActorTests.this.journal.add("open " + key);
        }

        @Override
        public Integer handle(String message) {
            return ++this.count;
        }

        @Override
        public void close() {
            TestKeyedActorTests.this.journal.add("close " + this.key + " at " + this.count);
        }
    }

    private TestKeyedActor<String, Integer> counters(ActorSettings.Builder settings) {
        return this.kit.spawnKeyed("counters", settings.build(), Counter::new);
    }

    @Test
    void aKeyIdleForPassivateAfterIsPassivatedAndItsNextMessageActivatesAFreshInstance() {
        TestKeyedActor<String, Integer> counters = counters(
                ActorSettings.builder().passivateAfter(Duration.ofMinutes(5)));

        assertThat(counters.ask("cart-1", "add")).isEqualTo(1);
        assertThat(counters.ask("cart-1", "add")).isEqualTo(2);
        assertThat(counters.activeCount()).isEqualTo(1);

        this.kit.advance(Duration.ofMinutes(4));
        assertThat(counters.activeCount()).isEqualTo(1);
        assertThat(this.journal).containsExactly("open cart-1");

        this.kit.advance(Duration.ofMinutes(1));
        assertThat(counters.activeCount()).isZero();
        assertThat(this.journal).containsExactly("open cart-1", "close cart-1 at 2");

        assertThat(counters.ask("cart-1", "add")).isEqualTo(1);
        assertThat(counters.activeCount()).isEqualTo(1);
        assertThat(this.journal).containsExactly("open cart-1", "close cart-1 at 2", "open cart-1");
    }

    @Test
    void aMessageKeepsItsKeyActiveWhileAnIdleKeyIsPassivated() {
        TestKeyedActor<String, Integer> counters = counters(
                ActorSettings.builder().passivateAfter(Duration.ofMinutes(5)));
        counters.cast("busy", "add");
        counters.cast("idle", "add");

        this.kit.advance(Duration.ofMinutes(3));
        counters.cast("busy", "add");
        this.kit.advance(Duration.ofMinutes(3));

        assertThat(counters.activeCount()).isEqualTo(1);
        assertThat(counters.stats("busy")).isPresent();
        assertThat(counters.stats("idle")).isEmpty();
        assertThat(this.journal).containsExactly("open busy", "open idle", "close idle at 1");
    }

    @Test
    void beyondMaxActiveTheLeastRecentlyUsedKeyIsPassivated() {
        TestKeyedActor<String, Integer> counters = counters(ActorSettings.builder().maxActive(2));
        counters.cast("a", "add");
        this.kit.advance(Duration.ofSeconds(1));
        counters.cast("b", "add");
        this.kit.advance(Duration.ofSeconds(1));
        counters.cast("a", "add");
        this.kit.advance(Duration.ofSeconds(1));

        counters.cast("c", "add");

        assertThat(counters.activeCount()).isEqualTo(2);
        assertThat(counters.stats("b")).isEmpty();
        assertThat(this.journal).contains("close b at 1");
        assertThat(counters.ask("a", "add")).isEqualTo(3);
    }

    @Test
    void passivatingAKeyByHandRunsItsClose() {
        TestKeyedActor<String, Integer> counters = counters(ActorSettings.builder());
        counters.cast("cart-1", "add");

        counters.passivate("cart-1");

        assertThat(this.journal).containsExactly("open cart-1", "close cart-1 at 1");
        assertThat(counters.activeCount()).isZero();
    }

    @Test
    void anAsyncActorWaitsForTheStageTheTestCompletes() {
        List<CompletableFuture<String>> stages = new ArrayList<>();
        List<String> handled = new ArrayList<>();
        AsyncActor<String, String> lookup = (message) -> {
            handled.add(message);
            CompletableFuture<String> stage = new CompletableFuture<>();
            stages.add(stage);
            return stage;
        };
        TestActor<String, String> actor = this.kit.spawnAsync("lookup", ActorSettings.defaults(), () -> lookup);

        CompletableFuture<String> first = actor.call("a");
        CompletableFuture<String> second = actor.call("b");

        assertThat(first).isNotDone();
        assertThat(handled).containsExactly("a");

        stages.get(0).complete("A");
        this.kit.runAll();

        assertThat(first).isCompletedWithValue("A");
        assertThat(handled).containsExactly("a", "b");
        assertThat(second).isNotDone();

        stages.get(1).complete("B");
        actor.flush();
        assertThat(second).isCompletedWithValue("B");
        assertThat(actor.isIdle()).isTrue();
    }

    @Test
    void anAsyncActorsStageLeftIncompleteTimesOutOnTheKitsClock() {
        TestActor<String, String> actor = this.kit.spawnAsync("stuck",
                ActorSettings.builder().callTimeout(Duration.ofSeconds(30)).asyncTimeout(Duration.ofSeconds(10)).build(),
                () -> (message) -> new CompletableFuture<>());

        CompletableFuture<String> reply = actor.call("a");
        this.kit.advance(Duration.ofSeconds(9));
        assertThat(reply).isNotDone();

        this.kit.advance(Duration.ofSeconds(1));
        assertThat(reply).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
            .withCauseInstanceOf(ActorAsyncTimeoutException.class);
    }
}
