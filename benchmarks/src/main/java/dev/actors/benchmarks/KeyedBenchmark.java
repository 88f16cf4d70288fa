package dev.actors.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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
 * Keyed state, in calls per second from 4 threads:
 * <ul>
 * <li>{@code spread}: calls spread at random over 10,000 keys, all of them live (max-active 10,000): this project's
 * keyed actor, Pekko with one child actor per key spawned on demand by a parent, and a {@code ConcurrentHashMap}
 * of per-key locks (no thread hop at all: the floor).</li>
 * <li>{@code churn}: every call goes to a key never seen before, with at most 1,000 live keys: each call activates
 * an instance and, past the limit, passivates one (Pekko: the parent stops its oldest child).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyedBenchmark {

    static final int KEYS = 10_000;

    static final int CHURN_MAX_ACTIVE = 1_000;

    @Param({ "actors", "pekko", "locks" })
    public String impl;

    private KeyedTargets.KeyedTarget spreadTarget;

    private KeyedTargets.KeyedTarget churnTarget;

    private final AtomicLong fresh = new AtomicLong();

    private String[] keys;

    @Setup
    public void start() {
        this.keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            this.keys[i] = "key-" + i;
        }
        this.spreadTarget = KeyedTargets.create(this.impl, KEYS);
        this.churnTarget = KeyedTargets.create(this.impl, CHURN_MAX_ACTIVE);
    }

    @TearDown
    public void stop() {
        this.spreadTarget.close();
        this.churnTarget.close();
    }

    @Benchmark
    @Threads(4)
    public long spread() {
        return this.spreadTarget.call(this.keys[ThreadLocalRandom.current().nextInt(KEYS)], 1);
    }

    @Benchmark
    @Threads(4)
    public long churn() {
        return this.churnTarget.call("fresh-" + this.fresh.incrementAndGet(), 1);
    }
}
