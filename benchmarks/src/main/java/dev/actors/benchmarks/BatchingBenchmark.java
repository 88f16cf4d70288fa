package dev.actors.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorStats;
import dev.actors.ActorSystem;

/**
 * Scenario 4a: callers that each write one row and wait for it, through a batcher whose every flush costs a fixed
 * {@link #COMMIT_NANOS} (a stand-in for a commit), in writes per second. One caller shows what a lone request pays;
 * sixteen show how batches grow with load.
 * <ul>
 * <li>{@code actors}: a {@code BatchActor} at the default settings;</li>
 * <li>{@code actors-linger}: the same with {@code batch.max-time: 10ms}, the default before batches became
 * adaptive: a batch waits for company up to 10 ms after its first message;</li>
 * <li>{@code hand-rolled}: the batcher every driver author writes ({@link HandRolledBatcher}).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BatchingBenchmark {

    /** What one flush costs, whatever its size: about a fast commit. */
    static final long COMMIT_NANOS = 50_000;

    @Param({ "actors", "actors-linger", "hand-rolled" })
    public String impl;

    private ActorSystem system;

    private ActorRef<Long, Long> ref;

    private HandRolledBatcher handRolled;

    @Setup
    public void start() {
        if (this.impl.equals("hand-rolled")) {
            this.handRolled = new HandRolledBatcher(ActorSettings.DEFAULT_BATCH_MAX_SIZE, BatchingBenchmark::commit);
            return;
        }
        ActorSettings.Builder settings = ActorSettings.builder().mailboxCapacity(Target.CAPACITY);
        if (this.impl.equals("actors-linger")) {
            settings.batchMaxTime(Duration.ofMillis(10));
        }
        this.system = ActorSystem.create();
        this.ref = this.system.spawnBatch("writer", settings.build(), () -> (messages) -> {
            commit(messages);
            return messages;
        });
    }

    @TearDown
    public void stop() {
        if (this.handRolled != null) {
            this.handRolled.close();
            return;
        }
        ActorStats stats = this.ref.stats();
        this.system.close();
        if (stats.rejected() + stats.expired() + stats.failed() != 0) {
            throw new IllegalStateException("Messages were rejected, expired or failed: the run is not valid");
        }
    }

    @Benchmark
    @Threads(1)
    public Long caller1() throws Exception {
        return write();
    }

    @Benchmark
    @Threads(16)
    public Long callers16() throws Exception {
        return write();
    }

    private Long write() throws Exception {
        return (this.handRolled != null) ? this.handRolled.write(Target.MESSAGE)
                : this.ref.call(Target.MESSAGE).join();
    }

    /** Spins for {@link #COMMIT_NANOS}: a fixed cost per flush that no scheduler can shorten or stretch. */
    static void commit(List<?> batch) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < COMMIT_NANOS) {
            Thread.onSpinWait();
        }
    }
}
