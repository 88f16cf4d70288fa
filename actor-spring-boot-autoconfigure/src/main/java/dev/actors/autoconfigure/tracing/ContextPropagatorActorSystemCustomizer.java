package dev.actors.autoconfigure.tracing;

import org.springframework.core.Ordered;

import dev.actors.ActorSystem;
import dev.actors.spi.ContextPropagator;
import dev.actors.autoconfigure.ActorSystemCustomizer;

/**
 * Sets the application's {@link ContextPropagator} on the actor system. Ordered at {@code 0} so that an
 * application's own customizer, unordered and so applied later, still has the last word.
 */
final class ContextPropagatorActorSystemCustomizer implements ActorSystemCustomizer, Ordered {

    private final ContextPropagator contextPropagator;

    ContextPropagatorActorSystemCustomizer(ContextPropagator contextPropagator) {
        this.contextPropagator = contextPropagator;
    }

    @Override
    public void customize(ActorSystem.Builder builder) {
        builder.contextPropagator(this.contextPropagator);
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
