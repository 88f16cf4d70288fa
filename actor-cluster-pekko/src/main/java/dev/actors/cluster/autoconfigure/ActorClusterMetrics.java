package dev.actors.cluster.autoconfigure;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.actors.cluster.ActorCluster;

/**
 * Gauges of this instance's part in the cluster: {@code actor.cluster.members} (tag {@code status}: how many
 * members this instance sees in each status), {@code actor.cluster.shards} and {@code actor.cluster.entities} (the
 * shards and the live keys this instance holds, over every keyed actor).
 */
public class ActorClusterMetrics implements MeterBinder {

    /** The statuses a member can have, as the {@code status} tag shows them. */
    static final List<String> STATUSES = List.of("joining", "weakly-up", "up", "leaving", "exiting", "down",
            "preparing-for-shutdown", "ready-for-shutdown");

    private final ActorCluster cluster;

    /**
     * Creates the gauges' source.
     *
     * @param cluster this instance's part in the cluster
     */
    public ActorClusterMetrics(ActorCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : STATUSES) {
            Gauge.builder("actor.cluster.members", this.cluster,
                    (cluster) -> cluster.members().stream().filter((member) -> member.status().equals(status)).count())
                .tag("status", status)
                .description("Members of the cluster this instance sees, by status")
                .register(registry);
        }
        Gauge.builder("actor.cluster.shards", this.cluster, ActorCluster::localShardCount)
            .description("Shards this instance holds, over every keyed actor")
            .register(registry);
        Gauge.builder("actor.cluster.entities", this.cluster, ActorCluster::localEntityCount)
            .description("Keys with a live entity on this instance, over every keyed actor")
            .register(registry);
    }
}
