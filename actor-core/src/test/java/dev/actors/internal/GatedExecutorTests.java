package dev.actors.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.actors.Actor;
import dev.actors.ActorSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cell held behind a gate (a keyed actor's next cell for a key) when the executor fails the hand-off at the
 * gate's opening: the cell must hear of it, as it hears of a refused submission of its own.
 */
class GatedExecutorTests {

    private final Timers timers = new Timers("gated-executor-test");

    @AfterEach
    void shutdown() {
        this.timers.shutdown();
    }

    @Test
    void anErrorFromTheExecutorWhenTheGateOpensIsARefusalThatTheCellRetries() {
        AtomicInteger attempts = new AtomicInteger();
        // The first hand-off fails as a pool that cannot start a thread fails; the retry runs.
        Executor failingOnce = (task) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new OutOfMemoryError("unable to create native thread (planned by the test)");
            }
            task.run();
        };
        CompletableFuture<Void> gate = new CompletableFuture<>();
        GatedExecutor gated = new GatedExecutor(failingOnce, gate);
        ActorSettings settings = ActorSettings.builder().build();
        PlainActorCell<String, String> cell = new PlainActorCell<>("gated", settings, gated, this.timers, null,
                () -> (Actor<String, String>) (message) -> message + "!");
        cell.start();
        CompletableFuture<String> reply = cell.ref().call("hello");
        gated.watchGate();
        assertThat(reply).isNotDone();

        gate.complete(null);

        await().atMost(Duration.ofSeconds(10)).until(reply::isDone);
        assertThat(reply.join()).isEqualTo("hello!");
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(cell.counters.runsRefused()).isEqualTo(1);
    }
}
