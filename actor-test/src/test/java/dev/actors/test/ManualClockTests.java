package dev.actors.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The manual clock runs due tasks in deadline order, each at its own deadline, and nothing else.
 */
class ManualClockTests {

    private final ManualClock clock = new ManualClock();

    @Test
    void runsDueTasksInDeadlineOrderAtTheirDeadlines() {
        List<String> ran = new ArrayList<>();
        this.clock.schedule(() -> ran.add("at 30 ms, seen at " + this.clock.elapsed().toMillis()), millis(30));
        this.clock.schedule(() -> ran.add("at 10 ms, seen at " + this.clock.elapsed().toMillis()), millis(10));
        this.clock.schedule(() -> ran.add("at 50 ms"), millis(50));

        this.clock.advance(Duration.ofMillis(40));

        assertThat(ran).containsExactly("at 10 ms, seen at 10", "at 30 ms, seen at 30");
        assertThat(this.clock.elapsed()).isEqualTo(Duration.ofMillis(40));
        assertThat(this.clock.pendingTasks()).isEqualTo(1);
    }

    @Test
    void aTaskScheduledByATaskRunsInTheSameAdvanceWhenItFallsDue() {
        List<String> ran = new ArrayList<>();
        this.clock.schedule(() -> this.clock.schedule(() -> ran.add("chained"), millis(5)), millis(5));

        this.clock.advance(Duration.ofMillis(10));

        assertThat(ran).containsExactly("chained");
    }

    @Test
    void aCancelledTaskNeverRuns() {
        List<String> ran = new ArrayList<>();
        ScheduledFuture<?> task = this.clock.schedule(() -> ran.add("cancelled"), millis(1));
        task.cancel(false);

        this.clock.advance(Duration.ofSeconds(1));

        assertThat(ran).isEmpty();
        assertThat(this.clock.pendingTasks()).isZero();
    }

    @Test
    void timeOnlyMovesForward() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.clock.advance(Duration.ofMillis(-1)));
    }

    private static long millis(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}
