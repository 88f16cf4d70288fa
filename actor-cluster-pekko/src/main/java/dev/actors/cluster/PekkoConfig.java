package dev.actors.cluster;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;

/**
 * Turns {@link ClusterSettings} into Pekko's settings. Two of Pekko's defaults do not suit an application: downing
 * is off (a crashed instance's keys would stay unreachable for ever), and Pekko would leave the cluster from its
 * own JVM shutdown hook, before the web server has drained; both are changed here.
 */
final class PekkoConfig {

    /** The dispatcher of entities that may wait for room in a mailbox: they must not hold Pekko's own threads. */
    static final String ENTITY_DISPATCHER = "dev-actors.entity-dispatcher";

    /**
     * The dispatcher of entities that never wait: each runs on the thread of its shard, which delivers to it, instead
     * of a thread of Pekko's default dispatcher woken per message.
     */
    static final String RELAY_DISPATCHER = "dev-actors.relay-dispatcher";

    private static final String ENVELOPE_SERIALIZER = "dev-actors-envelope";

    /** Types Pekko serializes itself, without Jackson. */
    static final Set<Class<?>> BUILT_IN = Set.of(String.class, Integer.class, Long.class, Boolean.class,
            byte[].class, Void.class);

    private PekkoConfig() {
    }

    static Config of(ClusterSettings settings, Collection<ShardedKeyedActor<?, ?>> actors) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("pekko.actor.provider", "cluster");
        values.put("pekko.remote.artery.canonical.hostname", settings.host());
        values.put("pekko.remote.artery.canonical.port", settings.port());
        values.put("pekko.cluster.sharding.number-of-shards", settings.numberOfShards());
        // Several instances in one JVM (tests) must not fight over the same MBean names.
        values.put("pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on");
        if (settings.downing() != Downing.OFF) {
            values.put("pekko.cluster.downing-provider-class", "org.apache.pekko.cluster.sbr.SplitBrainResolverProvider");
            values.put("pekko.cluster.split-brain-resolver.active-strategy", settings.downing().strategy());
            values.put("pekko.cluster.split-brain-resolver.stable-after", settings.stableAfter().toMillis() + "ms");
        }
        else {
            values.put("pekko.cluster.downing-provider-class", "");
        }
        // The application's shutdown leaves the cluster, at its place in the order (after the web server).
        values.put("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
        values.put("pekko.coordinated-shutdown.exit-jvm", "off");
        values.put("pekko.loggers", List.of("org.apache.pekko.event.slf4j.Slf4jLogger"));
        values.put("pekko.logging-filter", "org.apache.pekko.event.slf4j.Slf4jLoggingFilter");
        values.put("pekko.stdout-loglevel", "OFF");
        values.put("pekko.log-dead-letters-during-shutdown", "off");
        values.put("pekko.actor.serializers." + ENVELOPE_SERIALIZER, EnvelopeSerializer.class.getName());
        for (Class<?> envelope : List.of(EntityCommand.Call.class, EntityCommand.Cast.class, Reply.class)) {
            values.put(binding(envelope), ENVELOPE_SERIALIZER);
        }
        for (ShardedKeyedActor<?, ?> actor : actors) {
            for (Class<?> type : List.of(actor.spec().messageType(), actor.spec().replyType())) {
                if (!BUILT_IN.contains(type) && !type.isPrimitive()) {
                    values.put(binding(type), "jackson-cbor");
                }
            }
        }
        values.put(ENTITY_DISPATCHER + ".type", "Dispatcher");
        values.put(ENTITY_DISPATCHER + ".executor", "thread-pool-executor");
        values.put(ENTITY_DISPATCHER + ".thread-pool-executor.fixed-pool-size", 4);
        values.put(ENTITY_DISPATCHER + ".throughput", 64);
        values.put(RELAY_DISPATCHER + ".type", "Dispatcher");
        values.put(RELAY_DISPATCHER + ".executor", SameThreadExecutorConfigurator.class.getName());
        settings.pekko().forEach((key, value) -> values.put("pekko." + key, value));
        return ConfigFactory.parseMap(values, "actors.cluster settings");
    }

    private static String binding(Class<?> type) {
        return ConfigUtil.joinPath("pekko", "actor", "serialization-bindings", type.getName());
    }
}
