package dev.actors;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler never runs concurrently with itself, sees the state the previous message left, and handles each
 * sender's messages in send order.
 */
class OneAtATimeTests extends ActorSystemTestSupport {

    private static final int THREADS = 8;

    private static final int CALLS = 20_000;

    /** Counts with a plain field: lost updates or stale reads would make the total fall short. */
    static final class PlainCounter implements Actor<Integer, Long> {

        private long count;

        private final AtomicInteger inside = new AtomicInteger();

        private final AtomicInteger overlaps = new AtomicInteger();

        @Override
        public Long handle(Integer increment) {
            if (this.inside.incrementAndGet() != 1) {
                this.overlaps.incrementAndGet();
            }
            this.count += increment;
            long result = this.count;
            this.inside.decrementAndGet();
            return result;
        }
    }

    @Test
    void manyThreadsCallingEndExactlyAtTheirProduct() throws Exception {
        PlainCounter counter = new PlainCounter();
        ActorRef<Integer, Long> actor = this.system.spawn("counter",
                settings().mailboxCapacity(THREADS * CALLS).build(), () -> counter);
        inParallel(THREADS, (sender) -> {
            List<CompletableFuture<Long>> replies = new ArrayList<>(CALLS);
            for (int i = 0; i < CALLS; i++) {
                replies.add(actor.call(1));
            }
            replies.forEach(CompletableFuture::join);
        });
        assertThat(actor.call(0).get(10, TimeUnit.SECONDS)).isEqualTo((long) THREADS * CALLS);
        assertThat(counter.overlaps).hasValue(0);
        assertThat(actor.stats().handled()).isEqualTo(THREADS * CALLS + 1L);
    }

    @Test
    void castsFromManyThreadsAreAllHandledWithoutOverlap() throws Exception {
        PlainCounter counter = new PlainCounter();
        // Room for every cast and the call behind them: the actor may not have taken a single cast yet.
        ActorRef<Integer, Long> actor = this.system.spawn("cast-counter",
                settings().mailboxCapacity(THREADS * CALLS + 1).build(), () -> counter);
        inParallel(THREADS, (sender) -> {
            for (int i = 0; i < CALLS; i++) {
                actor.cast(1);
            }
        });
        // The call is queued behind every cast, so its reply sees all of them.
        assertThat(actor.call(0).get(30, TimeUnit.SECONDS)).isEqualTo((long) THREADS * CALLS);
        assertThat(counter.overlaps).hasValue(0);
    }

    /** Records, per sender, that sequence numbers arrive in order. */
    static final class OrderChecker implements Actor<long[], Void> {

        private final long[] lastSeen;

        private int outOfOrder;

        OrderChecker(int senders) {
            this.lastSeen = new long[senders];
            java.util.Arrays.fill(this.lastSeen, -1);
        }

        @Override
        public Void handle(long[] senderAndSequence) {
            int sender = (int) senderAndSequence[0];
            if (senderAndSequence[1] != this.lastSeen[sender] + 1) {
                this.outOfOrder++;
            }
            this.lastSeen[sender] = senderAndSequence[1];
            return null;
        }
    }

    @Test
    void eachSendersMessagesAreHandledInSendOrder() throws Exception {
        int senders = 4;
        int perSender = 20_000;
        OrderChecker checker = new OrderChecker(senders);
        ActorRef<long[], Void> actor = this.system.spawn("order",
                settings().mailboxCapacity(senders * perSender).build(), () -> checker);
        inParallel(senders, (sender) -> {
            for (long i = 0; i < perSender; i++) {
                // Alternate casts and calls: both go through the same mailbox.
                if (i % 2 == 0) {
                    actor.cast(new long[] { sender, i });
                }
                else {
                    actor.call(new long[] { sender, i });
                }
            }
        });
        actor.stop().get(30, TimeUnit.SECONDS);
        assertThat(checker.outOfOrder).isZero();
        assertThat(checker.lastSeen).containsOnly(perSender - 1L);
    }
}
