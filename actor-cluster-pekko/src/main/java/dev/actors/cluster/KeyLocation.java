package dev.actors.cluster;

/**
 * Where a key of a keyed actor runs in the cluster.
 *
 * @param actor the keyed actor's name
 * @param key the key
 * @param shard the shard the key belongs to
 * @param address the instance that holds the shard, {@code host:port}
 * @param local whether that instance is this one
 */
public record KeyLocation(String actor, String key, String shard, String address, boolean local) {
}
