package dev.actors.cluster.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

import dev.actors.ActorSystem;
import dev.actors.cluster.ActorCluster;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the {@code actors}
 * health of a cluster member ({@link ClusterActorsHealthIndicator}), in place of the single-instance one.
 */
@AutoConfiguration(after = ActorsClusterAutoConfiguration.class,
        beforeName = "dev.actors.autoconfigure.actuate.ActorsHealthContributorAutoConfiguration")
@ConditionalOnClass(Health.class)
@ConditionalOnBean(ActorCluster.class)
@ConditionalOnEnabledHealthIndicator("actors")
public final class ActorsClusterHealthContributorAutoConfiguration {

    ActorsClusterHealthContributorAutoConfiguration() {
        // Created by Spring only: auto-configuration classes have no public constructor.
    }

    @Bean
    @ConditionalOnMissingBean(name = "actorsHealthIndicator")
    ClusterActorsHealthIndicator actorsHealthIndicator(ActorSystem actorSystem, ActorCluster actorCluster) {
        return new ClusterActorsHealthIndicator(actorSystem, actorCluster);
    }
}
