package dev.actors.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

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
            Envelope call = new Envelope("remaining", i, System.nanoTime(), timeout, null);
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
            Envelope call = new Envelope("quick", i, System.nanoTime(), timeout, null);
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
}
