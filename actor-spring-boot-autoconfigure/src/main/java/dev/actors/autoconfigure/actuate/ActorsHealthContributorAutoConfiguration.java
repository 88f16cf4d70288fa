package dev.actors.autoconfigure.actuate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

import dev.actors.ActorSystem;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@link ActorsHealthIndicator actors health contributor}, named {@code actors}.
 */
@AutoConfiguration(afterName = "dev.actors.autoconfigure.ActorsAutoConfiguration")
@ConditionalOnClass(Health.class)
@ConditionalOnBean(ActorSystem.class)
@ConditionalOnEnabledHealthIndicator("actors")
public final class ActorsHealthContributorAutoConfiguration {

    ActorsHealthContributorAutoConfiguration() {
        // Created by Spring only: auto-configuration classes have no public constructor.
    }

    @Bean
    @ConditionalOnMissingBean(name = "actorsHealthIndicator")
    ActorsHealthIndicator actorsHealthIndicator(ActorSystem actorSystem) {
        return new ActorsHealthIndicator(actorSystem);
    }
}
