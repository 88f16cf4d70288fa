package dev.actors;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Resume keeps the state, restart replaces the instance within its intensity, stop ends the actor for good.
 */
class FailurePolicyTests extends ActorSystemTestSupport {

    /** Adds numbers; a negative number makes it throw. */
    static final class Accumulator implements Actor<Integer, Integer> {

        private int total;

        @Override
        public Integer handle(Integer value) {
            if (value < 0) {
                throw new PlannedFailure("negative: " + value);
            }
            this.total += value;
            return this.total;
        }
    }

    @Test
    void resumeIsTheDefaultAndKeepsTheState() throws Exception {
        assertThat(ActorSettings.defaults().onFailure()).isEqualTo(FailurePolicy.RESUME);
        ActorRef<Integer, Integer> actor = this.system.spawn("resume", settings().build(), Accumulator::new);
        actor.call(5).get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> actor.call(-1).join()).hasCauseInstanceOf(PlannedFailure.class);
        try (CapturedLog log = new CapturedLog()) {
            actor.cast(-2);
            assertThat(actor.call(1).get(10, TimeUnit.SECONDS)).isEqualTo(6);
            // Nobody waits for a cast: its failure is logged, with the actor's name and the exception.
            assertThat(log.text()).contains("Actor 'resume' failed to handle a cast message")
                .contains("negative: -2");
        }
        ActorStats stats = actor.stats();
        assertThat(stats.failed()).isEqualTo(2);
        assertThat(stats.handled()).isEqualTo(2);
        assertThat(stats.state()).isEqualTo(ActorState.RUNNING);
        assertThat(stats.lastError()).hasMessage("negative: -2");
    }

    @Test
    void restartReplacesTheInstanceFromTheFactory() throws Exception {
        AtomicInteger created = new AtomicInteger();
        ActorRef<Integer, Integer> actor = this.system.spawn("restart",
                settings().onFailure(FailurePolicy.RESTART).build(), () -> {
                    created.incrementAndGet();
                    return new Accumulator();
                });
        actor.call(5).get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> actor.call(-1).join()).hasCauseInstanceOf(PlannedFailure.class);
        assertThat(actor.call(1).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(created).hasValue(2);
        assertThat(actor.stats().restarts()).isEqualTo(1);
        assertThat(actor.state()).isEqualTo(ActorState.RUNNING);
    }

    @Test
    void tooManyRestartsWithinTheWindowStopTheActorForGood() throws Exception {
        ActorRef<Integer, Integer> actor = this.system.spawn("fragile",
                settings().onFailure(FailurePolicy.RESTART).maxRestarts(2).restartWithin(Duration.ofMinutes(1))
                    .build(),
                Accumulator::new);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> actor.call(-1).join()).hasCauseInstanceOf(PlannedFailure.class);
            assertThat(actor.call(1).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(actor.stats().restarts()).isEqualTo(2);
        Gate gate = new Gate();
        // The third failure is one more than max-restarts: the actor stops, and what is queued behind it fails.
        CompletableFuture<Integer> third = actor.call(-3);
        CompletableFuture<Integer> queued = actor.call(7);
        assertThatThrownBy(third::join).hasCauseInstanceOf(PlannedFailure.class);
        assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(ActorClosedException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> actor.state() == ActorState.FAILED);
        assertThat(actor.stats().lastError()).hasMessage("negative: -3");
        // Termination completes after the queue is failed: wait for it rather than catch it half-way.
        actor.whenTerminated().get(10, TimeUnit.SECONDS);
        CompletableFuture<Integer> later = actor.call(1);
        assertThatThrownBy(later::join).hasCauseInstanceOf(ActorClosedException.class);
        assertThatThrownBy(() -> actor.cast(1)).isInstanceOf(ActorClosedException.class);
        gate.open();
    }

    @Test
    void restartsOutsideTheWindowDoNotAddUp() throws Exception {
        ActorRef<Integer, Integer> actor = this.system.spawn("forgiving",
                settings().onFailure(FailurePolicy.RESTART).maxRestarts(1).restartWithin(Duration.ofMillis(50))
                    .build(),
                Accumulator::new);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> actor.call(-1).join()).hasCauseInstanceOf(PlannedFailure.class);
            // The restart is recorded after the caller is answered: wait for it, then let its window pass.
            long restarts = i + 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> actor.stats().restarts() == restarts);
            Thread.sleep(120);
        }
        assertThat(actor.state()).isEqualTo(ActorState.RUNNING);
        assertThat(actor.stats().restarts()).isEqualTo(3);
    }

    @Test
    void stopEndsTheActorAtItsFirstFailureAndFailsItsQueue() throws Exception {
        Gate gate = new Gate();
        ActorRef<Integer, Integer> actor = this.system.spawn("stopper",
                settings().onFailure(FailurePolicy.STOP).build(), () -> (value) -> {
                    if (value == 0) {
                        gate.pass();
                    }
                    if (value < 0) {
                        throw new PlannedFailure("broken");
                    }
                    return value;
                });
        actor.cast(0);
        gate.awaitEntered();
        CompletableFuture<Integer> failing = actor.call(-1);
        CompletableFuture<Integer> queuedCall = actor.call(2);
        actor.cast(3);
        gate.open();
        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).cause().hasMessage("broken");
        assertThatThrownBy(() -> queuedCall.get(10, TimeUnit.SECONDS)).cause()
            .isInstanceOf(ActorClosedException.class)
            .hasMessageContaining("'stopper'");
        // The queued cast fails too: counted as rejected-closed, not lost.
        await().atMost(Duration.ofSeconds(10)).until(() -> actor.stats().rejectedClosed() == 2);
        ActorStats stats = actor.stats();
        assertThat(stats.state()).isEqualTo(ActorState.FAILED);
        assertThat(stats.lastError()).hasMessage("broken");
        assertThatThrownBy(() -> actor.cast(4)).isInstanceOf(ActorClosedException.class);
    }

    @Test
    void factoryFailureDuringRestartStopsTheActor() throws Exception {
        AtomicInteger created = new AtomicInteger();
        ActorRef<Integer, Integer> actor = this.system.spawn("bad-factory",
                settings().onFailure(FailurePolicy.RESTART).build(), () -> {
                    if (created.incrementAndGet() > 1) {
                        throw new PlannedFailure("cannot build");
                    }
                    return new Accumulator();
                });
        assertThatThrownBy(() -> actor.call(-1).join()).hasCauseInstanceOf(PlannedFailure.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> actor.state() == ActorState.FAILED);
        assertThat(actor.stats().lastError()).hasMessage("cannot build");
    }
}
