package dev.actors.autoconfigure.tracing;

import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import dev.actors.autoconfigure.ActorSystemCustomizer;
import dev.actors.spi.ContextPropagator;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} that carries the
 * sender's context to the handler of a plain actor, so that the caller's Micrometer {@code Observation} (and so its
 * trace id, and the logging MDC where tracing puts it) is current while the handler runs. Batch actors do not
 * restore it: one batch mixes the contexts of many senders.
 */
@AutoConfiguration
@ConditionalOnClass(ContextSnapshotFactory.class)
@ConditionalOnBooleanProperty(name = "actors.enabled", matchIfMissing = true)
public final class ActorsContextPropagationAutoConfiguration {

    ActorsContextPropagationAutoConfiguration() {
        // Created by Spring only: auto-configuration classes have no public constructor.
    }

    @Bean
    @ConditionalOnMissingBean
    ContextPropagator actorsContextPropagator() {
        return new ContextSnapshotPropagator();
    }

    @Bean
    @Order(0) // before the application's own customizers (default order), which may replace what this sets
    ActorSystemCustomizer actorsContextPropagatorActorSystemCustomizer(ContextPropagator contextPropagator) {
        return (builder) -> builder.contextPropagator(contextPropagator);
    }
}
