package dev.actors.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.actors.Actor;
import dev.actors.ActorKind;
import dev.actors.ActorSettings;
import dev.actors.spi.ActorListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyed actor's slots against the moment a key's old cell ends: what runs on which thread, and where.
 */
class KeyedActorCellTests {

    private final Timers timers = new Timers("keyed-cell-test");

    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger instances = new AtomicInteger();

    /** Runs every task at once on the calling thread: the whole test is one thread, one order. */
    private final Executor inline = Runnable::run;

    private final ActorSettings settings = ActorSettings.builder().build();

    @AfterEach
    void shutdown() {
        this.timers.shutdown();
    }

    @Test
    void aKeyActivatedAsItsOldCellsTerminationCompletesKeepsItsNewCellAndOneInstanceAtATime() {
        // The key's first cell ends the way a race with the next activation can end it: its termination completes
        // just as the next cell attaches its gate, and CompletableFuture has the attaching thread run the callbacks
        // registered so far, the old slot's retirement among them. Where that thread is then decides whether the
        // key keeps its new cell.
        AtomicInteger cells = new AtomicInteger();
        KeyedActorCell<String, String> carts = new KeyedActorCell<>("carts", ActorKind.ACTOR, this.settings,
                this.inline, this.timers,
                (executor, factory) -> new JournalCell(this.settings, executor, this.timers, factory,
                        cells.incrementAndGet() == 1),
                (key) -> new Instance(this.journal, this.instances.incrementAndGet()));
        carts.start(ActorListener.NONE);
        carts.forKey("k").cast("a");
        CompletableFuture<Void> firstPassivated = carts.passivate("k");
        assertThat(this.journal).containsExactly("open 1", "a", "close 1");
        assertThat(firstPassivated).isNotDone();

        carts.forKey("k").cast("b");
        assertThat(firstPassivated).isDone();
        // The next message finds the key's live cell: a cell lost from the map would leave the key to a new one.
        carts.forKey("k").cast("c");
        assertThat(this.journal).containsExactly("open 1", "a", "close 1", "open 2", "b", "c");
        assertThat(carts.stats("k")).isPresent();
        assertThat(carts.activeCount()).isEqualTo(1);

        CompletableFuture<Void> stopped = carts.stop();
        assertThat(stopped).isDone();
        assertThat(this.journal).endsWith("close 2");
        assertThat(carts.activeCount()).isZero();
    }

    /** Records its life and its messages in the journal. */
    static final class Instance implements Actor<String, String>, AutoCloseable {

        private final List<String> journal;

        private final int number;

        Instance(List<String> journal, int number) {
            this.journal = journal;
            this.number = number;
            journal.add("open " + number);
        }

        @Override
        public String handle(String message) {
            this.journal.add(message);
            return message;
        }

        @Override
        public void close() {
            this.journal.add("close " + this.number);
        }
    }

    /**
     * A plain cell whose termination, when {@code racing}, is held back after the cell ended until the next callback
     * is attached to it: then it completes, on the attaching thread, before that callback is added, as a future
     * completing on another thread at that very moment would.
     */
    static final class JournalCell extends ActorCell<String, String> {

        private final CompletableFuture<Void> terminated;

        JournalCell(ActorSettings settings, Executor executor, Timers timers, Supplier<Object> factory,
                boolean racing) {
            super("carts", settings, executor, timers, null, factory);
            if (racing) {
                EndsOnNextCallback ends = new EndsOnNextCallback();
                super.whenTerminated().whenComplete((result, failure) -> ends.ended());
                this.terminated = ends;
            }
            else {
                this.terminated = super.whenTerminated();
            }
        }

        @Override
        public CompletableFuture<Void> whenTerminated() {
            return this.terminated;
        }

        @Override
        @SuppressWarnings("unchecked")
        RunResult processMessages(int budget) {
            for (int i = 0; i < budget; i++) {
                Envelope envelope = nextLive();
                if (envelope == null) {
                    return RunResult.DRAINED;
                }
                String message = (String) envelope.message;
                String reply;
                try {
                    reply = ((Actor<String, String>) this.instance).handle(message);
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
                this.counters.countHandled(1);
                succeeded(envelope, reply);
            }
            return RunResult.BUDGET_SPENT;
        }

        @Override
        public ActorKind kind() {
            return ActorKind.ACTOR;
        }
    }

    /** Completes when a callback is attached after {@link #ended()}, running the earlier callbacks on that thread. */
    static final class EndsOnNextCallback extends CompletableFuture<Void> {

        private volatile boolean ended;

        void ended() {
            this.ended = true;
        }

        @Override
        public CompletableFuture<Void> whenComplete(BiConsumer<? super Void, ? super Throwable> action) {
            if (this.ended) {
                complete(null);
            }
            return super.whenComplete(action);
        }
    }
}
