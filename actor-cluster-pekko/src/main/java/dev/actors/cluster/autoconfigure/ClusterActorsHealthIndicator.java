package dev.actors.cluster.autoconfigure;

import java.util.Map;

import org.springframework.boot.health.contributor.Health;

import dev.actors.ActorSystem;
import dev.actors.autoconfigure.actuate.ActorsHealthIndicator;
import dev.actors.cluster.ActorCluster;

/**
 * The {@code actors} health of a cluster member: the local actors' health, and {@code DOWN} while this instance is
 * not an {@code Up} member (joining, leaving, downed), with a {@code cluster} detail: this instance's address and
 * status.
 */
public class ClusterActorsHealthIndicator extends ActorsHealthIndicator {

    private final ActorCluster cluster;

    /**
     * Creates the health indicator.
     *
     * @param actorSystem the local actors
     * @param cluster this instance's part in the cluster
     */
    public ClusterActorsHealthIndicator(ActorSystem actorSystem, ActorCluster cluster) {
        super(actorSystem);
        this.cluster = cluster;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        super.doHealthCheck(builder);
        builder.withDetail("cluster", Map.of("address", this.cluster.selfAddress().orElse("none"), "status",
                this.cluster.selfStatus()));
        if (!this.cluster.isUp()) {
            builder.down();
        }
    }
}
