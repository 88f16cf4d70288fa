package dev.actors.autoconfigure.metrics;

import java.util.stream.DoubleStream;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Publishes {@code actor.message.wait} and {@code actor.message.process} as histograms with a fixed set of 16
 * buckets from 100 µs to 10 s, so that a monitoring system computes their percentiles (the dashboard in
 * {@code observability/grafana} does), across instances too.
 *
 * <p>Fixed buckets rather than Micrometer's percentile histogram, which would publish about 70 buckets per timer:
 * three timers per plain actor would cost over 200 series. What an application configures itself for these timers
 * ({@code management.metrics.distribution.slo.actor.message.wait}, say) wins over these defaults.
 */
final class ActorTimerHistograms implements MeterFilter {

    /** Bucket bounds in milliseconds, a 1-2.5-5 series; a timer's histogram is kept in nanoseconds. */
    private static final double[] BOUNDS_MILLIS = { 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500,
            5000, 10000 };

    private static final DistributionStatisticConfig BUCKETS = DistributionStatisticConfig.builder()
        .serviceLevelObjectives(DoubleStream.of(BOUNDS_MILLIS).map((millis) -> millis * 1_000_000).toArray())
        .build();

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        String name = id.getName();
        if (name.equals(MicrometerActorListener.MESSAGE_WAIT) || name.equals(MicrometerActorListener.MESSAGE_PROCESS)) {
            // The configuration so far (the timer's own and the application's filters) wins; the buckets fill in.
            return config.merge(BUCKETS);
        }
        return config;
    }
}
