package dev.actors;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A call fails after its timeout, and a message whose caller gave up while it was queued is never handled.
 */
class CallTimeoutTests extends ActorSystemTestSupport {

    @Test
    void defaultCallTimeoutIsFiveSecondsAsInGenServer() {
        assertThat(ActorSettings.defaults().callTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void timedOutCallFailsAndItsQueuedMessageIsSkippedAndCountedAsExpired() throws Exception {
        Gate gate = new Gate();
        List<String> handled = new CopyOnWriteArrayList<>();
        ActorRef<String, String> actor = this.system.spawn("slow", settings().build(), () -> (message) -> {
            if (message.equals("held")) {
                gate.pass();
            }
            handled.add(message);
            return message;
        });
        CompletableFuture<String> held = actor.call("held", Duration.ofSeconds(30));
        gate.awaitEntered();
        CompletableFuture<String> late = actor.call("too late", Duration.ofMillis(100));
        assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(ActorCallTimeoutException.class)
            .hasMessageContaining("'slow'")
            .satisfies((ex) -> assertThat(((ActorCallTimeoutException) ex).timeout()).isEqualTo(Duration.ofMillis(100)));
        CompletableFuture<String> after = actor.call("after");
        gate.open();
        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(after.get(10, TimeUnit.SECONDS)).isEqualTo("after");
        assertThat(handled).containsExactly("held", "after");
        assertThat(actor.stats().expired()).isEqualTo(1);
    }

    @Test
    void configuredCallTimeoutApplies() {
        Gate gate = new Gate();
        ActorRef<String, String> actor = this.system.spawn("configured",
                settings().callTimeout(Duration.ofMillis(100)).build(), () -> (message) -> {
                    gate.pass();
                    return message;
                });
        CompletableFuture<String> call = actor.call("x");
        await().atMost(Duration.ofSeconds(10)).until(call::isDone);
        assertThatThrownBy(call::join).hasCauseInstanceOf(ActorCallTimeoutException.class);
        gate.open();
    }

    @Test
    void cancelledCallIsNotHandled() throws Exception {
        Gate gate = new Gate();
        List<String> handled = new CopyOnWriteArrayList<>();
        ActorRef<String, String> actor = this.system.spawn("cancel", settings().build(), () -> (message) -> {
            if (message.equals("held")) {
                gate.pass();
            }
            handled.add(message);
            return message;
        });
        actor.call("held");
        gate.awaitEntered();
        actor.call("cancelled").cancel(false);
        gate.open();
        actor.call("last").get(10, TimeUnit.SECONDS);
        assertThat(handled).containsExactly("held", "last");
        assertThat(actor.stats().expired()).isEqualTo(1);
    }

    @Test
    void nonPositiveCallTimeoutIsRefusedNamingTheActor() {
        ActorRef<String, String> actor = this.system.spawn("strict", settings().build(), () -> (message) -> message);
        assertThatThrownBy(() -> actor.call("x", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'strict'")
            .hasMessageContaining("timeout");
    }
}
