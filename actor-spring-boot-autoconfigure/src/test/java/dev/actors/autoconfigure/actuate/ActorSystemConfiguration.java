package dev.actors.autoconfigure.actuate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.actors.ActorSystem;
import dev.actors.autoconfigure.ActorSystemCustomizer;

/**
 * An application's own {@link ActorSystem}, built with the customizers of the context.
 */
@Configuration(proxyBeanMethods = false)
class ActorSystemConfiguration {

    @Bean
    ActorSystem actorSystem(ObjectProvider<ActorSystemCustomizer> customizers) {
        ActorSystem.Builder builder = ActorSystem.builder();
        customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
        return builder.build();
    }
}
