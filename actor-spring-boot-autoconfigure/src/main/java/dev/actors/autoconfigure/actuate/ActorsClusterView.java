package dev.actors.autoconfigure.actuate;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the {@link ActorsEndpoint actors endpoint} shows of the cluster when keyed actors are spread over several
 * instances of the application: the members, this instance's address, and which instance holds a key. A cluster
 * module provides it as a bean; without one the endpoint shows this JVM only.
 */
public interface ActorsClusterView {

    /**
     * Returns this instance's cluster address.
     *
     * @return the address, {@code host:port}, or {@code null} before the instance has started
     */
    @Nullable String selfAddress();

    /**
     * Returns the members this instance knows of.
     *
     * @return the members
     */
    List<Member> members();

    /**
     * Finds which instance holds a key of a keyed actor (the owner of the key's shard). May ask the other instances,
     * so it can take a moment.
     *
     * @param actorName the keyed actor's name
     * @param key the key
     * @return where the key is held, or empty when no instance holds its shard yet
     */
    Optional<KeyHolder> locate(String actorName, String key);

    /**
     * One member of the cluster.
     *
     * @param address its address, {@code host:port}
     * @param status its membership status, lower-case ({@code joining}, {@code up}, {@code leaving}...)
     * @param reachable whether this instance can reach it now
     */
    record Member(String address, String status, boolean reachable) {
    }

    /**
     * The instance that holds a key.
     *
     * @param shard the shard the key belongs to
     * @param address the instance that holds the shard, {@code host:port}
     * @param local whether it is this instance
     */
    record KeyHolder(String shard, String address, boolean local) {
    }
}
