package dev.actors.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.actors.ActorCallTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Call timeouts: lanes per timeout length, capped, with a timer task per call beyond the cap.
 */
class TimersTests {

    private final Timers timers = new Timers("timers-test");

    @AfterEach
    void shutdown() {
        this.timers.shutdown();
    }

    @Test
    void callsWithManyDifferentTimeoutsAllTimeOutWhileTheLanesStayCapped() {
        List<Envelope> calls = new ArrayList<>();
        int distinct = Timers.MAX_LANES * 3;
        for (int i = 0; i < distinct; i++) {
            long timeout = Duration.ofMillis(20).toNanos() + i * 1000L;
            Envelope call = new Envelope("remaining", i, System.nanoTime(), timeout, null, null);
            this.timers.watch(timeout, call);
            calls.add(call);
        }
        assertThat(this.timers.laneCount()).isEqualTo(Timers.MAX_LANES);
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.stream().allMatch(Envelope::isDone));
        for (Envelope call : calls) {
            assertThatThrownBy(call::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ActorCallTimeoutException.class)
                .hasMessageContaining("'remaining'");
        }
    }

    @Test
    void callsBeyondTheCapThatCompleteInTimeLeaveNoTimerTaskBehind() {
        for (int i = 0; i < Timers.MAX_LANES; i++) {
            this.timers.lane(Duration.ofSeconds(1).toNanos() + i);
        }
        List<Envelope> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long timeout = Duration.ofMinutes(1).toNanos() + i;
            Envelope call = new Envelope("quick", i, System.nanoTime(), timeout, null, null);
            this.timers.watch(timeout, call);
            calls.add(call);
        }
        assertThat(this.timers.laneCount()).isEqualTo(Timers.MAX_LANES);
        assertThat(this.timers.scheduledTasks()).isEqualTo(100);
        calls.forEach((call) -> call.complete("done"));
        // Answered calls cancel their tasks: a minute of them must not pile up in the scheduler.
        await().atMost(Duration.ofSeconds(10)).until(() -> this.timers.scheduledTasks() == 0);
        assertThat(calls).allSatisfy((call) -> assertThat(call.join()).isEqualTo("done"));
    }

    @Test
    void aSlowCallbackOnOneTimedOutCallDoesNotHoldBackAnotherCallsTimeout() throws Exception {
        CountDownLatch callbackEntered = new CountDownLatch(1);
        CountDownLatch releaseCallback = new CountDownLatch(1);
        long timeout = Duration.ofMillis(1).toNanos();
        Envelope slow = new Envelope("slow-callback", "a", System.nanoTime(), timeout, null, null);
        slow.whenComplete((result, failure) -> {
            callbackEntered.countDown();
            awaitLatch(releaseCallback);   // a caller's blocking, non-async continuation
        });
        this.timers.watch(this.timers.lane(timeout), slow);
        try {
            awaitLatch(callbackEntered);
            Envelope other = new Envelope("other", "b", System.nanoTime(), timeout, null, null);
            this.timers.watch(this.timers.lane(timeout), other);
            // While the first caller's callback still blocks, the second call times out all the same.
            assertThatThrownBy(() -> other.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ActorCallTimeoutException.class);
            assertThat(releaseCallback.getCount()).isEqualTo(1);
        }
        finally {
            releaseCallback.countDown();
        }
    }

    @Test
    void aRefusedHandOffStillCompletesTheCall() {
        Executor refusing = (task) -> {
            throw new RejectedExecutionException("refused on purpose");
        };
        Timers refused = new Timers("timers-refused", refusing);
        try {
            long timeout = Duration.ofMillis(1).toNanos();
            Envelope call = new Envelope("refused", "a", System.nanoTime(), timeout, null, null);
            refused.watch(refused.lane(timeout), call);
            assertThatThrownBy(() -> call.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(ActorCallTimeoutException.class);
        }
        finally {
            refused.shutdown();
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("latch never reached");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }
}
