package dev.actors.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.actors.ActorAsyncTimeoutException;
import dev.actors.ActorKey;
import dev.actors.ActorKind;
import dev.actors.ActorSystem;
import dev.actors.AsyncActor;
import dev.actors.AsyncBatchActor;
import dev.actors.KeyedActorHandle;
import dev.actors.spi.KeyedActorHost;
import dev.actors.spi.KeyedActorSpec;
import dev.actors.spring.ActorWorker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keyed {@code @ActorWorker}s that implement {@link AsyncActor} or {@link AsyncBatchActor}: one Spring-made instance
 * per key, each key exclusive until its stage completed, {@code async-timeout} per key, and the spec that says a
 * host the handlers are async.
 */
class KeyedAsyncActorsAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class));

    @Test
    void aKeyedAsyncActorHasOneInstancePerKeyEachExclusiveUntilItsStageCompleted() {
        this.contextRunner.withUserConfiguration(LookupActor.class).withBean(Stages.class).run((context) -> {
            Stages stages = context.getBean(Stages.class);
            @SuppressWarnings("unchecked")
            KeyedActorHandle<String, String> lookups = context.getBean(KeyedActorHandle.class);
            CompletableFuture<String> first = new CompletableFuture<>();
            stages.pending.put("a", first);
            CompletableFuture<String> a1 = lookups.forKey("a").call("one");
            CompletableFuture<String> a2 = lookups.forKey("a").call("two");
            // Key b goes on while a's stage is in flight; a has not taken its second message.
            assertThat(lookups.forKey("b").call("three").get(30, TimeUnit.SECONDS)).isEqualTo("b:three");
            assertThat(a1).isNotDone();
            assertThat(a2).isNotDone();
            assertThat(stages.handled("a")).isEqualTo(1);
            first.complete("a:one");
            assertThat(a1.get(30, TimeUnit.SECONDS)).isEqualTo("a:one");
            assertThat(a2.get(30, TimeUnit.SECONDS)).isEqualTo("a:two");
            assertThat(stages.opened).containsExactlyInAnyOrder("a", "b");
            assertThat(context.getBean(ActorSystem.class).findKeyed("lookup").orElseThrow().kind())
                .isEqualTo(ActorKind.ACTOR);
        });
    }

    @Test
    void aKeyedAsyncBatchActorFlushesEachKeysOwnBatches() {
        this.contextRunner.withUserConfiguration(LedgerActor.class).run((context) -> {
            @SuppressWarnings("unchecked")
            KeyedActorHandle<Integer, String> ledgers = context.getBean(KeyedActorHandle.class);
            assertThat(ledgers.forKey("x").call(1).get(30, TimeUnit.SECONDS)).isEqualTo("x1");
            assertThat(ledgers.forKey("y").call(2).get(30, TimeUnit.SECONDS)).isEqualTo("y2");
            assertThat(context.getBean(ActorSystem.class).findKeyed("ledger").orElseThrow().kind())
                .isEqualTo(ActorKind.BATCH);
        });
    }

    @Test
    void theAsyncTimeoutAppliesToEachKeyOfAKeyedAsyncActor() {
        this.contextRunner.withUserConfiguration(LookupActor.class)
            .withBean(Stages.class)
            .withPropertyValues("actors.workers.lookup.async-timeout=100ms")
            .run((context) -> {
                assertThat(context.getBean(ActorSystem.class).findKeyed("lookup").orElseThrow().settings()
                    .asyncTimeout()).isEqualTo(Duration.ofMillis(100));
                context.getBean(Stages.class).pending.put("slow", new CompletableFuture<>());
                @SuppressWarnings("unchecked")
                KeyedActorHandle<String, String> lookups = context.getBean(KeyedActorHandle.class);
                assertThatThrownBy(() -> lookups.forKey("slow").call("hang").get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(ActorAsyncTimeoutException.class)
                    .hasMessageContaining("'lookup'");
                assertThat(lookups.forKey("slow").call("next").get(30, TimeUnit.SECONDS)).isEqualTo("slow:next");
            });
    }

    @Test
    void theSpecTellsAHostThatTheHandlersAreAsync() {
        AtomicReference<KeyedActorSpec<?, ?>> hosted = new AtomicReference<>();
        this.contextRunner.withUserConfiguration(LedgerActor.class)
            .withBean(KeyedActorHost.class, () -> new KeyedActorsAutoConfigurationTests.RecordingHost(hosted))
            .run((context) -> {
                context.getBean(KeyedActorHandle.class);
                assertThat(hosted.get().kind()).isEqualTo(ActorKind.BATCH);
                assertThat(hosted.get().async()).isTrue();
                assertThat(hosted.get().instanceFactory().apply("k")).isInstanceOf(LedgerActor.class);
            });
    }

    /** The stages the test holds back, per key, and what the instances saw. */
    static final class Stages {

        final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

        final Map<String, AtomicInteger> handledByKey = new ConcurrentHashMap<>();

        final List<String> opened = new CopyOnWriteArrayList<>();

        int handled(String key) {
            return this.handledByKey.get(key).get();
        }
    }

    @ActorWorker(value = "lookup", keyed = true)
    static class LookupActor implements AsyncActor<String, String> {

        private final String key;

        private final Stages stages;

        LookupActor(@ActorKey String key, Stages stages) {
            this.key = key;
            this.stages = stages;
            stages.opened.add(key);
        }

        @Override
        public CompletionStage<String> handle(String message) {
            this.stages.handledByKey.computeIfAbsent(this.key, (k) -> new AtomicInteger()).incrementAndGet();
            CompletableFuture<String> held = this.stages.pending.remove(this.key);
            return (held != null) ? held : CompletableFuture.supplyAsync(() -> this.key + ":" + message);
        }
    }

    @ActorWorker(value = "ledger", keyed = true)
    static class LedgerActor implements AsyncBatchActor<Integer, String> {

        private final String key;

        LedgerActor(@ActorKey String key) {
            this.key = key;
        }

        @Override
        public CompletionStage<List<String>> handleBatch(List<Integer> messages) {
            return CompletableFuture.supplyAsync(() -> {
                List<String> results = new ArrayList<>();
                for (Integer message : messages) {
                    results.add(this.key + message);
                }
                return results;
            });
        }
    }
}
