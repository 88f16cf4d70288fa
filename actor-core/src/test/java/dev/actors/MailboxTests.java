package dev.actors;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The mailbox is bounded; a full one rejects or makes the sender wait, as its overflow policy says.
 */
class MailboxTests extends ActorSystemTestSupport {

    @Test
    void defaultsAreCapacityThousandRejectAndOneSecondOfferTimeout() {
        ActorSettings defaults = ActorSettings.defaults();
        assertThat(defaults.mailboxCapacity()).isEqualTo(1000);
        assertThat(defaults.overflow()).isEqualTo(OverflowPolicy.REJECT);
        assertThat(defaults.offerTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void fullMailboxWithRejectPolicyFailsCastAndCallAtOnce() throws Exception {
        Gate gate = new Gate();
        ActorRef<String, String> actor = this.system.spawn("small", settings().mailboxCapacity(3).build(),
                () -> (message) -> {
                    gate.pass();
                    return message;
                });
        CompletableFuture<String> first = actor.call("held");
        gate.awaitEntered();
        actor.cast("a");
        actor.cast("b");
        CompletableFuture<String> third = actor.call("c");
        assertThat(actor.stats().mailboxSize()).isEqualTo(3);

        assertThatThrownBy(() -> actor.cast("overflow")).isInstanceOf(MailboxFullException.class)
            .hasMessageContaining("'small'")
            .hasMessageContaining("mailbox-capacity 3")
            .satisfies((ex) -> assertThat(((MailboxFullException) ex).actorName()).isEqualTo("small"));
        CompletableFuture<String> refused = actor.call("overflow");
        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(MailboxFullException.class);

        gate.open();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo("c");
        assertThat(actor.stats().rejectedFull()).isEqualTo(2);
        assertThat(actor.stats().handled()).isEqualTo(4);
    }

    /**
     * An actor with a one-message mailbox whose handler is held at the gate on "held" and which has "queued"
     * waiting: the next send finds the mailbox full.
     */
    private ActorRef<String, String> fullBlockingActor(String name, Duration offerTimeout, Gate gate)
            throws InterruptedException {
        ActorRef<String, String> actor = this.system.spawn(name,
                settings().mailboxCapacity(1).overflow(OverflowPolicy.BLOCK).offerTimeout(offerTimeout).build(),
                () -> (message) -> {
                    if (message.equals("held")) {
                        gate.pass();
                    }
                    return message;
                });
        actor.call("held");
        gate.awaitEntered();
        actor.cast("queued");
        return actor;
    }

    @Test
    void blockPolicyMakesTheSenderWaitForSpace() throws Exception {
        Gate gate = new Gate();
        ActorRef<String, String> actor = fullBlockingActor("blocking", Duration.ofSeconds(30), gate);
        CompletableFuture<CompletableFuture<String>> blockedSend = CompletableFuture
            .supplyAsync(() -> actor.call("waited"));
        // The sender is parked: nothing returned yet, nothing rejected.
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
            .until(() -> !blockedSend.isDone() && actor.stats().rejectedFull() == 0);
        gate.open();
        assertThat(blockedSend.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS)).isEqualTo("waited");
        assertThat(actor.stats().rejectedFull()).isZero();
    }

    @Test
    void blockPolicyGivesUpAfterTheOfferTimeout() throws Exception {
        Gate gate = new Gate();
        ActorRef<String, String> actor = fullBlockingActor("blocking-timeout", Duration.ofMillis(200), gate);
        long start = System.nanoTime();
        assertThatThrownBy(() -> actor.cast("late")).isInstanceOf(MailboxFullException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        CompletableFuture<String> call = actor.call("late call");
        assertThat(call).isCompletedExceptionally();
        gate.open();
        assertThat(actor.stats().rejectedFull()).isEqualTo(2);
    }

    @Test
    void aSenderBlockedOnAFullMailboxGetsActorClosedWhenTheActorStops() throws Exception {
        Gate gate = new Gate();
        ActorRef<String, String> actor = fullBlockingActor("blocking-stop", Duration.ofSeconds(30), gate);
        CompletableFuture<Void> blockedSend = CompletableFuture.runAsync(() -> actor.cast("blocked"));
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(5)).until(() -> !blockedSend.isDone());
        actor.stop();
        assertThatThrownBy(() -> blockedSend.get(10, TimeUnit.SECONDS)).cause()
            .isInstanceOf(ActorClosedException.class);
        gate.open();
    }

    @Test
    void depthFollowsQueuedMessagesAndReturnsToZero() throws Exception {
        Gate gate = new Gate();
        ActorRef<Integer, Integer> actor = this.system.spawn("depth", settings().build(), () -> (message) -> {
            if (message == 0) {
                gate.pass();
            }
            return message;
        });
        actor.cast(0);
        gate.awaitEntered();
        for (int i = 1; i <= 250; i++) {
            actor.cast(i);
        }
        assertThat(actor.stats().mailboxSize()).isEqualTo(250);
        assertThat(actor.stats().mailboxCapacity()).isEqualTo(1000);
        gate.open();
        await().atMost(Duration.ofSeconds(10)).until(() -> actor.stats().mailboxSize() == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> actor.stats().handled() == 251);
    }

    @Test
    void handlerExceptionReachesTheCallerUnwrapped() {
        IllegalStateException boom = new IllegalStateException("boom");
        ActorRef<String, String> actor = this.system.spawn("thrower", settings().build(), () -> (message) -> {
            throw boom;
        });
        assertThatThrownBy(() -> actor.call("x").get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
            .cause()
            .isSameAs(boom);
    }

    @Test
    void checkedExceptionReachesTheCallerUnwrapped() {
        java.io.IOException io = new java.io.IOException("disk");
        ActorRef<String, String> actor = this.system.spawn("checked", settings().build(), () -> (message) -> {
            throw io;
        });
        assertThatThrownBy(() -> actor.call("x").get(10, TimeUnit.SECONDS)).cause().isSameAs(io);
    }
}
