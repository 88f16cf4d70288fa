package dev.actors.internal;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restart intensity on a made-up clock: no threads, no sleeps.
 */
class RestartIntensityTests {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void grantsUpToMaxRestartsWithinTheWindowThenRefuses() {
        RestartIntensity intensity = new RestartIntensity(3, 10 * SECOND);
        assertThat(intensity.requestRestartPermission(0)).isTrue();
        assertThat(intensity.requestRestartPermission(SECOND)).isTrue();
        assertThat(intensity.requestRestartPermission(2 * SECOND)).isTrue();
        assertThat(intensity.requestRestartPermission(3 * SECOND)).isFalse();
        assertThat(intensity.recentRestarts()).isEqualTo(3);
    }

    @Test
    void restartsThatLeftTheWindowNoLongerCount() {
        RestartIntensity intensity = new RestartIntensity(2, 10 * SECOND);
        assertThat(intensity.requestRestartPermission(0)).isTrue();
        assertThat(intensity.requestRestartPermission(SECOND)).isTrue();
        assertThat(intensity.requestRestartPermission(10 * SECOND + 1)).isTrue();
        assertThat(intensity.recentRestarts()).isEqualTo(2);
        assertThat(intensity.requestRestartPermission(10 * SECOND + 2)).isFalse();
    }

    @Test
    void zeroMaxRestartsRefusesTheFirst() {
        assertThat(new RestartIntensity(0, SECOND).requestRestartPermission(0)).isFalse();
    }

    @Test
    void aClockThatWrapsAroundStillMeasuresTheWindow() {
        RestartIntensity intensity = new RestartIntensity(1, 10 * SECOND);
        assertThat(intensity.requestRestartPermission(Long.MAX_VALUE - SECOND)).isTrue();
        assertThat(intensity.requestRestartPermission(Long.MAX_VALUE + SECOND)).isFalse();
        assertThat(intensity.requestRestartPermission(Long.MAX_VALUE + 20 * SECOND)).isTrue();
    }
}
