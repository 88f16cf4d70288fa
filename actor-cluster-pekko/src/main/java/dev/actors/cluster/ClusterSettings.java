package dev.actors.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How this instance takes part in the cluster.
 *
 * @param name the cluster's name, the same on every instance
 * @param host the address the other instances reach this one at
 * @param port the cluster port; {@code 0} picks a free port
 * @param seedNodes the instances to join, {@code host:port}; empty to start a cluster of one (this instance)
 * @param numberOfShards how many shards the keys are spread over; the same on every instance, for the cluster's
 *     life
 * @param downing how an unreachable instance is removed
 * @param stableAfter how long the membership must be stable before the downing strategy decides
 * @param pekko raw Pekko settings, without the {@code pekko.} prefix, that win over the ones above
 */
public record ClusterSettings(String name, String host, int port, List<String> seedNodes, int numberOfShards,
        Downing downing, Duration stableAfter, Map<String, String> pekko) {

    /** The default cluster port. */
    public static final int DEFAULT_PORT = 25520;

    /** The default number of shards. */
    public static final int DEFAULT_NUMBER_OF_SHARDS = 100;

    /** The default time the membership must be stable before the downing strategy decides. */
    public static final Duration DEFAULT_STABLE_AFTER = Duration.ofSeconds(20);

    /**
     * Checks every value and copies the collections.
     *
     * @param name the cluster's name
     * @param host this instance's address
     * @param port the cluster port, or {@code 0}
     * @param seedNodes the instances to join
     * @param numberOfShards how many shards
     * @param downing how an unreachable instance is removed
     * @param stableAfter the stability margin of the downing strategy
     * @param pekko raw Pekko settings
     * @throws IllegalArgumentException when a value is invalid (the message names the property)
     */
    public ClusterSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(downing, "downing");
        Objects.requireNonNull(stableAfter, "stable-after");
        if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_-]*")) {
            throw invalid("name", name, "must be letters, digits, '-' and '_'");
        }
        if (port < 0 || port > 65535) {
            throw invalid("port", port, "must be between 0 and 65535");
        }
        if (numberOfShards <= 0) {
            throw invalid("number-of-shards", numberOfShards, "must be positive");
        }
        if (stableAfter.isNegative() || stableAfter.isZero()) {
            throw invalid("stable-after", stableAfter, "must be positive");
        }
        seedNodes = List.copyOf(seedNodes);
        for (String seed : seedNodes) {
            int colon = seed.lastIndexOf(':');
            if (colon <= 0 || !seed.substring(colon + 1).matches("[0-9]{1,5}")) {
                throw invalid("seed-nodes", seed, "must be host:port");
            }
        }
        pekko = Map.copyOf(pekko);
    }

    /**
     * Returns the default settings: cluster {@code actors} on {@code 127.0.0.1:25520}, no seed nodes, 100 shards,
     * {@link Downing#KEEP_MAJORITY} after 20 s.
     *
     * @return the defaults
     */
    public static ClusterSettings defaults() {
        return new ClusterSettings("actors", "127.0.0.1", DEFAULT_PORT, List.of(), DEFAULT_NUMBER_OF_SHARDS,
                Downing.KEEP_MAJORITY, DEFAULT_STABLE_AFTER, Map.of());
    }

    private static IllegalArgumentException invalid(String setting, Object value, String rule) {
        return new IllegalArgumentException("actors.cluster." + setting + " " + rule + " but was '" + value
                + "'; fix actors.cluster." + setting);
    }
}
