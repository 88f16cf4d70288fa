package dev.actors.cluster;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.actors.Actor;

/**
 * The keyed actor of the cluster tests: a counter per key that says which instance served it. Its total is written
 * through to a store shared by the instances (as a database would be), so it survives a key's move; each
 * {@code close()} (passivation, stop) is recorded as {@code node:key}.
 */
public final class Counter implements Actor<Counter.Count, Counter.Counted>, AutoCloseable {

    /**
     * A command.
     *
     * @param op {@code add}, {@code get}, {@code block} (waits at the shared gate) or {@code fail}
     * @param amount what {@code add} adds
     */
    public record Count(String op, int amount) {
    }

    /**
     * A reply.
     *
     * @param node the instance that served it
     * @param key the key
     * @param total the key's total after the command
     */
    public record Counted(String node, String key, int total) {
    }

    /** What the instances share: the totals, how many commands were handled, a gate for {@code block}. */
    public static final class World {

        public final Map<String, Integer> totals = new ConcurrentHashMap<>();

        public final AtomicInteger handled = new AtomicInteger();

        /** What happened, in order: {@code node:key} for each close, and what the tests add. */
        public final Queue<String> events = new ConcurrentLinkedQueue<>();

        volatile CountDownLatch entered = new CountDownLatch(1);

        volatile CountDownLatch gate = new CountDownLatch(1);
    }

    private final String node;

    private final String key;

    private final World world;

    private int total;

    public Counter(String node, String key, World world) {
        this.node = node;
        this.key = key;
        this.world = world;
        this.total = world.totals.getOrDefault(key, 0);
    }

    @Override
    public Counted handle(Count command) throws Exception {
        this.world.handled.incrementAndGet();
        switch (command.op()) {
            case "add" -> {
                this.total += command.amount();
                this.world.totals.put(this.key, this.total);
            }
            case "block" -> {
                this.world.entered.countDown();
                if (!this.world.gate.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
            }
            case "fail" -> throw new IllegalStateException("boom for " + this.key);
            default -> {
            }
        }
        return new Counted(this.node, this.key, this.total);
    }

    @Override
    public void close() {
        this.world.events.add(this.node + ":" + this.key);
    }
}
