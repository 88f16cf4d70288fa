package dev.actors.benchmarks;

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
import dev.actors.ActorSystem;

/**
 * Scenario 4a: 16 concurrent callers through a {@code BatchActor} whose flush does nothing, against a plain actor
 * whose handler does nothing, in calls per second: the cost of the batching machinery itself.
 *
 * <p>{@code batch-8} flushes at 8 messages, half the callers, so one batch fills while the callers of the previous
 * one wake up. {@code batch-100} keeps the default {@code batch.max-size} (100) and {@code batch.max-time} (10 ms):
 * with only 16 callers a batch never fills, so each one waits its full max-time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BatchingBenchmark {

    @Param({ "plain", "batch-8", "batch-100" })
    public String actor;

    private ActorSystem system;

    private ActorRef<Long, Object> ref;

    @Setup
    public void start() {
        this.system = ActorSystem.create();
        ActorSettings settings = ActorSettings.builder().mailboxCapacity(Target.CAPACITY).build();
        if (this.actor.equals("plain")) {
            this.ref = this.system.spawn("no-op", settings, () -> (message) -> null);
        }
        else {
            int maxSize = Integer.parseInt(this.actor.substring("batch-".length()));
            this.ref = this.system.spawnBatch("no-op", settings.toBuilder().batchMaxSize(maxSize).build(),
                    () -> (messages) -> null);
        }
    }

    @TearDown
    public void stop() {
        this.system.close();
    }

    @Benchmark
    @Threads(16)
    public Object callers16() {
        return this.ref.call(Target.MESSAGE).join();
    }
}
