package dev.actors.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Scenario 1: {@code cast} throughput into one actor, in messages handled per second.
 *
 * <p>One operation is one message handled, not merely queued: each invocation casts a burst of {@link #BURST}
 * messages and then waits until the consumer has handled everything sent so far. So the queue never holds more than
 * a burst per producer (well under every mailbox's capacity) and the score cannot run ahead of the consumer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CastBenchmark {

    /** Messages per invocation and producer. */
    static final int BURST = 10_000;

    @Param({ "actors", "actors-virtual", "pekko", "hand-rolled", "raw-queue" })
    public String impl;

    private Target target;

    private final AtomicLong sent = new AtomicLong();

    @Setup
    public void start() {
        this.target = Target.create(this.impl, 1);
    }

    @TearDown
    public void stop() {
        this.target.awaitHandled(this.sent.get());
        this.target.close();
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BURST)
    public void oneProducer() {
        burst();
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BURST)
    public void twoProducers() {
        burst();
    }

    private void burst() {
        Target target = this.target;
        for (int i = 0; i < BURST; i++) {
            target.cast(0, Target.MESSAGE);
        }
        target.awaitHandled(this.sent.addAndGet(BURST));
    }
}
