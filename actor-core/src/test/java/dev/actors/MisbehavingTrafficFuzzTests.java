package dev.actors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A randomized fuzz of calls, casts, short timeouts, failures, restarts and stops, on a pool, a fork-join pool, an
 * inline executor and a pool that refuses now and then. Invariants: every accepted call completes; every message sent is counted exactly once
 * (handled, failed, expired or rejected); no message is handled twice; no two handlers of one actor overlap.
 *
 * <p>It runs rounds for a fixed budget, {@code fuzz.seconds} (default 10), and prints one line: the base seed, the
 * rounds and the messages it sent. {@code -Dfuzz.seed=N} replays a base seed.
 */
class MisbehavingTrafficFuzzTests {

    private static final int ACTORS = 4;

    private static final int SENDERS = 3;

    /** What one actor's handlers saw. */
    static final class Seen {

        final Set<Long> handled = ConcurrentHashMap.newKeySet();

        final AtomicInteger inHandler = new AtomicInteger();

        final AtomicLong duplicates = new AtomicLong();

        final AtomicLong overlaps = new AtomicLong();

        final AtomicLong sent = new AtomicLong();

        void handle(long id) {
            if (this.inHandler.incrementAndGet() != 1) {
                this.overlaps.incrementAndGet();
            }
            try {
                if (!this.handled.add(id)) {
                    this.duplicates.incrementAndGet();
                }
                if (id % 17 == 0) {
                    throw new PlannedFailure("planned: fuzz " + id);
                }
            }
            finally {
                this.inHandler.decrementAndGet();
            }
        }
    }

    @Test
    void randomTrafficKeepsEveryInvariant() throws Exception {
        long budgetNanos = TimeUnit.SECONDS.toNanos(Long.getLong("fuzz.seconds", 10));
        long baseSeed = Long.getLong("fuzz.seed", System.nanoTime());
        long begin = System.nanoTime();
        int rounds = 0;
        long messages = 0;
        try (CapturedLog log = CapturedLog.quiet()) {
            try {
                do {
                    messages += round(baseSeed + rounds);
                    rounds++;
                }
                while (System.nanoTime() - begin < budgetNanos);
            }
            finally {
                log.close();
                System.err.println("MisbehavingTrafficFuzzTests: base seed " + baseSeed + ", seeds " + baseSeed
                        + ".." + (baseSeed + rounds - 1) + ", " + rounds + " rounds, " + messages + " messages");
            }
            assertThat(log.printIfAny(MisbehavingTrafficFuzzTests::isPlanned)).as("unplanned log lines").isZero();
        }
    }

    private static boolean isPlanned(String line) {
        return line.contains("planned: ") || line.contains("failed to handle a cast message")
                || line.contains("failed a batch of") || line.contains("restarted after a failure")
                || line.contains("stopped after its shutdown-timeout") || line.contains("queued messages failed")
                || line.contains("is stopped for good") || line.contains("refused to run it");
    }

    /** One round with its own seed; returns the messages sent. */
    private long round(long seed) throws Exception {
        Random random = new Random(seed);
        int kind = random.nextInt(4);
        ExecutorService pool = (kind == 1) ? new ForkJoinPool(2, ForkJoinPool.defaultForkJoinWorkerThreadFactory,
                null, true) : Executors.newFixedThreadPool(2);
        Random refusals = new Random(seed);
        Executor executor = switch (kind) {
            case 2 -> Runnable::run;
            // Refuses now and then, as a saturated pool does: runs are retried, or the actor fails.
            case 3 -> (task) -> {
                boolean refuse;
                synchronized (refusals) {
                    refuse = refusals.nextInt(20) == 0;
                }
                if (refuse) {
                    throw new MisbehavingEnvironmentTests.PlannedRejection();
                }
                pool.execute(task);
            };
            default -> pool;
        };
        ActorSystem system = ActorSystem.builder().executor(executor).build();
        try {
            List<ActorRef<Long, Long>> actors = new ArrayList<>();
            List<Seen> seen = new ArrayList<>();
            for (int a = 0; a < ACTORS; a++) {
                Seen s = new Seen();
                seen.add(s);
                FailurePolicy policy = FailurePolicy.values()[random.nextInt(FailurePolicy.values().length)];
                ActorSettings.Builder settings = ActorSettings.builder().onFailure(policy).maxRestarts(1_000)
                    .mailboxCapacity(1 + random.nextInt(64)).throughput(1 + random.nextInt(16))
                    .shutdownTimeout(Duration.ofMillis(random.nextInt(50) + 1));
                if (random.nextBoolean()) {
                    actors.add(system.spawn("plain-" + a, settings.build(), () -> (id) -> {
                        s.handle(id);
                        return id;
                    }));
                }
                else {
                    settings.batchMaxSize(1 + random.nextInt(8)).batchMaxTime(Duration.ofMillis(1 + random.nextInt(5)));
                    actors.add(system.spawnBatch("batch-" + a, settings.build(), () -> (ids) -> {
                        // Sees every message of the batch, then fails it as a whole if any failed.
                        PlannedFailure failure = null;
                        for (Long id : ids) {
                            try {
                                s.handle(id);
                            }
                            catch (PlannedFailure ex) {
                                failure = ex;
                            }
                        }
                        if (failure != null) {
                            throw failure;
                        }
                        return ids;
                    }));
                }
            }
            List<CompletableFuture<Long>> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
            int perSender = 200 + random.nextInt(300);
            long[] senderSeeds = random.longs(SENDERS).toArray();
            ActorSystemTestSupport.inParallel(SENDERS, (sender) -> {
                Random r = new Random(senderSeeds[sender]);
                for (int i = 0; i < perSender; i++) {
                    int target = r.nextInt(ACTORS);
                    ActorRef<Long, Long> actor = actors.get(target);
                    long id = ((long) sender << 32) | i;
                    int op = r.nextInt(100);
                    seen.get(target).sent.incrementAndGet();
                    if (op < 40) {
                        try {
                            actor.cast(id);
                        }
                        catch (ActorException refused) {
                            // counted as rejected
                        }
                    }
                    else if (op < 70) {
                        calls.add(actor.call(id));
                    }
                    else if (op < 99) {
                        calls.add(actor.call(id, Duration.ofNanos(1 + r.nextInt(2_000_000))));
                    }
                    else {
                        seen.get(target).sent.decrementAndGet();   // a stop, not a message
                        actor.stop();
                    }
                }
            });
            for (CompletableFuture<Long> call : calls) {
                assertThat(call.handle((result, failure) -> true)).as("seed %d: an accepted call completes", seed)
                    .succeedsWithin(Duration.ofSeconds(60));
            }
            for (ActorRef<Long, Long> actor : actors) {
                actor.stop();
            }
            for (int a = 0; a < ACTORS; a++) {
                ActorRef<Long, Long> actor = actors.get(a);
                Seen s = seen.get(a);
                assertThat(actor.whenTerminated()).as("seed %d: %s ends", seed, actor.name())
                    .succeedsWithin(Duration.ofSeconds(60));
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    ActorStats stats = actor.stats();
                    assertThat(stats.handled() + stats.failed() + stats.expired() + stats.rejected())
                        .as("seed %d: %s counts every message once: %s", seed, actor.name(), stats)
                        .isEqualTo(s.sent.get());
                });
                ActorStats stats = actor.stats();
                assertThat(stats.mailboxSize()).as("seed %d: %s", seed, stats).isZero();
                assertThat(s.handled).as("seed %d: %s", seed, stats).hasSize((int) (stats.handled() + stats.failed()));
                assertThat(s.duplicates).as("seed %d: handled twice", seed).hasValue(0);
                assertThat(s.overlaps).as("seed %d: overlapping handlers", seed).hasValue(0);
            }
            return seen.stream().mapToLong((s) -> s.sent.get()).sum();
        }
        finally {
            system.close();
            pool.shutdownNow();
        }
    }
}
