package dev.actors;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ActorRef#isIdle()}: nothing queued, nothing being handled, nothing held for later.
 */
class IdleTests extends ActorSystemTestSupport {

    @Test
    void aNewActorIsIdle() {
        ActorRef<String, String> actor = this.system.spawn("echo", () -> (message) -> message);

        assertThat(actor.isIdle()).isTrue();
    }

    @Test
    void anActorIsBusyWhileItHandlesAMessageAndIdleAfter() throws Exception {
        Gate gate = new Gate();
        ActorRef<String, String> actor = this.system.spawn("held", () -> (message) -> {
            gate.pass();
            return message;
        });

        var reply = actor.call("a");
        gate.awaitEntered();
        assertThat(actor.isIdle()).isFalse();
        gate.open();
        reply.join();

        // The reply completes inside the run, which then ends (or spins briefly) on the actor's thread.
        await().atMost(Duration.ofSeconds(10)).until(actor::isIdle);
    }

    @Test
    void aQueuedMessageMakesADeclaredActorBusy() {
        ActorRef<String, String> actor = this.system.declare("declared", settings().build(),
                () -> (message) -> message);

        actor.cast("queued until the start");

        assertThat(actor.isIdle()).isFalse();
        this.system.startDeclared();
        await().atMost(Duration.ofSeconds(10)).until(actor::isIdle);
    }

    @Test
    void aBatchWaitingForItsDeadlineIsNotIdle() {
        ActorRef<String, Void> actor = this.system.spawnBatch("lingering",
                settings().batchMaxSize(10).batchMaxTime(Duration.ofHours(1)).build(), () -> (messages) -> null);

        var reply = actor.call("held for an hour");

        assertThat(actor.stats().flushes()).isZero();
        assertThat(reply).isNotDone();
        assertThat(actor.isIdle()).isFalse();
    }

    @Test
    void aFlushedBatchLeavesTheActorIdle() {
        ActorRef<String, Void> actor = this.system.spawnBatch("full",
                settings().batchMaxSize(2).batchMaxTime(Duration.ofHours(1)).build(), () -> (messages) -> null);

        actor.call("a");
        actor.call("b").join();
        actor.call("c");
        actor.call("d").join();

        assertThat(actor.stats().flushes()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).until(actor::isIdle);
    }
}
