package dev.actors.benchmarks;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The receiving side's work for one message: count it. Every implementation calls the same sink from its handler,
 * so the handlers cost the same and the benchmarks measure only the machinery around them. The benchmarks wait on
 * {@link #count()} so that a message counts only once it has been handled, not merely queued.
 */
abstract class Sink {

    abstract void accept(Object message);

    abstract long count();

    /** For one consumer thread at a time (one actor): a single writer needs no atomic increment. */
    static Sink forOneActor() {
        return new SingleWriter();
    }

    /** For many actors handling messages on several threads at once. */
    static Sink forManyActors() {
        return new Shared();
    }

    private static final class SingleWriter extends Sink {

        private final AtomicLong count = new AtomicLong();

        @Override
        void accept(Object message) {
            this.count.lazySet(this.count.get() + 1);
        }

        @Override
        long count() {
            return this.count.get();
        }
    }

    private static final class Shared extends Sink {

        private final LongAdder count = new LongAdder();

        @Override
        void accept(Object message) {
            this.count.increment();
        }

        @Override
        long count() {
            return this.count.sum();
        }
    }
}
