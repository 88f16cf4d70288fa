package dev.actors.cluster.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.actors.ActorSystem;
import dev.actors.autoconfigure.actuate.ActorsClusterView;
import dev.actors.cluster.ActorCluster;
import dev.actors.cluster.LocalKeyedActors;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the cluster, with
 * {@code actors.cluster.enabled=true}: an {@link ActorCluster} bean, which is the application's
 * {@link dev.actors.spi.KeyedActorHost} (so every {@code @ActorWorker(keyed = true)} becomes a sharded entity type),
 * its {@link ActorClusterLifecycle}, and what the {@code actors} endpoint shows of the cluster. It runs before the actors' auto-configuration, whose local keyed actor host
 * then backs off.
 */
@AutoConfiguration(beforeName = "dev.actors.autoconfigure.ActorsAutoConfiguration")
@ConditionalOnBooleanProperty(name = "actors.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("actors.cluster.enabled")
@EnableConfigurationProperties(ActorsClusterProperties.class)
public final class ActorsClusterAutoConfiguration {

    ActorsClusterAutoConfiguration() {
        // Created by Spring only: auto-configuration classes have no public constructor.
    }

    @Bean
    @ConditionalOnMissingBean
    LocalKeyedActors localKeyedActors(ActorSystem actorSystem) {
        return LocalKeyedActors.in(actorSystem);
    }

    @Bean
    @ConditionalOnMissingBean
    ActorCluster actorCluster(ActorsClusterProperties properties, LocalKeyedActors localKeyedActors) {
        return new ActorCluster(properties.toSettings(), localKeyedActors);
    }

    @Bean
    @ConditionalOnMissingBean
    ActorsClusterView actorsClusterView(ActorCluster actorCluster) {
        return new ActorClusterEndpointView(actorCluster);
    }

    @Bean
    @ConditionalOnMissingBean
    ActorClusterLifecycle actorClusterLifecycle(ActorCluster actorCluster, ActorsClusterProperties properties) {
        return new ActorClusterLifecycle(actorCluster, properties.getJoinTimeout());
    }
}
