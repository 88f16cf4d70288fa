package dev.actors;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.actors.spi.ActorListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An actor instance that is {@link AutoCloseable} is closed when it ends: at a stop, when the failure policy
 * replaces or stops it; on the actor's thread, after its last message.
 */
class InstanceCloseTests extends ActorSystemTestSupport {

    /** Records its messages and its close, numbered by instance; "-1" throws. */
    static class Closing implements Actor<Integer, Integer>, AutoCloseable {

        private final List<String> log;

        private final int number;

        Closing(List<String> log, int number) {
            this.log = log;
            this.number = number;
        }

        @Override
        public Integer handle(Integer message) {
            if (message < 0) {
                throw new IllegalStateException("broken");
            }
            this.log.add(this.number + ":" + message);
            return message;
        }

        @Override
        public void close() {
            this.log.add("close " + this.number);
        }
    }

    @Test
    void aStopClosesTheInstanceAfterItsQueuedMessages() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        ActorRef<Integer, Integer> actor = this.system.spawn("closing", () -> new Closing(log, 1));
        actor.cast(1);
        actor.cast(2);
        actor.stop().get(10, TimeUnit.SECONDS);
        assertThat(log).containsExactly("1:1", "1:2", "close 1");
    }

    @Test
    void aRestartClosesTheFailedInstanceBeforeMakingTheNext() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger instances = new AtomicInteger();
        ActorRef<Integer, Integer> actor = this.system.spawn("closing",
                settings().onFailure(FailurePolicy.RESTART).build(), () -> {
                    int number = instances.incrementAndGet();
                    log.add("open " + number);
                    return new Closing(log, number);
                });
        try (CapturedLog ignored = CapturedLog.quiet()) {
            assertThatThrownBy(() -> actor.call(-1).join()).hasCauseInstanceOf(IllegalStateException.class);
            assertThat(actor.call(5).get(10, TimeUnit.SECONDS)).isEqualTo(5);
        }
        assertThat(log).containsExactly("open 1", "close 1", "open 2", "2:5");
    }

    @Test
    void theFailurePolicyStopClosesTheInstance() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        ActorRef<Integer, Integer> actor = this.system.spawn("closing",
                settings().onFailure(FailurePolicy.STOP).build(), () -> new Closing(log, 1));
        try (CapturedLog ignored = CapturedLog.quiet()) {
            assertThatThrownBy(() -> actor.call(-1).join()).hasCauseInstanceOf(IllegalStateException.class);
            actor.whenTerminated().get(10, TimeUnit.SECONDS);
        }
        assertThat(log).containsExactly("close 1");
    }

    @Test
    void aCloseThatThrowsIsLoggedAndCounted() throws Exception {
        AtomicInteger closeFailures = new AtomicInteger();
        try (ActorSystem counted = ActorSystem.builder()
            .listenerFactory((actor) -> new ActorListener() {
                @Override
                public void closeFailed(Throwable failure) {
                    closeFailures.incrementAndGet();
                }
            })
            .build(); CapturedLog log = CapturedLog.quiet()) {
            ActorRef<Integer, Integer> actor = counted.spawn("leaky", () -> new Closing(List.of(), 1) {
                @Override
                public void close() {
                    throw new IllegalStateException("disk full");
                }
            });
            actor.stop().get(10, TimeUnit.SECONDS);
            assertThat(log.text()).contains("Actor 'leaky': close() threw").contains("disk full");
            assertThat(closeFailures).hasValue(1);
            assertThat(actor.state()).isEqualTo(ActorState.STOPPED);
        }
    }
}
