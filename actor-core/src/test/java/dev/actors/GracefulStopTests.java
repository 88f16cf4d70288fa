package dev.actors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A stop refuses new messages, handles what was queued within the shutdown timeout, and fails the rest.
 */
class GracefulStopTests extends ActorSystemTestSupport {

    @Test
    void defaultShutdownTimeoutIsThirtySeconds() {
        assertThat(ActorSettings.defaults().shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void stopHandlesEverythingQueuedAndRefusesNewMessages() throws Exception {
        Gate gate = new Gate();
        AtomicInteger handled = new AtomicInteger();
        ActorRef<Integer, Integer> actor = this.system.spawn("drain", settings().build(), () -> (value) -> {
            if (value == 0) {
                gate.pass();
            }
            handled.incrementAndGet();
            return value;
        });
        actor.cast(0);
        gate.awaitEntered();
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            calls.add(actor.call(i));
            actor.cast(i);
        }
        CompletableFuture<Void> stopped = actor.stop();
        assertThat(actor.state()).isEqualTo(ActorState.STOPPING);
        assertThatThrownBy(() -> actor.cast(999)).isInstanceOf(ActorClosedException.class)
            .hasMessageContaining("'drain'");
        assertThat(actor.call(999)).isCompletedExceptionally();
        assertThat(stopped).isNotDone();
        gate.open();
        stopped.get(10, TimeUnit.SECONDS);
        assertThat(calls).allSatisfy((call) -> assertThat(call).isCompleted());
        assertThat(handled).hasValue(201);
        assertThat(actor.state()).isEqualTo(ActorState.STOPPED);
        assertThat(actor.stats().rejectedClosed()).isEqualTo(2);
        assertThat(actor.stop()).isSameAs(stopped);
    }

    @Test
    void stopActorsStopsEveryActorAndCompletesOnceAllHaveStopped() throws Exception {
        Gate gate = new Gate();
        ActorRef<Integer, Integer> busy = this.system.spawn("busy", () -> (value) -> {
            if (value == 0) {
                gate.pass();
            }
            return value;
        });
        ActorRef<Integer, Integer> idle = this.system.spawn("idle", () -> (value) -> value);
        busy.cast(0);
        gate.awaitEntered();
        CompletableFuture<Integer> queued = busy.call(1);
        CompletableFuture<Void> stopped = this.system.stopActors();
        assertThat(busy.state()).isEqualTo(ActorState.STOPPING);
        assertThat(stopped).isNotDone();
        gate.open();
        stopped.get(10, TimeUnit.SECONDS);
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(List.of(busy.state(), idle.state())).containsOnly(ActorState.STOPPED);
    }

    @Test
    void whatIsLeftAfterTheShutdownTimeoutFailsWithActorClosed() throws Exception {
        Gate gate = new Gate();
        ActorRef<Integer, Integer> actor = this.system.spawn("stuck",
                settings().shutdownTimeout(Duration.ofMillis(100)).build(), () -> (value) -> {
                    if (value == 0) {
                        gate.pass();
                    }
                    return value;
                });
        CompletableFuture<Integer> inHandler = actor.call(0, Duration.ofMinutes(1));
        gate.awaitEntered();
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            queued.add(actor.call(i, Duration.ofMinutes(1)));
        }
        try (CapturedLog log = new CapturedLog()) {
            CompletableFuture<Void> stopped = actor.stop();
            // The timeout passes while the handler is still busy; when it returns, the rest fails instead of running.
            Thread.sleep(300);
            gate.open();
            stopped.get(10, TimeUnit.SECONDS);
            // The stop says how many messages it failed, and why.
            assertThat(log.text()).containsPattern("Actor 'stuck' stopped after its shutdown-timeout .* with 10 "
                    + "messages unhandled");
        }
        assertThat(inHandler.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(queued).allSatisfy((call) -> assertThatThrownBy(call::join)
            .hasCauseInstanceOf(ActorClosedException.class)
            .hasMessageContaining("shutdown-timeout"));
        assertThat(actor.stats().rejectedClosed()).isEqualTo(10);
        assertThat(actor.stats().handled()).isEqualTo(1);
    }

    @Test
    void stoppingAnIdleActorCompletesAtOnce() throws Exception {
        ActorRef<Integer, Integer> actor = this.system.spawn("idle", settings().build(), () -> (value) -> value);
        actor.stop().get(10, TimeUnit.SECONDS);
        assertThat(actor.state()).isEqualTo(ActorState.STOPPED);
        assertThat(actor.whenTerminated()).isDone();
    }

    @Test
    void closingTheSystemStopsEveryActorAfterItsQueue() throws Exception {
        ActorSystem own = ActorSystem.create();
        AtomicInteger handled = new AtomicInteger();
        List<ActorRef<Integer, Integer>> actors = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            actors.add(own.spawn("a" + a, settings().build(), () -> (value) -> {
                Thread.sleep(1);
                handled.incrementAndGet();
                return value;
            }));
        }
        for (int i = 0; i < 100; i++) {
            for (ActorRef<Integer, Integer> actor : actors) {
                actor.cast(i);
            }
        }
        own.close();
        assertThat(handled).hasValue(500);
        assertThat(actors).allSatisfy((actor) -> assertThat(actor.state()).isEqualTo(ActorState.STOPPED));
        assertThatThrownBy(() -> own.spawn("late", settings().build(), () -> (value) -> value))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void waitingIsBoundedOnlyByTheShutdownTimeout() {
        ActorRef<Integer, Integer> actor = this.system.spawn("quick", settings().build(), () -> (value) -> value);
        actor.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> actor.state() == ActorState.STOPPED);
    }
}
