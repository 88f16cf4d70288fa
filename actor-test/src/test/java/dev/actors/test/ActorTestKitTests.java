package dev.actors.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.actors.Actor;
import dev.actors.ActorCallTimeoutException;
import dev.actors.ActorHandle;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorState;
import dev.actors.BatchActor;
import dev.actors.FailurePolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The kit drives the real runtime on the test's thread, and time moves only when the test says so.
 */
class ActorTestKitTests {

    private final ActorTestKit kit = ActorTestKit.create();

    @AfterEach
    void close() {
        this.kit.close();
    }

    @Test
    void callIsHandledOnTheTestsThreadBeforeItReturns() {
        List<Thread> threads = new ArrayList<>();
        TestActor<String, Integer> actor = this.kit.spawn("length", () -> (message) -> {
            threads.add(Thread.currentThread());
            return message.length();
        });

        CompletableFuture<Integer> reply = actor.call("four");

        assertThat(reply).isCompletedWithValue(4);
        assertThat(threads).containsExactly(Thread.currentThread());
        assertThat(actor.ask("three")).isEqualTo(5);
    }

    @Test
    void castIsHandledBeforeItReturns() {
        List<String> seen = new ArrayList<>();
        TestActor<String, Void> actor = this.kit.spawn("recorder", () -> record(seen));

        actor.cast("a");

        assertThat(seen).containsExactly("a");
        assertThat(actor.stats().handled()).isEqualTo(1);
        assertThat(actor.isIdle()).isTrue();
    }

    @Test
    void messagesSentThroughTheReferenceWaitForTheKitAndAreHandledInOrder() {
        List<String> seen = new ArrayList<>();
        TestActor<String, Void> actor = this.kit.spawn("recorder", () -> record(seen));

        actor.ref().cast("a");
        actor.ref().cast("b");
        actor.ref().cast("c");

        assertThat(seen).isEmpty();
        assertThat(actor.isIdle()).isFalse();
        this.kit.runAll();
        assertThat(seen).containsExactly("a", "b", "c");
    }

    @Test
    void messagesAnActorSendsToAnotherAreHandledInTheSameDrive() {
        List<String> seen = new ArrayList<>();
        TestActor<String, Void> downstream = this.kit.spawn("downstream", () -> record(seen));
        ActorHandle<String, Void> handle = downstream.ref().handle();
        TestActor<String, Void> upstream = this.kit.spawn("upstream", () -> (message) -> {
            handle.cast(message.toUpperCase());
            return null;
        });

        upstream.cast("a");

        assertThat(seen).containsExactly("A");
    }

    @Test
    void anActorMadeOnTheKitsSystemIsDrivenToo() {
        List<String> seen = new ArrayList<>();
        ActorRef<String, Void> declared = this.kit.system().declare("declared", ActorSettings.defaults(),
                () -> record(seen));
        TestActor<String, Void> actor = this.kit.driven(declared);
        actor.ref().cast("queued before the start");

        this.kit.system().startDeclared();
        actor.cast("after");

        assertThat(seen).containsExactly("queued before the start", "after");
    }

    @Test
    void callTimesOutWhenTheClockPassesItsTimeoutAndIsNeverHandled() {
        List<String> seen = new ArrayList<>();
        TestActor<String, Void> actor = this.kit.spawn("slow",
                ActorSettings.builder().callTimeout(Duration.ofSeconds(2)).build(), () -> record(seen));
        CompletableFuture<Void> reply = actor.ref().call("late");

        // The clock alone: time passes while the actor does not run, as for an actor stuck on earlier work.
        this.kit.clock().advance(Duration.ofMillis(1999));
        assertThat(reply).isNotDone();
        this.kit.clock().advance(Duration.ofMillis(1));

        assertThat(reply).failsWithin(Duration.ZERO).withThrowableThat()
            .havingCause().isInstanceOf(ActorCallTimeoutException.class);
        this.kit.runAll();
        assertThat(seen).isEmpty();
        assertThat(actor.stats().expired()).isEqualTo(1);
    }

    @Test
    void batchLingersUntilTheClockPassesItsMaxTime() {
        List<List<String>> batches = new ArrayList<>();
        TestActor<String, Void> actor = this.kit.spawnBatch("batcher", lingering(Duration.ofMillis(100)),
                () -> recordBatches(batches));

        actor.cast("a");
        actor.cast("b");
        this.kit.advance(Duration.ofMillis(99));
        assertThat(batches).isEmpty();
        assertThat(actor.isIdle()).isFalse();
        this.kit.advance(Duration.ofMillis(1));

        assertThat(batches).containsExactly(List.of("a", "b"));
        assertThat(actor.stats().flushes()).isEqualTo(1);
        assertThat(actor.isIdle()).isTrue();
    }

    @Test
    void callWaitingInALingeringBatchTimesOutAndIsLeftOutOfTheFlush() {
        List<List<String>> batches = new ArrayList<>();
        ActorSettings settings = lingering(Duration.ofSeconds(10)).toBuilder().callTimeout(Duration.ofSeconds(2))
            .build();
        TestActor<String, Void> actor = this.kit.spawnBatch("batcher", settings, () -> recordBatches(batches));
        CompletableFuture<Void> reply = actor.call("waits in the batch");
        actor.cast("a cast in the same batch");

        this.kit.advance(Duration.ofSeconds(2));
        assertThat(reply).failsWithin(Duration.ZERO).withThrowableThat()
            .havingCause().isInstanceOf(ActorCallTimeoutException.class);
        this.kit.advance(Duration.ofSeconds(8));

        assertThat(batches).containsExactly(List.of("a cast in the same batch"));
        assertThat(actor.stats().expired()).isEqualTo(1);
    }

    @Test
    void flushHandsThePartialBatchOverAtItsDeadline() {
        List<List<String>> batches = new ArrayList<>();
        TestActor<String, Void> actor = this.kit.spawnBatch("batcher", lingering(Duration.ofSeconds(3)),
                () -> recordBatches(batches));
        actor.cast("a");
        this.kit.advance(Duration.ofSeconds(1));
        actor.cast("b");

        actor.flush();

        assertThat(batches).containsExactly(List.of("a", "b"));
        assertThat(this.kit.clock().elapsed()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void askOnALingeringBatchSaysToFlush() {
        TestActor<String, Void> actor = this.kit.spawnBatch("batcher", lingering(Duration.ofSeconds(1)),
                () -> recordBatches(new ArrayList<>()));

        assertThatIllegalStateException().isThrownBy(() -> actor.ask("a")).withMessageContaining("flush()");
    }

    @Test
    void restartIntensityCountsOnTheKitsClock() {
        ActorSettings settings = ActorSettings.builder()
            .onFailure(FailurePolicy.RESTART)
            .maxRestarts(1)
            .restartWithin(Duration.ofMinutes(1))
            .build();
        TestActor<String, Void> actor = this.kit.spawn("fragile", settings, () -> (message) -> {
            throw new PlannedFailure("planned: " + message);
        });

        actor.cast("first");
        this.kit.advance(Duration.ofMinutes(1).plusMillis(1));
        actor.cast("second, a minute later: a fresh window");
        assertThat(actor.state()).isEqualTo(ActorState.RUNNING);
        actor.cast("third, at once: over the intensity");

        assertThat(actor.state()).isEqualTo(ActorState.FAILED);
        assertThat(actor.stats().restarts()).isEqualTo(2);
    }

    @Test
    void stopHandsOverThePartialBatchWithoutWaiting() {
        List<List<String>> batches = new ArrayList<>();
        TestActor<String, Void> actor = this.kit.spawnBatch("batcher", lingering(Duration.ofHours(1)),
                () -> recordBatches(batches));
        actor.cast("a");

        actor.stop();

        assertThat(batches).containsExactly(List.of("a"));
        assertThat(actor.state()).isEqualTo(ActorState.STOPPED);
        assertThat(this.kit.clock().elapsed()).isEqualTo(Duration.ZERO);
    }

    @Test
    void closeHandlesWhatIsQueued() {
        List<String> seen = new ArrayList<>();
        TestActor<String, Void> actor = this.kit.spawn("recorder", () -> record(seen));
        actor.ref().cast("queued");

        this.kit.close();

        assertThat(seen).containsExactly("queued");
        assertThat(actor.state()).isEqualTo(ActorState.STOPPED);
    }

    @Test
    void inboxRecordsCastsAndAnswersCalls() {
        TestInbox<String, Integer> inventory = this.kit.inbox("inventory");
        TestActor<String, Integer> actor = this.kit.spawn("orders", () -> (message) -> {
            inventory.cast("reserve " + message);
            return inventory.call(message).join();
        });
        inventory.answerWith(String::length);

        assertThat(actor.ask("apple")).isEqualTo(5);
        assertThat(inventory.casts()).containsExactly("reserve apple");
        assertThat(inventory.calls()).containsExactly("apple");
        assertThat(inventory.received()).containsExactly("reserve apple", "apple");
    }

    @Test
    void inboxLeavesCallsUnansweredUntilAnAnswerIsGiven() {
        TestInbox<String, Integer> inbox = this.kit.inbox("later");
        CompletableFuture<Integer> first = inbox.call("one");
        CompletableFuture<Integer> second = inbox.call("three");
        assertThat(inbox.pendingCalls()).containsExactly(first, second);
        first.complete(-1);

        inbox.answerWith(String::length);

        assertThat(first).isCompletedWithValue(-1);
        assertThat(second).isCompletedWithValue(5);
        assertThat(inbox.pendingCalls()).isEmpty();
    }

    private static ActorSettings lingering(Duration maxTime) {
        return ActorSettings.builder().batchMaxSize(10).batchMaxTime(maxTime).build();
    }

    private static Actor<String, Void> record(List<String> seen) {
        return (message) -> {
            seen.add(message);
            return null;
        };
    }

    private static BatchActor<String, Void> recordBatches(List<List<String>> batches) {
        return (messages) -> {
            batches.add(List.copyOf(messages));
            return null;
        };
    }
}
