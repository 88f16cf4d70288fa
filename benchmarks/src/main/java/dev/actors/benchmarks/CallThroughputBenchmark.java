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
 * Scenario 2b: 64 concurrent callers, each waiting for its reply before its next call, in calls per second. No
 * raw-queue row: 64 spinning callers on a small machine would measure the scheduler, not a hand-off.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CallThroughputBenchmark {

    @Param({ "actors", "actors-virtual", "pekko", "hand-rolled" })
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
    @Threads(64)
    public Long callers64() throws Exception {
        return this.target.call(Target.MESSAGE);
    }
}
