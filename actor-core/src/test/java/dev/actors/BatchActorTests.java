package dev.actors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import dev.actors.spi.ActorListener;
import dev.actors.spi.FlushTrigger;

/**
 * A batch actor gets its messages in groups, flushed by size, by time or at shutdown, and every caller gets the
 * result of its own message.
 */
class BatchActorTests extends ActorSystemTestSupport {

    /** Records each flush the actor system reports. */
    static final class FlushRecorder implements ActorListener {

        final List<String> flushes = new CopyOnWriteArrayList<>();

        @Override
        public void batchFlushed(FlushTrigger trigger, int size, long nanos, boolean success) {
            this.flushes.add(trigger.tagValue() + ":" + size + ":" + (success ? "ok" : "failed"));
        }
    }

    private final FlushRecorder recorder = new FlushRecorder();

    private ActorSystem recording() {
        ActorSystem recording = ActorSystem.builder().listenerFactory((actor) -> this.recorder).build();
        this.system.close();
        this.system = recording;
        return recording;
    }

    /** Doubles each number and records the batches it saw. */
    static final class Doubler implements BatchActor<Integer, Integer> {

        final List<List<Integer>> batches = new CopyOnWriteArrayList<>();

        @Override
        public List<Integer> handleBatch(List<Integer> messages) {
            this.batches.add(List.copyOf(messages));
            return messages.stream().map((m) -> m * 2).toList();
        }
    }

    @Test
    void defaultsAreHundredMessagesAndTenMilliseconds() {
        assertThat(ActorSettings.defaults().batchMaxSize()).isEqualTo(100);
        assertThat(ActorSettings.defaults().batchMaxTime()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void tenCallsWithMaxSizeTenArriveAsOneBatchAndResultsReachTheirCallersInOrder() throws Exception {
        Doubler doubler = new Doubler();
        ActorRef<Integer, Integer> actor = recording().spawnBatch("by-size",
                settings().batchMaxSize(10).batchMaxTime(Duration.ofHours(1)).build(), () -> doubler);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(actor.call(i, Duration.ofSeconds(30)));
        }
        for (int i = 0; i < 10; i++) {
            assertThat(calls.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i * 2);
        }
        assertThat(doubler.batches).containsExactly(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertThat(this.recorder.flushes).containsExactly("size:10:ok");
        assertThat(actor.kind()).isEqualTo(ActorKind.BATCH);
        assertThat(actor.stats().flushes()).isEqualTo(1);
        assertThat(actor.stats().lastFlushSize()).isEqualTo(10);
    }

    @Test
    void aPartialBatchIsFlushedByTimeAfterAboutMaxTime() throws Exception {
        Doubler doubler = new Doubler();
        // The pool's only thread is held until the three calls are queued, so that they surely share one batch
        // however slowly this thread sends them.
        ExecutorService pool = ActorExecutors.platformThreads(1, "held-");
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.execute(() -> awaitQuietly(release));
            ActorRef<Integer, Integer> actor = recording().spawnBatch("by-time", settings().executor(pool)
                .batchMaxSize(100).batchMaxTime(Duration.ofMillis(50)).build(), () -> doubler);
            long start = System.nanoTime();
            CompletableFuture<Integer> a = actor.call(1);
            CompletableFuture<Integer> b = actor.call(2);
            CompletableFuture<Integer> c = actor.call(3);
            release.countDown();
            CompletableFuture.allOf(a, b, c).get(10, TimeUnit.SECONDS);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(List.of(a.join(), b.join(), c.join())).containsExactly(2, 4, 6);
            assertThat(doubler.batches).containsExactly(List.of(1, 2, 3));
            assertThat(this.recorder.flushes).containsExactly("time:3:ok");
            // Never before max-time. (No upper bound: a busy machine may be late; the 10 s above catches "stuck".)
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aBacklogIsFlushedAsFullBatchesWithoutWaitingForMaxTime() throws Exception {
        Gate gate = new Gate();
        AtomicInteger batchNumber = new AtomicInteger();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        ActorRef<Integer, Void> actor = recording().spawnBatch("backlog",
                settings().batchMaxSize(100).batchMaxTime(Duration.ofHours(1)).mailboxCapacity(2000).build(),
                () -> (messages) -> {
                    if (batchNumber.incrementAndGet() == 1) {
                        gate.pass();
                    }
                    sizes.add(messages.size());
                    return null;
                });
        for (int i = 0; i < 100; i++) {
            actor.cast(i);   // the first full batch, held at the gate while the backlog builds up
        }
        gate.awaitEntered();
        List<CompletableFuture<Void>> backlog = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            backlog.add(actor.call(i, Duration.ofSeconds(30)));
        }
        assertThat(actor.stats().mailboxSize()).isEqualTo(1000);
        gate.open();
        // With max-time an hour away, only size-triggered flushes can complete these calls.
        CompletableFuture.allOf(backlog.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertThat(sizes).hasSize(11).containsOnly(100);
        assertThat(this.recorder.flushes).hasSize(11).containsOnly("size:100:ok");
        assertThat(backlog).allSatisfy((call) -> assertThat(call.join()).isNull());
    }

    @Test
    void aFailingFlushFailsOnlyItsOwnCallersAndTheNextBatchSucceeds() throws Exception {
        ActorRef<Integer, Integer> actor = recording().spawnBatch("flaky",
                settings().batchMaxSize(3).batchMaxTime(Duration.ofHours(1)).build(), () -> (messages) -> {
                    if (messages.contains(-1)) {
                        throw new PlannedFailure("database down");
                    }
                    return messages;
                });
        List<CompletableFuture<Integer>> first = List.of(actor.call(-1), actor.call(1), actor.call(2));
        List<CompletableFuture<Integer>> second = List.of(actor.call(3), actor.call(4), actor.call(5));
        for (CompletableFuture<Integer> call : first) {
            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause().hasMessage("database down");
        }
        assertThat(second.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(second.get(2).get(10, TimeUnit.SECONDS)).isEqualTo(5);
        assertThat(this.recorder.flushes).containsExactly("size:3:failed", "size:3:ok");
        assertThat(actor.stats().failed()).isEqualTo(3);
        assertThat(actor.stats().handled()).isEqualTo(3);
        assertThat(actor.state()).isEqualTo(ActorState.RUNNING);
    }

    /** Counts the batches it has seen: fresh instances start from zero. */
    static final class CountingBatches implements BatchActor<Integer, Integer> {

        private int batches;

        @Override
        public List<Integer> handleBatch(List<Integer> messages) {
            this.batches++;
            if (messages.contains(-1)) {
                throw new PlannedFailure("database down");
            }
            return messages.stream().map((m) -> this.batches).toList();
        }
    }

    @Test
    void restartAfterAFailedBatchGivesTheNextBatchAFreshInstance() throws Exception {
        ActorRef<Integer, Integer> actor = this.system.spawnBatch("restarting", settings().batchMaxSize(2)
            .batchMaxTime(Duration.ofHours(1)).onFailure(FailurePolicy.RESTART).build(), CountingBatches::new);
        assertThat(actor.call(1)).isNotDone();
        assertThat(actor.call(2).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        List<CompletableFuture<Integer>> failing = List.of(actor.call(-1), actor.call(3));
        assertThatThrownBy(() -> failing.get(1).get(10, TimeUnit.SECONDS)).cause().hasMessage("database down");
        CompletableFuture<Integer> next = actor.call(4);
        // A fresh instance: its first batch, not the third.
        assertThat(actor.call(5).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(actor.stats().restarts()).isEqualTo(1);
        assertThat(actor.state()).isEqualTo(ActorState.RUNNING);
    }

    @Test
    void stopAfterAFailedBatchFailsWhatIsQueuedAndLaterMessages() throws Exception {
        Gate gate = new Gate();
        ActorRef<Integer, Integer> actor = this.system.spawnBatch("stopping", settings().batchMaxSize(2)
            .batchMaxTime(Duration.ofHours(1)).onFailure(FailurePolicy.STOP).build(), () -> (messages) -> {
                gate.pass();
                throw new PlannedFailure("database down");
            });
        List<CompletableFuture<Integer>> failing = List.of(actor.call(1), actor.call(2));
        gate.awaitEntered();
        List<CompletableFuture<Integer>> queued = List.of(actor.call(3), actor.call(4));
        gate.open();
        for (CompletableFuture<Integer> call : failing) {
            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause().hasMessage("database down");
        }
        for (CompletableFuture<Integer> call : queued) {
            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ActorClosedException.class)
                .hasMessageContaining("'stopping'");
        }
        assertThat(actor.state()).isEqualTo(ActorState.FAILED);
        assertThat(actor.call(5)).failsWithin(Duration.ofSeconds(10))
            .withThrowableOfType(java.util.concurrent.ExecutionException.class)
            .withCauseInstanceOf(ActorClosedException.class);
    }

    @Test
    void aResultListOfTheWrongSizeFailsEveryCallerWithAClearError() throws Exception {
        ActorRef<Integer, Integer> actor = recording().spawnBatch("sloppy",
                settings().batchMaxSize(3).batchMaxTime(Duration.ofHours(1)).build(), () -> (messages) -> List.of(1));
        List<CompletableFuture<Integer>> calls = List.of(actor.call(1), actor.call(2), actor.call(3));
        for (CompletableFuture<Integer> call : calls) {
            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(BatchResultSizeException.class)
                .hasMessageContaining("'sloppy'")
                .hasMessageContaining("returned 1 results for a batch of 3")
                .hasMessageContaining("one result per message");
        }
        assertThat(this.recorder.flushes).containsExactly("size:3:failed");
    }

    @Test
    void shutdownFlushesThePartialBatch() throws Exception {
        Doubler doubler = new Doubler();
        ActorRef<Integer, Integer> actor = recording().spawnBatch("partial",
                settings().batchMaxSize(100).batchMaxTime(Duration.ofHours(1)).build(), () -> doubler);
        List<CompletableFuture<Integer>> calls = List.of(actor.call(1, Duration.ofMinutes(1)),
                actor.call(2, Duration.ofMinutes(1)));
        actor.cast(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> actor.stats().mailboxSize() == 0);
        assertThat(doubler.batches).isEmpty();
        actor.stop().get(10, TimeUnit.SECONDS);
        assertThat(calls.get(0).join()).isEqualTo(2);
        assertThat(calls.get(1).join()).isEqualTo(4);
        assertThat(doubler.batches).containsExactly(List.of(1, 2, 3));
        assertThat(this.recorder.flushes).containsExactly("shutdown:3:ok");
        assertThat(actor.state()).isEqualTo(ActorState.STOPPED);
    }

    @Test
    void aCallThatTimedOutIsLeftOutOfItsBatch() throws Exception {
        Doubler doubler = new Doubler();
        ActorRef<Integer, Integer> actor = this.system.spawnBatch("expiring",
                settings().batchMaxSize(100).batchMaxTime(Duration.ofHours(1)).build(), () -> doubler);
        CompletableFuture<Integer> impatient = actor.call(1, Duration.ofMillis(20));
        // It times out while its batch fills; the stop then flushes the batch, whatever the machine's speed.
        assertThat(impatient).failsWithin(Duration.ofSeconds(10))
            .withThrowableOfType(java.util.concurrent.ExecutionException.class)
            .withCauseInstanceOf(ActorCallTimeoutException.class);
        CompletableFuture<Integer> patient = actor.call(2, Duration.ofSeconds(30));
        actor.stop().get(10, TimeUnit.SECONDS);
        assertThat(patient.get(10, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(doubler.batches).containsExactly(List.of(2));
        assertThat(actor.stats().expired()).isEqualTo(1);
    }

    @Test
    void everyPartialBatchIsFlushedByTimeEvenWhenItsTimerFiresWhileTheRunIsEnding() throws Exception {
        // A max-time so short that the batch timer often fires while the run that armed it is still finishing:
        // that wake-up must not be lost, or the partial batch waits for the next message (here: forever).
        ActorRef<Integer, Integer> actor = this.system.spawnBatch("short-deadline",
                settings().batchMaxSize(1000).batchMaxTime(Duration.ofNanos(20_000)).build(), Doubler::new);
        AtomicInteger answered = new AtomicInteger();
        int threads = 4;
        int calls = 500;
        inParallel(threads, (sender) -> {
            for (int i = 0; i < calls; i++) {
                // Sequential calls: each is alone in its batch more often than not, so only time can flush it.
                assertThat(actor.call(i, Duration.ofSeconds(10)).get(20, TimeUnit.SECONDS)).isEqualTo(2 * i);
                answered.incrementAndGet();
            }
        });
        assertThat(answered.get()).isEqualTo(threads * calls);
        assertThat(actor.stats().expired()).isZero();
    }

    @Test
    void nullResultCompletesEveryCallerWithNull() throws Exception {
        ActorRef<String, Void> actor = this.system.spawnBatch("void",
                settings().batchMaxSize(2).build(), () -> (messages) -> null);
        CompletableFuture<Void> a = actor.call("a");
        CompletableFuture<Void> b = actor.call("b");
        assertThat(a.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(b.get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void batchesNeverOverlapAndKeepArrivalOrderUnderConcurrentSenders() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        ActorRef<Integer, Integer> actor = this.system.spawnBatch("concurrent",
                settings().batchMaxSize(50).batchMaxTime(Duration.ofMillis(2)).mailboxCapacity(100_000).build(),
                () -> (messages) -> {
                    if (inside.incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                    }
                    seen.addAll(messages);
                    inside.decrementAndGet();
                    return messages;
                });
        int senders = 4;
        int perSender = 5_000;
        inParallel(senders, (sender) -> {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < perSender; i++) {
                calls.add(actor.call(sender * perSender + i, Duration.ofSeconds(30)));
            }
            for (CompletableFuture<Integer> call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS)).isBetween(0, senders * perSender - 1);
            }
        });
        assertThat(overlaps).hasValue(0);
        assertThat(seen).hasSize(senders * perSender);
        for (int s = 0; s < senders; s++) {
            int low = s * perSender;
            int high = low + perSender;
            List<Integer> fromSender = seen.stream().filter((v) -> v >= low && v < high).toList();
            assertThat(fromSender).isSorted();
        }
    }

    @Test
    void aFailingCastBatchIsCountedAndTheActorGoesOn() throws Exception {
        ActorRef<Integer, Integer> actor = this.system.spawnBatch("cast-failures",
                settings().batchMaxSize(2).batchMaxTime(Duration.ofHours(1)).build(), () -> (messages) -> {
                    if (messages.contains(-1)) {
                        throw new PlannedFailure("bad batch");
                    }
                    return messages;
                });
        actor.cast(-1);
        actor.cast(1);
        assertThat(actor.call(2).thenCombine(actor.call(3), Integer::sum).get(10, TimeUnit.SECONDS)).isEqualTo(5);
        assertThat(actor.stats().failed()).isEqualTo(2);
        assertThat(actor.stats().lastError()).hasMessage("bad batch");
    }
}
