package dev.actors.autoconfigure;

import dev.actors.ActorSystem;

/**
 * Customizes the {@link ActorSystem.Builder} before the auto-configured {@link ActorSystem} is built. Every bean of
 * this type is applied, in {@link org.springframework.core.annotation.Order @Order}; the metrics and tracing
 * auto-configurations use it to plug in their listener and context propagator, and applications may too.
 */
@FunctionalInterface
public interface ActorSystemCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder of the application's actor system
     */
    void customize(ActorSystem.Builder builder);
}
