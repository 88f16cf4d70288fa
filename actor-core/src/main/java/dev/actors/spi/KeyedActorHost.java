package dev.actors.spi;

import dev.actors.KeyedActorHandle;

/**
 * Hosts keyed actors: where the instance of each entity key lives and how its messages reach it. The default host
 * keeps every key in this JVM; a distributed host (the cluster module) spreads the keys over the application's
 * instances, so that each key has at most one live instance cluster-wide, and hands the messages of the keys it owns
 * to a local host.
 */
public interface KeyedActorHost {

    /**
     * Starts hosting one keyed actor and returns its handle. No key's instance is created until its first message.
     *
     * @param spec what the actor is
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor's handle
     */
    <M, R> KeyedActorHandle<M, R> host(KeyedActorSpec<M, R> spec);
}
