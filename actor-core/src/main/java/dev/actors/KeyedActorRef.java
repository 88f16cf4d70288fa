package dev.actors;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link KeyedActorHandle} an {@link ActorSystem} gives back when it creates a keyed actor, with the operations
 * its owner needs. Hand out the plain {@link KeyedActorHandle} to code that only sends.
 *
 * @param <M> the message type
 * @param <R> the reply type
 */
public interface KeyedActorRef<M, R> extends KeyedActorHandle<M, R> {

    /**
     * Returns how each key's instance handles messages.
     *
     * @return the kind
     */
    ActorKind kind();

    /**
     * Returns the settings each key's instance runs with.
     *
     * @return the settings
     */
    ActorSettings settings();

    /**
     * Returns the state of the keyed actor as a whole: {@link ActorState#RUNNING}; {@link ActorState#FAILED} while
     * its kind cannot serve, that is, while the factory threw at the last 3 activations in a row (the next successful
     * activation makes it {@code RUNNING} again); {@link ActorState#STOPPING} and {@link ActorState#STOPPED} after
     * {@link #stop()}.
     *
     * @return the state
     */
    ActorState state();

    /**
     * Returns the statistics of the whole keyed actor: the counters add up over every key, live or passivated; the
     * mailbox size adds up over the live keys; the capacity is each key's. This walks the live keys.
     *
     * @return the statistics
     */
    ActorStats stats();

    /**
     * Returns the statistics of one key's live instance.
     *
     * @param key the key
     * @return its statistics, or empty when the key has no live instance
     */
    Optional<ActorStats> stats(String key);

    /**
     * Returns the live keys with the deepest mailboxes, deepest first. This walks the live keys.
     *
     * @param limit how many keys at most
     * @return the keys and their statistics, in order
     */
    Map<String, ActorStats> deepestMailboxes(int limit);

    /**
     * Returns how many keys have a live instance now.
     *
     * @return the number of active keys
     */
    int activeCount();

    /**
     * Passivates one key now: its instance handles the messages it has already accepted, then is closed and dropped;
     * a later message for the key activates a new instance, created only after the old one's {@code close()}
     * returned. Does nothing for a key without an instance.
     *
     * @param key the key
     * @return a future completed when the key's instance is gone
     */
    CompletableFuture<Void> passivate(String key);

    /**
     * Starts a graceful stop of every key: new messages are refused with {@link ActorClosedException}; each active
     * key's queued messages are handled and its instance closed, within the shutdown timeout.
     *
     * @return a future completed when every key has stopped
     */
    CompletableFuture<Void> stop();
}
