package dev.actors;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import dev.actors.spi.ActorListener;
import dev.actors.spi.ContextPropagator;
import dev.actors.spi.RejectReason;

/**
 * Every figure of the statistics follows what happened, and the listener hears the same events.
 */
class StatisticsTests {

    /** Counts what it hears. */
    static final class CountingListener implements ActorListener {

        int started;

        int processedOk;

        int processedFailed;

        int rejectedFull;

        int rejectedClosed;

        int expired;

        @Override
        public synchronized void messageStarted(long waitNanos) {
            assertThat(waitNanos).isNotNegative();
            this.started++;
        }

        @Override
        public synchronized void messageProcessed(long nanos, boolean success) {
            if (success) {
                this.processedOk++;
            }
            else {
                this.processedFailed++;
            }
        }

        @Override
        public synchronized void messageRejected(RejectReason reason) {
            if (reason == RejectReason.FULL) {
                this.rejectedFull++;
            }
            else {
                this.rejectedClosed++;
            }
        }

        @Override
        public synchronized void messageExpired() {
            this.expired++;
        }
    }

    @Test
    void statisticsAndListenerFollowTraffic() throws Exception {
        CountingListener listener = new CountingListener();
        try (ActorSystem system = ActorSystem.builder().listenerFactory((actor) -> listener).build()) {
            Gate gate = new Gate();
            ActorRef<Integer, Integer> actor = system.spawn("stats", ActorSettings.builder().mailboxCapacity(3).build(),
                    () -> (value) -> {
                        if (value == 0) {
                            gate.pass();
                        }
                        if (value < 0) {
                            throw new PlannedFailure("negative");
                        }
                        return value;
                    });
            actor.cast(0);
            gate.awaitEntered();
            CompletableFuture<Integer> expiring = actor.call(1, Duration.ofMillis(50));
            CompletableFuture<Integer> failing = actor.call(-1);
            actor.cast(2);
            assertThatThrownBy(() -> actor.cast(3)).isInstanceOf(MailboxFullException.class);
            await().atMost(Duration.ofSeconds(10)).until(expiring::isDone);
            gate.open();
            assertThatThrownBy(failing::join).hasCauseInstanceOf(PlannedFailure.class);
            actor.call(4).get(10, TimeUnit.SECONDS);
            actor.stop().get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> actor.cast(5)).isInstanceOf(ActorClosedException.class);

            ActorStats stats = actor.stats();
            assertThat(stats.name()).isEqualTo("stats");
            assertThat(stats.kind()).isEqualTo(ActorKind.ACTOR);
            assertThat(stats.state()).isEqualTo(ActorState.STOPPED);
            assertThat(stats.mailboxSize()).isZero();
            assertThat(stats.mailboxCapacity()).isEqualTo(3);
            assertThat(stats.handled()).isEqualTo(3);
            assertThat(stats.failed()).isEqualTo(1);
            assertThat(stats.rejectedFull()).isEqualTo(1);
            assertThat(stats.rejectedClosed()).isEqualTo(1);
            assertThat(stats.rejected()).isEqualTo(2);
            assertThat(stats.expired()).isEqualTo(1);
            assertThat(stats.restarts()).isZero();
            assertThat(stats.lastError()).hasMessage("negative");
            synchronized (listener) {
                assertThat(listener.started).isEqualTo(4);
                assertThat(listener.processedOk).isEqualTo(3);
                assertThat(listener.processedFailed).isEqualTo(1);
                assertThat(listener.rejectedFull).isEqualTo(1);
                assertThat(listener.rejectedClosed).isEqualTo(1);
                assertThat(listener.expired).isEqualTo(1);
            }
            assertThat(system.actors()).extracting(ActorHandle::name).containsExactly("stats");
            assertThat(system.find("stats")).containsSame(actor);
        }
    }

    @Test
    void contextCapturedOnTheSenderIsCurrentInTheHandler() throws Exception {
        ThreadLocal<String> requestId = new ThreadLocal<>();
        ContextPropagator propagator = new ContextPropagator() {
            @Override
            public Object capture() {
                return requestId.get();
            }

            @Override
            public Scope restore(Object snapshot) {
                String previous = requestId.get();
                requestId.set((String) snapshot);
                return () -> requestId.set(previous);
            }
        };
        try (ActorSystem system = ActorSystem.builder().contextPropagator(propagator).build()) {
            ActorRef<String, String> actor = system.spawn("ctx", ActorSettings.defaults(),
                    () -> (message) -> message + ":" + requestId.get());
            requestId.set("req-42");
            assertThat(actor.call("a").get(10, TimeUnit.SECONDS)).isEqualTo("a:req-42");
            requestId.remove();
            assertThat(actor.call("b").get(10, TimeUnit.SECONDS)).isEqualTo("b:null");
        }
    }
}
