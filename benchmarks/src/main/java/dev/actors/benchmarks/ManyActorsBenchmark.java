package dev.actors.benchmarks;

import java.util.concurrent.TimeUnit;

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
 * Scenario 3a: 10,000 actors, one producer casting to them in turn, in messages handled per second. Each burst
 * gives every actor one message, so every message wakes an idle actor: this measures scheduling, not draining. The
 * hand-rolled worker and the raw queue have no row: a thread per entity is not something anyone runs 10,000 of.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ManyActorsBenchmark {

    static final int ACTORS = 10_000;

    @Param({ "actors", "actors-virtual", "pekko" })
    public String impl;

    private Target target;

    private long sent;

    @Setup
    public void start() {
        this.target = Target.create(this.impl, ACTORS);
    }

    @TearDown
    public void stop() {
        this.target.awaitHandled(this.sent);
        this.target.close();
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(ACTORS)
    public void spread() {
        Target target = this.target;
        for (int i = 0; i < ACTORS; i++) {
            target.cast(i, Target.MESSAGE);
        }
        this.sent += ACTORS;
        target.awaitHandled(this.sent);
    }
}
