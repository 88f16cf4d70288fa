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

/**
 * {@code call} round trip with one caller at a time, in nanoseconds per call (lower is better): the plain actor
 * against an {@code AsyncActor} whose stage completes on another thread. The difference is the price of the async
 * hand-off: the stage's thread, then a new run of the actor to apply the outcome.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AsyncCallLatencyBenchmark {

    @Param({ "actors", "actors-async" })
    public String impl;

    private Target target;

    @Setup
    public void start() {
        this.target = Target.create(this.impl, 1);
    }

    @TearDown
    public void stop() {
        this.target.close();
    }

    @Benchmark
    @Threads(1)
    public Long roundTrip() throws Exception {
        return this.target.call(Target.MESSAGE);
    }
}
