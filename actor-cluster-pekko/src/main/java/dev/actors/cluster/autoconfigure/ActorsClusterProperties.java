package dev.actors.cluster.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.actors.cluster.ClusterSettings;
import dev.actors.cluster.Downing;

/**
 * Configuration properties of the cluster of application instances, under {@code actors.cluster}. With
 * {@code actors.cluster.enabled=true}, keyed actors ({@code @ActorWorker(keyed = true)}) are spread over the
 * instances on Apache Pekko Cluster Sharding; other actors stay local to each instance.
 */
@ConfigurationProperties("actors.cluster")
public class ActorsClusterProperties {

    /**
     * Creates the properties with their defaults; Spring binds {@code actors.cluster.*} onto them.
     */
    public ActorsClusterProperties() {
    }

    /**
     * Whether keyed actors run across the application's instances (one live instance per key, cluster-wide). Off:
     * every key lives in this JVM.
     */
    private boolean enabled;

    /**
     * Name of the cluster: the same on every instance; instances of different names do not join each other.
     */
    private String name = "actors";

    /**
     * Address the other instances reach this one at: a host name or IP address of this machine.
     */
    private String host = "127.0.0.1";

    /**
     * Port of the cluster's TCP connections; 0 picks a free port (then this instance cannot be a seed node).
     */
    private int port = ClusterSettings.DEFAULT_PORT;

    /**
     * Instances to join, as host:port. An instance that lists itself first starts the cluster when no other is up;
     * empty: this instance forms a cluster of its own.
     */
    private List<String> seedNodes = new ArrayList<>();

    /**
     * How many shards the keys are spread over (about ten times the most instances planned). Fixed for the
     * cluster's life: every instance must use the same value, and changing it needs a full restart of the cluster.
     */
    private int numberOfShards = ClusterSettings.DEFAULT_NUMBER_OF_SHARDS;

    /**
     * How an instance that stopped answering is removed, so that its keys start on the others: a strategy of
     * Pekko's Split Brain Resolver, or 'off' (a crashed instance's keys then stay unreachable until an operator
     * downs it).
     */
    private Downing downing = Downing.KEEP_MAJORITY;

    /**
     * How long the membership must be stable (no instance joining, leaving or becoming unreachable) before the
     * downing strategy decides; a crashed instance's keys come back elsewhere after about this long.
     */
    private Duration stableAfter = ClusterSettings.DEFAULT_STABLE_AFTER;

    /**
     * How long the start waits to join the cluster (become an 'Up' member) before it fails.
     */
    private Duration joinTimeout = Duration.ofSeconds(60);

    /**
     * Raw Pekko settings, without the 'pekko.' prefix (for example
     * 'actors.cluster.pekko.cluster.sharding.passivation.strategy=none'), for anything the settings above do not
     * cover; they win over them.
     */
    private Map<String, String> pekko = new LinkedHashMap<>();

    /**
     * Returns whether keyed actors run across the instances.
     *
     * @return whether keyed actors run across the instances
     */
    public boolean isEnabled() {
        return this.enabled;
    }

    /**
     * Sets whether keyed actors run across the instances.
     *
     * @param enabled whether keyed actors run across the instances
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Returns the cluster's name.
     *
     * @return the cluster's name
     */
    public String getName() {
        return this.name;
    }

    /**
     * Sets the cluster's name.
     *
     * @param name the cluster's name
     */
    public void setName(String name) {
        this.name = name;
    }

    /**
     * Returns the address the other instances reach this one at.
     *
     * @return the address the other instances reach this one at
     */
    public String getHost() {
        return this.host;
    }

    /**
     * Sets the address the other instances reach this one at.
     *
     * @param host the address the other instances reach this one at
     */
    public void setHost(String host) {
        this.host = host;
    }

    /**
     * Returns the cluster port.
     *
     * @return the cluster port
     */
    public int getPort() {
        return this.port;
    }

    /**
     * Sets the cluster port.
     *
     * @param port the cluster port
     */
    public void setPort(int port) {
        this.port = port;
    }

    /**
     * Returns the instances to join, host:port.
     *
     * @return the instances to join
     */
    public List<String> getSeedNodes() {
        return this.seedNodes;
    }

    /**
     * Sets the instances to join, host:port.
     *
     * @param seedNodes the instances to join
     */
    public void setSeedNodes(List<String> seedNodes) {
        this.seedNodes = seedNodes;
    }

    /**
     * Returns how many shards the keys are spread over.
     *
     * @return how many shards the keys are spread over
     */
    public int getNumberOfShards() {
        return this.numberOfShards;
    }

    /**
     * Sets how many shards the keys are spread over.
     *
     * @param numberOfShards how many shards the keys are spread over
     */
    public void setNumberOfShards(int numberOfShards) {
        this.numberOfShards = numberOfShards;
    }

    /**
     * Returns how an unreachable instance is removed.
     *
     * @return how an unreachable instance is removed
     */
    public Downing getDowning() {
        return this.downing;
    }

    /**
     * Sets how an unreachable instance is removed.
     *
     * @param downing how an unreachable instance is removed
     */
    public void setDowning(Downing downing) {
        this.downing = downing;
    }

    /**
     * Returns how long the membership must be stable before the downing strategy decides.
     *
     * @return how long the membership must be stable before the downing strategy decides
     */
    public Duration getStableAfter() {
        return this.stableAfter;
    }

    /**
     * Sets how long the membership must be stable before the downing strategy decides.
     *
     * @param stableAfter how long the membership must be stable before the downing strategy decides
     */
    public void setStableAfter(Duration stableAfter) {
        this.stableAfter = stableAfter;
    }

    /**
     * Returns how long the start waits to join the cluster.
     *
     * @return how long the start waits to join the cluster
     */
    public Duration getJoinTimeout() {
        return this.joinTimeout;
    }

    /**
     * Sets how long the start waits to join the cluster.
     *
     * @param joinTimeout how long the start waits to join the cluster
     */
    public void setJoinTimeout(Duration joinTimeout) {
        this.joinTimeout = joinTimeout;
    }

    /**
     * Returns the raw Pekko settings, without the pekko. prefix.
     *
     * @return the raw Pekko settings
     */
    public Map<String, String> getPekko() {
        return this.pekko;
    }

    /**
     * Sets the raw Pekko settings, without the pekko. prefix.
     *
     * @param pekko the raw Pekko settings
     */
    public void setPekko(Map<String, String> pekko) {
        this.pekko = pekko;
    }

    /**
     * Returns the cluster settings these properties describe.
     *
     * @return the settings
     * @throws IllegalArgumentException when a value is invalid (the message names the property)
     */
    public ClusterSettings toSettings() {
        return new ClusterSettings(this.name, this.host, this.port, this.seedNodes, this.numberOfShards, this.downing,
                this.stableAfter, this.pekko);
    }
}
