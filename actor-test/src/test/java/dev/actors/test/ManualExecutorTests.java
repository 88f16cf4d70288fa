package dev.actors.test;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The kit's executor runs nothing by itself, and a drain that never ends fails instead of hanging the test.
 */
class ManualExecutorTests {

    @Test
    void runsNothingUntilDrainedThenRunsWhatTheTasksQueueToo() {
        ManualExecutor executor = new ManualExecutor();
        List<String> ran = new ArrayList<>();
        executor.execute(() -> {
            ran.add("first");
            executor.execute(() -> ran.add("queued by the first"));
        });
        executor.execute(() -> ran.add("second"));
        assertThat(ran).isEmpty();

        assertThat(executor.drain()).isEqualTo(3);

        assertThat(ran).containsExactly("first", "second", "queued by the first");
    }

    @Test
    void aTaskThatKeepsQueueingItselfFailsTheDrain() {
        ManualExecutor executor = new ManualExecutor(100);
        Runnable[] forever = new Runnable[1];
        forever[0] = () -> executor.execute(forever[0]);
        executor.execute(forever[0]);

        assertThatIllegalStateException().isThrownBy(executor::drain).withMessageContaining("still busy after 100");
    }
}
