package dev.actors.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import dev.actors.autoconfigure.ActorSystemCustomizer;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the actors' Micrometer
 * metrics: every actor of the application's {@link dev.actors.ActorSystem} gets a {@link MicrometerActorListener}
 * recording into the application's {@link MeterRegistry}. The wait and process timers are published as histograms
 * (16 fixed buckets) for percentiles, unless {@code actors.metrics.histograms=false}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "actors.enabled", matchIfMissing = true)
public final class ActorsMetricsAutoConfiguration {

    ActorsMetricsAutoConfiguration() {
        // Created by Spring only: auto-configuration classes have no public constructor.
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "actors.metrics.histograms", matchIfMissing = true)
    ActorTimerHistograms actorTimerHistograms() {
        return new ActorTimerHistograms();
    }

    @Bean
    @Order(0) // before the application's own customizers (default order), which may replace what this sets
    ActorSystemCustomizer actorsMetricsActorSystemCustomizer(MeterRegistry meterRegistry) {
        return (builder) -> {
            builder.listenerFactory((actor) -> new MicrometerActorListener(meterRegistry, actor));
            builder.keyedListenerFactory((actor) -> new MicrometerActorListener(meterRegistry, actor));
        };
    }
}
