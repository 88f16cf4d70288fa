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
 * Scenario 2a: {@code call} round trip with one caller at a time, in nanoseconds per call (lower is better). The
 * raw queue's round trip spins on both sides: the floor, not a fair competitor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallLatencyBenchmark {

    @Param({ "actors", "actors-virtual", "pekko", "hand-rolled", "raw-queue" })
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
