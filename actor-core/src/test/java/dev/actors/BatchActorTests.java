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
import dev.actors.spi.FlushOutcome;
import dev.actors.spi.FlushTrigger;

/**
 * A batch actor gets its messages in groups, flushed by size, by time or at shutdown, and every caller gets the
 * result of its own message.
 */
class BatchActorTests extends ActorSystemTestSupport {

    /** Records each flush the actor system reports. */
    static final class FlushRecorder implements ActorListener {

        final List<String> flushes = new CopyOnWriteArrayList<>();

        final AtomicInteger retries = new AtomicInteger();

        @Override
        public void batchFlushed(FlushTrigger trigger, int size, long nanos, FlushOutcome outcome) {
            String result = switch (outcome) {
                case SUCCESS -> "ok";
                case FAILURE -> "failed";
                case BISECTED -> "bisected";
            };
            this.flushes.add(trigger.tagValue() + ":" + size + ":" + result);
        }

        @Override
        public void batchRetried(int size) {
            this.retries.incrementAndGet();
        }
    }

    final FlushRecorder recorder = new FlushRecorder();

    ActorSystem recording() {
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
    void defaultsAreHundredMessagesNoLingerAndFailTheBatch() {
        assertThat(ActorSettings.defaults().batchMaxSize()).isEqualTo(100);
        assertThat(ActorSettings.defaults().batchMaxTime()).isEqualTo(Duration.ZERO);
        assertThat(ActorSettings.defaults().batchOnFailure()).isEqualTo(BatchFailurePolicy.FAIL_BATCH);
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

    // ---------------------------------------------------------------- adaptive batching (the default)

    @Test
    void aLoneCallFindingTheActorFreeIsFlushedAtOnceAlone() throws Exception {
        Doubler doubler = new Doubler();
        ActorRef<Integer, Integer> actor = recording().spawnBatch("lone", ActorSettings.defaults(), () -> doubler);
        // A linger would make this flush 'time'; waiting for company would leave the call pending for good.
        assertThat(actor.call(21).get(10, TimeUnit.SECONDS)).isEqualTo(42);
        assertThat(actor.call(1).get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(doubler.batches).containsExactly(List.of(21), List.of(1));
        assertThat(this.recorder.flushes).containsExactly("drained:1:ok", "drained:1:ok");
    }

    @Test
    void messagesArrivingDuringAFlushMakeUpTheNextBatchesUpToMaxSize() throws Exception {
        Gate gate = new Gate();
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        ActorRef<Integer, Integer> actor = recording().spawnBatch("adaptive", settings().batchMaxSize(10).build(),
                () -> (messages) -> {
                    batches.add(List.copyOf(messages));
                    if (messages.contains(0)) {
                        gate.pass();
                    }
                    return messages;
                });
        CompletableFuture<Integer> first = actor.call(0);
        gate.awaitEntered();
        List<CompletableFuture<Integer>> during = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            during.add(actor.call(i));
        }
        gate.open();
        assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
        for (int i = 1; i <= 25; i++) {
            assertThat(during.get(i - 1).get(10, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(batches).extracting(List::size).containsExactly(1, 10, 10, 5);
        assertThat(this.recorder.flushes).containsExactly("drained:1:ok", "size:10:ok", "size:10:ok",
                "drained:5:ok");
    }

    // ---------------------------------------------------------------- per-message outcomes

    @Test
    void aBatchResultFailsOnlyTheMessagesItNamesAndTheActorIsNotFailed() throws Exception {
        ActorRef<Integer, Integer> actor = recording().spawnBatch("partial",
                settings().batchMaxSize(6).batchMaxTime(Duration.ofHours(1)).onFailure(FailurePolicy.STOP).build(),
                () -> (messages) -> {
                    BatchResult.Builder<Integer> result = BatchResult.builder(messages.size());
                    for (Integer message : messages) {
                        if (message % 2 == 1) {
                            result.fail(new IllegalArgumentException("odd: " + message));
                        }
                        else {
                            result.succeed(message * 10);
                        }
                    }
                    return result.build();
                });
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(actor.call(i));
        }
        for (int i = 0; i < 6; i++) {
            CompletableFuture<Integer> call = calls.get(i);
            if (i % 2 == 1) {
                assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("odd: " + i);
            }
            else {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(i * 10);
            }
        }
        // Failing single messages is an answer, not a failure of the handler: on-failure 'stop' does not apply.
        assertThat(actor.call(8).thenCombine(actor.call(10), Integer::sum)).isNotDone();
        assertThat(actor.state()).isEqualTo(ActorState.RUNNING);
        assertThat(actor.stats().handled()).isEqualTo(3);
        assertThat(actor.stats().failed()).isEqualTo(3);
        assertThat(this.recorder.flushes).containsExactly("size:6:ok");
    }

    @Test
    void aBatchResultIsAListOfTheResultsWithNullWhereAMessageFailed() {
        IllegalStateException failure = new IllegalStateException("no");
        BatchResult<String> result = BatchResult.<String>builder(3).succeed("a").fail(failure).succeed(null).build();
        assertThat(result).containsExactly("a", null, null);
        assertThat(result.failure(0)).isNull();
        assertThat(result.failure(1)).isSameAs(failure);
        assertThat(result.failure(2)).isNull();
        assertThat(result.failureCount()).isEqualTo(1);
        assertThat(BatchResult.<String>builder(1).succeed("x").build().failure(0)).isNull();
    }

    // ---------------------------------------------------------------- batch.on-failure: bisect

    /** Counts its calls; throws for any batch holding a negative number ("poison"). */
    static final class PoisonSensitive implements BatchActor<Integer, Integer> {

        final AtomicInteger calls = new AtomicInteger();

        final Gate gate = new Gate();

        @Override
        public List<Integer> handleBatch(List<Integer> messages) throws InterruptedException {
            if (messages.equals(List.of(Integer.MAX_VALUE))) {
                this.gate.pass();   // holds the actor while the test queues the batch under test
                return messages;
            }
            this.calls.incrementAndGet();
            for (Integer message : messages) {
                if (message < 0) {
                    throw new IllegalStateException("poison " + message + " in a batch of " + messages.size());
                }
            }
            return messages.stream().map((m) -> m + 1).toList();
        }
    }

    /** Sends a blocker, then {@code values} while the actor is held, so that they arrive as one batch. */
    private List<CompletableFuture<Integer>> oneBatch(ActorRef<Integer, Integer> actor, PoisonSensitive handler,
            List<Integer> values) throws Exception {
        CompletableFuture<Integer> blocker = actor.call(Integer.MAX_VALUE);
        handler.gate.awaitEntered();
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (Integer value : values) {
            calls.add(actor.call(value));
        }
        handler.gate.open();
        blocker.get(10, TimeUnit.SECONDS);
        return calls;
    }

    @Test
    void bisectFailsOnlyThePoisonMessageOfABatchOfHundredWithinTwoLog2AttemptsMore() throws Exception {
        PoisonSensitive handler = new PoisonSensitive();
        ActorRef<Integer, Integer> actor = recording().spawnBatch("bisect",
                settings().batchOnFailure(BatchFailurePolicy.BISECT).build(), () -> handler);
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add((i == 37) ? -37 : i);
        }
        List<CompletableFuture<Integer>> calls = oneBatch(actor, handler, values);
        for (int i = 0; i < 100; i++) {
            CompletableFuture<Integer> call = calls.get(i);
            if (i == 37) {
                // The exception the message threw alone, not the first one of the whole batch.
                assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("poison -37 in a batch of 1");
            }
            else {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(i + 1);
            }
        }
        // One call for the batch, then two per level of halving: ceil(log2(100)) = 7 levels.
        int extra = handler.calls.get() - 1;
        assertThat(extra).isBetween(7, 2 * 7);
        assertThat(actor.stats().batchRetries()).isEqualTo(extra);
        assertThat(this.recorder.retries).hasValue(extra);
        assertThat(this.recorder.flushes.get(1)).isEqualTo("size:100:bisected");
        assertThat(this.recorder.flushes).filteredOn((flush) -> flush.endsWith(":failed"))
            .containsExactly("size:1:failed");
        assertThat(actor.stats().failed()).isEqualTo(1);
        assertThat(actor.stats().handled()).isEqualTo(100);   // 99, and the blocker
        assertThat(actor.state()).isEqualTo(ActorState.RUNNING);
    }

    @Test
    void bisectIsolatesEveryPoisonMessageAndAnswersTheOthersInOrder() throws Exception {
        PoisonSensitive handler = new PoisonSensitive();
        ActorRef<Integer, Integer> actor = this.system.spawnBatch("two-poisons",
                settings().batchOnFailure(BatchFailurePolicy.BISECT).build(), () -> handler);
        List<Integer> values = List.of(0, -1, 2, 3, 4, 5, 6, -7, 8);
        List<CompletableFuture<Integer>> calls = oneBatch(actor, handler, values);
        List<Integer> answered = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            CompletableFuture<Integer> call = calls.get(i);
            if (values.get(i) < 0) {
                assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause()
                    .hasMessage("poison " + values.get(i) + " in a batch of 1");
            }
            else {
                answered.add(call.get(10, TimeUnit.SECONDS));
            }
        }
        assertThat(answered).containsExactly(1, 3, 4, 5, 6, 7, 9);
        assertThat(actor.stats().failed()).isEqualTo(2);
    }

    @Test
    void failBatchFailsEveryCallerOfTheBatchWithOneAttempt() throws Exception {
        PoisonSensitive handler = new PoisonSensitive();
        ActorRef<Integer, Integer> actor = this.system.spawnBatch("fail-batch", ActorSettings.defaults(),
                () -> handler);
        List<CompletableFuture<Integer>> calls = oneBatch(actor, handler, List.of(1, -2, 3));
        for (CompletableFuture<Integer> call : calls) {
            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause().hasMessage("poison -2 in a batch of 3");
        }
        assertThat(handler.calls).hasValue(1);
        assertThat(actor.stats().batchRetries()).isZero();
    }

    @Test
    void bisectDoesNotRetryAResultListOfTheWrongSize() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ActorRef<Integer, Integer> actor = this.system.spawnBatch("wrong-size", settings().batchMaxSize(4)
            .batchMaxTime(Duration.ofHours(1)).batchOnFailure(BatchFailurePolicy.BISECT).build(), () -> (messages) -> {
                calls.incrementAndGet();
                return List.of(1);
            });
        List<CompletableFuture<Integer>> four = List.of(actor.call(1), actor.call(2), actor.call(3), actor.call(4));
        for (CompletableFuture<Integer> call : four) {
            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(BatchResultSizeException.class);
        }
        assertThat(calls).hasValue(1);
    }
}
