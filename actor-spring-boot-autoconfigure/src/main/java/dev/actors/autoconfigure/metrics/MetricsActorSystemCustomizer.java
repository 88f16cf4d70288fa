package dev.actors.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.core.Ordered;

import dev.actors.ActorSystem;
import dev.actors.autoconfigure.ActorSystemCustomizer;

/**
 * Gives every actor a {@link MicrometerActorListener}. Ordered at {@code 0} so that an application's own
 * customizer, unordered and so applied later, can still replace the listener factory.
 */
final class MetricsActorSystemCustomizer implements ActorSystemCustomizer, Ordered {

    private final MeterRegistry meterRegistry;

    MetricsActorSystemCustomizer(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    @Override
    public void customize(ActorSystem.Builder builder) {
        builder.listenerFactory((actor) -> new MicrometerActorListener(this.meterRegistry, actor));
        builder.keyedListenerFactory((actor) -> new MicrometerActorListener(this.meterRegistry, actor));
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
