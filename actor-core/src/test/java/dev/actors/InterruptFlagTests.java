package dev.actors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler that leaves its thread's interrupt flag set does not fail the next message's blocking call.
 */
class InterruptFlagTests extends ActorSystemTestSupport {

    @Test
    void theInterruptFlagIsClearedBetweenMessages() throws Exception {
        Gate gate = new Gate();
        ActorRef<String, String> actor = this.system.spawn("interrupted", () -> (message) -> {
            switch (message) {
                case "hold" -> gate.pass();
                case "interrupt" -> Thread.currentThread().interrupt();
                default -> Thread.sleep(1);   // throws at once if the flag is still set
            }
            return message;
        });
        CompletableFuture<String> held = actor.call("hold");
        gate.awaitEntered();
        // Queued behind the held message, so that the three are handled in one run, on one thread.
        CompletableFuture<String> interrupt = actor.call("interrupt");
        CompletableFuture<String> sleep = actor.call("sleep");
        gate.open();
        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("hold");
        assertThat(interrupt.get(10, TimeUnit.SECONDS)).isEqualTo("interrupt");
        assertThat(sleep.get(10, TimeUnit.SECONDS)).isEqualTo("sleep");
        assertThat(actor.stats().failed()).isZero();
    }
}
