package dev.actors.autoconfigure.actuate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;

import dev.actors.ActorSystem;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@link ActorsEndpoint actors endpoint}.
 */
@AutoConfiguration(afterName = "dev.actors.autoconfigure.ActorsAutoConfiguration")
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(ActorSystem.class)
@ConditionalOnAvailableEndpoint(ActorsEndpoint.class)
@ImportRuntimeHints(ActorsEndpointRuntimeHints.class)
public final class ActorsEndpointAutoConfiguration {

    ActorsEndpointAutoConfiguration() {
        // Created by Spring only: auto-configuration classes have no public constructor.
    }

    @Bean
    @ConditionalOnMissingBean
    ActorsEndpoint actorsEndpoint(ActorSystem actorSystem, ObjectProvider<ActorsClusterView> cluster) {
        return new ActorsEndpoint(actorSystem, cluster.getIfAvailable());
    }
}
