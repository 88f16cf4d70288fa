package dev.actors.test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.actors.ActorStats;
import dev.actors.KeyedActorRef;

/**
 * A keyed actor of an {@link ActorTestKit}, driven on the test's thread: a message sent here is handled before the
 * send returns, activating the key's instance first when it has none. Idle passivation follows the kit's clock:
 * {@link ActorTestKit#advance(java.time.Duration) advance} it past {@code passivate-after} and the idle keys are
 * passivated, their {@code close()} run, before the advance returns. The keyed actor is a real one ({@link #ref()});
 * this only adds the driving.
 *
 * @param <M> the message type
 * @param <R> the reply type
 */
public final class TestKeyedActor<M, R> {

    private final ActorTestKit kit;

    private final KeyedActorRef<M, R> ref;

    TestKeyedActor(ActorTestKit kit, KeyedActorRef<M, R> ref) {
        this.kit = kit;
        this.ref = ref;
    }

    /**
     * Returns the real keyed actor. Messages sent through it are only queued, until the kit runs.
     *
     * @return the keyed actor's reference
     */
    public KeyedActorRef<M, R> ref() {
        return this.ref;
    }

    /**
     * Returns the keyed actor's name.
     *
     * @return the name
     */
    public String name() {
        return this.ref.name();
    }

    /**
     * Sends a call to a key and lets the actors run.
     *
     * @param key the entity key
     * @param message the request
     * @return the reply's future: complete, unless the reply waits for time to pass
     */
    public CompletableFuture<R> call(String key, M message) {
        CompletableFuture<R> reply = this.ref.forKey(key).call(message);
        this.kit.runAll();
        return reply;
    }

    /**
     * Sends a call to a key, lets the actors run and returns the reply.
     *
     * @param key the entity key
     * @param message the request
     * @return the reply
     * @throws IllegalStateException when the reply waits for time to pass
     * @throws java.util.concurrent.CompletionException when the handler failed, with its exception as the cause
     */
    public R ask(String key, M message) {
        CompletableFuture<R> reply = call(key, message);
        if (!reply.isDone()) {
            throw new IllegalStateException("Actor '" + name() + "' (key '" + key + "') has not answered yet: its "
                    + "reply waits for time to pass (advance the kit's clock)");
        }
        return reply.join();
    }

    /**
     * Sends a cast to a key and lets the actors run.
     *
     * @param key the entity key
     * @param message the message
     */
    public void cast(String key, M message) {
        this.ref.forKey(key).cast(message);
        this.kit.runAll();
    }

    /**
     * Returns how many keys have a live instance (activated, not yet passivated).
     *
     * @return the number of active keys
     */
    public int activeCount() {
        return this.ref.activeCount();
    }

    /**
     * Returns the statistics summed over the keys.
     *
     * @return the statistics
     */
    public ActorStats stats() {
        return this.ref.stats();
    }

    /**
     * Returns one key's statistics, when the key is active.
     *
     * @param key the entity key
     * @return the key's statistics, or empty when it has no live instance
     */
    public Optional<ActorStats> stats(String key) {
        return this.ref.stats(key);
    }

    /**
     * Passivates a key now, as an idle passivation would: what it has queued is handled first, then its
     * {@code close()} runs. Returns once it has.
     *
     * @param key the entity key
     */
    public void passivate(String key) {
        this.kit.awaitStop(this.ref.passivate(key));
    }

    /**
     * Stops the keyed actor and every key, and returns once they have stopped.
     */
    public void stop() {
        this.kit.awaitStop(this.ref.stop());
    }

    @Override
    public String toString() {
        return "test keyed actor " + this.ref;
    }
}
