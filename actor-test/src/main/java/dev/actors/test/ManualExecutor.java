package dev.actors.test;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * The executor of an {@link ActorTestKit}: it only queues what the runtime submits (an actor's run), and the test's
 * thread runs the queue when the kit says so. So handlers run on the test's thread, one task at a time, in the order
 * the actors were woken.
 */
final class ManualExecutor implements Executor {

    /**
     * How many runs one drain may take before it gives up: actors that keep waking each other (or one that casts to
     * itself for ever) would otherwise hang the test instead of failing it.
     */
    static final int MAX_RUNS_PER_DRAIN = 1_000_000;

    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();

    private final int maxRunsPerDrain;

    ManualExecutor() {
        this(MAX_RUNS_PER_DRAIN);
    }

    ManualExecutor(int maxRunsPerDrain) {
        this.maxRunsPerDrain = maxRunsPerDrain;
    }

    @Override
    public synchronized void execute(Runnable task) {
        this.queue.add(task);
    }

    /**
     * Runs queued tasks, and those they queue, until none is left.
     *
     * @return how many ran
     */
    int drain() {
        int runs = 0;
        Runnable next;
        while ((next = poll()) != null) {
            if (++runs > this.maxRunsPerDrain) {
                throw new IllegalStateException("The actors were still busy after " + this.maxRunsPerDrain
                        + " runs: do they keep sending each other (or themselves) messages?");
            }
            next.run();
        }
        return runs;
    }

    private synchronized Runnable poll() {
        return this.queue.poll();
    }
}
