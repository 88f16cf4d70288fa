package dev.actors.cluster.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.actors.cluster.ActorCluster;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the cluster's gauges
 * ({@link ActorClusterMetrics}), bound to every meter registry of the application.
 */
@AutoConfiguration(after = ActorsClusterAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(ActorCluster.class)
public final class ActorsClusterMetricsAutoConfiguration {

    ActorsClusterMetricsAutoConfiguration() {
        // Created by Spring only: auto-configuration classes have no public constructor.
    }

    @Bean
    @ConditionalOnMissingBean
    ActorClusterMetrics actorClusterMetrics(ActorCluster actorCluster) {
        return new ActorClusterMetrics(actorCluster);
    }
}
