package dev.actors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.actors.spi.ActorListener;
import dev.actors.spi.FlushOutcome;
import dev.actors.spi.FlushTrigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link AsyncActor} and {@link AsyncBatchActor}: exclusive until the stage completes, without holding a thread;
 * results, failures, the async timeout, batches, stops and timers; and the keyed async kinds.
 */
class AsyncActorTests extends ActorSystemTestSupport {

    /** Completes stages on threads of its own, as an async client would. */
    private final ExecutorService elsewhere = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopElsewhere() {
        this.system.close();   // first, so that no handler hands work to a stopped executor
        this.elsewhere.shutdownNow();
    }

    private <T> CompletableFuture<T> later(Supplier<T> value) {
        return CompletableFuture.supplyAsync(value, this.elsewhere);
    }

    @Test
    void takesTheNextMessageOnlyAfterTheStageCompletedAndSeesWhatItWrote() throws Exception {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger mostActive = new AtomicInteger();
        ActorRef<Integer, Integer> actor = this.system.spawnAsync("exclusive", settings().mailboxCapacity(2000).build(),
                () -> new AsyncActor<Integer, Integer>() {
                    private int total;   // plain field: written on other threads, read by the next message

                    @Override
                    public CompletableFuture<Integer> handle(Integer amount) {
                        mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                        return later(() -> {
                            Thread.yield();
                            this.total += amount;
                            active.decrementAndGet();
                            return this.total;
                        });
                    }
                });
        int senders = 4;
        int perSender = 250;
        inParallel(senders, (sender) -> {
            for (int i = 0; i < perSender; i++) {
                actor.cast(1);
            }
        });
        // Every message saw the total left by the previous one's stage: no lost update, never two at once.
        assertThat(actor.call(0).get(30, TimeUnit.SECONDS)).isEqualTo(senders * perSender);
        assertThat(mostActive.get()).isEqualTo(1);
        assertThat(actor.stats().handled()).isEqualTo(senders * perSender + 1);
    }

    @Test
    void holdsNoThreadWhileItsStageIsInFlight() throws Exception {
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        try (ActorSystem system = ActorSystem.builder().executor(oneThread).build()) {
            CompletableFuture<String> pending = new CompletableFuture<>();
            ActorRef<String, String> waiting = system.spawnAsync("waiting", settings().build(), () -> (m) -> pending);
            ActorRef<String, String> other = system.spawn("other", settings().build(), () -> (m) -> m + "!");
            CompletableFuture<String> first = waiting.call("first");
            await().until(() -> waiting.stats().mailboxSize() == 0);
            // The only thread is free for another actor while the stage is in flight.
            assertThat(other.call("hello").get(30, TimeUnit.SECONDS)).isEqualTo("hello!");
            assertThat(first).isNotDone();
            pending.complete("done");
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("done");
        }
        finally {
            oneThread.shutdown();
        }
    }

    @Test
    void theStagesValueAndUnwrappedFailureGoToTheCaller() throws Exception {
        ActorRef<String, String> actor = this.system.spawnAsync("replies", settings().build(), () -> (m) -> {
            if (m.equals("fail")) {
                return later(() -> {
                    throw new PlannedFailure("stage failed");
                });
            }
            if (m.equals("throw")) {
                throw new PlannedFailure("handler threw");
            }
            return later(() -> m.toUpperCase());
        });
        try (CapturedLog log = new CapturedLog()) {
            assertThat(actor.call("ok").get(30, TimeUnit.SECONDS)).isEqualTo("OK");
            // supplyAsync wraps the failure in a CompletionException: the caller gets the failure itself.
            assertThatThrownBy(() -> actor.call("fail").join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(PlannedFailure.class).hasMessage("stage failed");
            assertThatThrownBy(() -> actor.call("throw").join()).cause().isInstanceOf(PlannedFailure.class);
            assertThat(actor.stats().failed()).isEqualTo(2);
            assertThat(actor.stats().lastError()).isInstanceOf(PlannedFailure.class);
        }
    }

    @Test
    void aFailedStageIsAFailureUnderTheFailurePolicy() throws Exception {
        AtomicInteger created = new AtomicInteger();
        ActorRef<String, String> actor = this.system.spawnAsync("restarts",
                settings().onFailure(FailurePolicy.RESTART).build(), () -> {
                    created.incrementAndGet();
                    return (m) -> m.equals("fail") ? CompletableFuture.failedFuture(new PlannedFailure("no"))
                            : later(() -> m);
                });
        try (CapturedLog log = new CapturedLog()) {
            assertThatThrownBy(() -> actor.call("fail").join()).cause().isInstanceOf(PlannedFailure.class);
            assertThat(actor.call("next").get(30, TimeUnit.SECONDS)).isEqualTo("next");
        }
        assertThat(created.get()).isEqualTo(2);
        assertThat(actor.stats().restarts()).isEqualTo(1);
    }

    @Test
    void aStageThatOutlivesTheAsyncTimeoutFailsAndItsLateResultIsDiscarded() throws Exception {
        CompletableFuture<String> never = new CompletableFuture<>();
        ActorRef<String, String> actor = this.system.spawnAsync("slow",
                settings().asyncTimeout(Duration.ofMillis(100)).build(),
                () -> (m) -> m.equals("hang") ? never : CompletableFuture.completedFuture(m));
        try (CapturedLog log = new CapturedLog()) {
            assertThatThrownBy(() -> actor.call("hang").get(30, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ActorAsyncTimeoutException.class)
                .hasMessageContaining("'slow'")
                .hasMessageContaining("100 ms")
                .satisfies((ex) -> assertThat(((ActorAsyncTimeoutException) ex).timeout())
                    .isEqualTo(Duration.ofMillis(100)));
            // The actor went on.
            assertThat(actor.call("next").get(30, TimeUnit.SECONDS)).isEqualTo("next");
            never.complete("late");
            assertThat(actor.call("after").get(30, TimeUnit.SECONDS)).isEqualTo("after");
        }
        assertThat(actor.stats().failed()).isEqualTo(1);
        assertThat(actor.stats().handled()).isEqualTo(2);
    }

    @Test
    void theAsyncTimeoutDefaultsToThirtySecondsAndMustBePositive() {
        assertThat(ActorSettings.defaults().asyncTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> this.system.spawnAsync("zero", settings().asyncTimeout(Duration.ZERO).build(),
                () -> (m) -> CompletableFuture.completedFuture(m)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("async-timeout must be positive");
    }

    @Test
    void anAsyncBatchActorHasOneFlushInFlightAndTheNextTakesWhatQueuedUpToMaxSize() throws Exception {
        CompletableFuture<List<Integer>> firstFlush = new CompletableFuture<>();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        ActorRef<Integer, Integer> actor = this.system.spawnAsyncBatch("group-commit",
                settings().batchMaxSize(10).batchMaxTime(Duration.ZERO).build(), () -> (messages) -> {
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    sizes.add(messages.size());
                    List<Integer> results = new ArrayList<>(messages);
                    if (sizes.size() == 1) {
                        firstStarted.countDown();
                        return firstFlush.thenApply((ignored) -> {
                            inFlight.decrementAndGet();
                            return results;
                        });
                    }
                    return later(() -> {
                        inFlight.decrementAndGet();
                        return results;
                    });
                });
        CompletableFuture<Integer> first = actor.call(0);
        assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            queued.add(actor.call(i));
        }
        assertThat(actor.stats().mailboxSize()).isEqualTo(25);
        this.elsewhere.execute(() -> firstFlush.complete(null));
        assertThat(first.get(30, TimeUnit.SECONDS)).isZero();
        for (int i = 0; i < queued.size(); i++) {
            assertThat(queued.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i + 1);
        }
        assertThat(sizes).containsExactly(1, 10, 10, 5);
        assertThat(mostInFlight.get()).isEqualTo(1);
    }

    @Test
    void aGracefulStopWaitsForTheStageInFlightThenDrains() throws Exception {
        CompletableFuture<String> pending = new CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        ActorRef<String, String> actor = this.system.spawnAsync("stopping", settings().build(), () -> (m) -> {
            if (m.equals("first")) {
                started.countDown();
                return pending;
            }
            return CompletableFuture.completedFuture(m);
        });
        CompletableFuture<String> first = actor.call("first");
        CompletableFuture<String> second = actor.call("second");
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopped = actor.stop();
        assertThat(actor.state()).isEqualTo(ActorState.STOPPING);
        assertThat(stopped).isNotDone();
        this.elsewhere.execute(() -> pending.complete("first done"));
        stopped.get(30, TimeUnit.SECONDS);
        assertThat(first.join()).isEqualTo("first done");
        assertThat(second.join()).isEqualTo("second");
        assertThat(actor.state()).isEqualTo(ActorState.STOPPED);
    }

    @Test
    void aStopWhoseShutdownTimeoutPassesFailsTheStageInFlightAsClosed() throws Exception {
        CompletableFuture<String> never = new CompletableFuture<>();
        CountDownLatch started = new CountDownLatch(1);
        ActorRef<String, String> actor = this.system.spawnAsync("aborted",
                settings().shutdownTimeout(Duration.ofMillis(50)).build(), () -> (m) -> {
                    started.countDown();
                    return never;
                });
        CompletableFuture<String> first = actor.call("first");
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        try (CapturedLog log = new CapturedLog()) {
            actor.stop().get(30, TimeUnit.SECONDS);
        }
        assertThatThrownBy(first::join).cause().isInstanceOf(ActorClosedException.class);
        assertThat(actor.state()).isEqualTo(ActorState.STOPPED);
        never.complete("late");   // discarded: nothing left to complete
    }

    @Test
    void theProcessAndFlushTimersTimeTheWholeStage() throws Exception {
        ConcurrentLinkedQueue<Long> processed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> flushed = new ConcurrentLinkedQueue<>();
        ActorListener listener = new ActorListener() {
            @Override
            public void messageProcessed(long nanos, boolean success) {
                processed.add(nanos);
            }

            @Override
            public void batchFlushed(FlushTrigger trigger, int size, long nanos, FlushOutcome outcome) {
                flushed.add(nanos);
            }
        };
        long stageMillis = 50;
        try (ActorSystem timed = ActorSystem.builder().listenerFactory((actor) -> listener).build()) {
            ActorRef<String, String> plain = timed.spawnAsync("timed", settings().build(),
                    () -> (m) -> later(() -> sleep(stageMillis, m)));
            ActorRef<String, String> batch = timed.spawnAsyncBatch("timed-batch", settings().build(),
                    () -> (messages) -> later(() -> sleep(stageMillis, messages)));
            plain.call("a").get(30, TimeUnit.SECONDS);
            batch.call("b").get(30, TimeUnit.SECONDS);
            await().until(() -> !processed.isEmpty() && !flushed.isEmpty());
        }
        // Only a lower bound: the stage slept that long, however busy the machine.
        assertThat(processed.peek()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(stageMillis));
        assertThat(flushed.peek()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(stageMillis));
    }

    private static <T> T sleep(long millis, T value) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return value;
    }

    @Test
    void aNullStageIsAFailure() {
        ActorRef<String, String> actor = this.system.spawnAsync("null-stage", settings().build(), () -> (m) -> null);
        try (CapturedLog log = new CapturedLog()) {
            assertThatThrownBy(() -> actor.call("x").join()).cause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned null");
        }
    }

    @Test
    void aStageAlreadyCompleteWhenReturnedGoesOnInTheSameRun() throws Exception {
        AtomicLong handled = new AtomicLong();
        ActorRef<Long, Long> actor = this.system.spawnAsync("immediate", settings().build(),
                () -> (m) -> CompletableFuture.completedFuture(handled.addAndGet(m)));
        for (int i = 0; i < 500; i++) {
            actor.cast(1L);
        }
        assertThat(actor.call(0L).get(30, TimeUnit.SECONDS)).isEqualTo(500L);
    }

    /**
     * Keyed {@link AsyncActor} and {@link AsyncBatchActor}: one instance per key, each key exclusive until its stage
     * completed while the other keys go on, and the async timeout per key.
     */
    @Nested
    class Keyed {

        /** Adds up per key, its total in a plain field written by the stage and read by the next message. */
        static final class Total implements AsyncActor<Integer, Integer> {

            private final Map<String, AtomicInteger> active;

            private final Map<String, AtomicInteger> mostActive;

            private final String key;

            private final AsyncActorTests test;

            private int total;

            Total(AsyncActorTests test, String key, Map<String, AtomicInteger> active,
                    Map<String, AtomicInteger> mostActive) {
                this.test = test;
                this.key = key;
                this.active = active;
                this.mostActive = mostActive;
            }

            @Override
            public CompletableFuture<Integer> handle(Integer amount) {
                AtomicInteger now = this.active.computeIfAbsent(this.key, (k) -> new AtomicInteger());
                this.mostActive.computeIfAbsent(this.key, (k) -> new AtomicInteger())
                    .accumulateAndGet(now.incrementAndGet(), Math::max);
                return this.test.later(() -> {
                    Thread.yield();
                    this.total += amount;
                    now.decrementAndGet();
                    return this.total;
                });
            }
        }

        @Test
        void oneInstancePerKeyEachExclusiveUntilItsStageCompleted() throws Exception {
            Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> mostActive = new ConcurrentHashMap<>();
            List<String> created = new CopyOnWriteArrayList<>();
            KeyedActorRef<Integer, Integer> totals = system.spawnKeyedAsync("totals",
                    settings().mailboxCapacity(2000).build(), (key) -> {
                        created.add(key);
                        return new Total(AsyncActorTests.this, key, active, mostActive);
                    });
            assertThat(totals.kind()).isEqualTo(ActorKind.ACTOR);
            int senders = 4;
            int perSender = 100;
            List<String> keys = List.of("a", "b", "c");
            inParallel(senders, (sender) -> {
                for (int i = 0; i < perSender; i++) {
                    for (String key : keys) {
                        totals.forKey(key).cast(1);
                    }
                }
            });
            // Each key saw the total its previous stage left: no lost update, never two stages of one key at once.
            for (String key : keys) {
                assertThat(totals.forKey(key).call(0).get(30, TimeUnit.SECONDS)).isEqualTo(senders * perSender);
                assertThat(mostActive.get(key).get()).isEqualTo(1);
            }
            assertThat(created).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(totals.activeCount()).isEqualTo(3);
        }

        @Test
        void aKeyWhoseStageIsInFlightHoldsUpOnlyItself() throws Exception {
            CompletableFuture<String> pending = new CompletableFuture<>();
            KeyedActorRef<String, String> actor = system.spawnKeyedAsync("waiting", settings().build(),
                    (key) -> (m) -> key.equals("slow") ? pending : CompletableFuture.completedFuture(key + ":" + m));
            CompletableFuture<String> first = actor.forKey("slow").call("first");
            CompletableFuture<String> second = actor.forKey("slow").call("second");
            assertThat(actor.forKey("fast").call("hello").get(30, TimeUnit.SECONDS)).isEqualTo("fast:hello");
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
            pending.complete("done");
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("done");
        }

        @Test
        void theAsyncTimeoutAppliesToEachKey() throws Exception {
            CompletableFuture<String> never = new CompletableFuture<>();
            KeyedActorRef<String, String> actor = system.spawnKeyedAsync("slow",
                    settings().asyncTimeout(Duration.ofMillis(100)).build(),
                    (key) -> (m) -> m.equals("hang") ? never : CompletableFuture.completedFuture(key + ":" + m));
            try (CapturedLog log = new CapturedLog()) {
                assertThatThrownBy(() -> actor.forKey("k1").call("hang").get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(ActorAsyncTimeoutException.class)
                    .hasMessageContaining("'slow'")
                    .hasMessageContaining("100 ms");
                // The key went on, and so did the others.
                assertThat(actor.forKey("k1").call("next").get(30, TimeUnit.SECONDS)).isEqualTo("k1:next");
                assertThat(actor.forKey("k2").call("other").get(30, TimeUnit.SECONDS)).isEqualTo("k2:other");
            }
            assertThat(actor.stats().failed()).isEqualTo(1);
        }

        @Test
        void aKeyedAsyncBatchActorCollectsEachKeysOwnBatches() throws Exception {
            CompletableFuture<Void> firstFlush = new CompletableFuture<>();
            CountDownLatch firstStarted = new CountDownLatch(1);
            Map<String, List<List<Integer>>> batches = new ConcurrentHashMap<>();
            KeyedActorRef<Integer, String> actor = system.spawnKeyedAsyncBatch("group-commit",
                    settings().batchMaxSize(10).batchMaxTime(Duration.ZERO).build(), (key) -> (messages) -> {
                        List<List<Integer>> ofKey = batches.computeIfAbsent(key, (k) -> new CopyOnWriteArrayList<>());
                        ofKey.add(List.copyOf(messages));
                        List<String> results = new ArrayList<>();
                        for (Integer message : messages) {
                            results.add(key + message);
                        }
                        if (key.equals("a") && ofKey.size() == 1) {
                            firstStarted.countDown();
                            return firstFlush.thenApply((ignored) -> results);
                        }
                        return later(() -> results);
                    });
            assertThat(actor.kind()).isEqualTo(ActorKind.BATCH);
            CompletableFuture<String> first = actor.forKey("a").call(0);
            assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<String>> queued = new ArrayList<>();
            for (int i = 1; i <= 15; i++) {
                queued.add(actor.forKey("a").call(i));
            }
            // Key b is not held up by a's flush in flight.
            assertThat(actor.forKey("b").call(7).get(30, TimeUnit.SECONDS)).isEqualTo("b7");
            assertThat(first).isNotDone();
            elsewhere.execute(() -> firstFlush.complete(null));
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("a0");
            for (int i = 0; i < queued.size(); i++) {
                assertThat(queued.get(i).get(30, TimeUnit.SECONDS)).isEqualTo("a" + (i + 1));
            }
            // a's next batches took what queued while its first flush was in flight, up to max-size.
            assertThat(batches.get("a")).extracting(List::size).containsExactly(1, 10, 5);
            assertThat(batches.get("b")).containsExactly(List.of(7));
        }
    }
}
