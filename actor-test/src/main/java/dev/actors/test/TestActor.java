package dev.actors.test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorState;
import dev.actors.ActorStats;

/**
 * An actor of an {@link ActorTestKit}, driven on the test's thread: a message sent here is handled before the send
 * returns, with whatever it sets off. The actor is a real one ({@link #ref()}); this only adds the driving.
 *
 * @param <M> the message type
 * @param <R> the reply type
 */
public final class TestActor<M, R> {

    private final ActorTestKit kit;

    private final ActorRef<M, R> ref;

    TestActor(ActorTestKit kit, ActorRef<M, R> ref) {
        this.kit = kit;
        this.ref = ref;
    }

    /**
     * Returns the real actor. Messages sent through it are only queued, until the kit runs: the way to queue several
     * for one batch, or to let a call wait (and time out) in the mailbox.
     *
     * @return the actor's reference
     */
    public ActorRef<M, R> ref() {
        return this.ref;
    }

    /**
     * Returns the actor's name.
     *
     * @return the name
     */
    public String name() {
        return this.ref.name();
    }

    /**
     * Sends a call and lets the actors run.
     *
     * @param message the request
     * @return the reply's future: complete, unless the reply waits for time to pass (a batch's deadline)
     */
    public CompletableFuture<R> call(M message) {
        CompletableFuture<R> reply = this.ref.call(message);
        this.kit.runAll();
        return reply;
    }

    /**
     * Sends a call with its own timeout and lets the actors run.
     *
     * @param message the request
     * @param timeout the call's timeout, on the kit's clock
     * @return the reply's future, as {@link #call(Object)}
     */
    public CompletableFuture<R> call(M message, Duration timeout) {
        CompletableFuture<R> reply = this.ref.call(message, timeout);
        this.kit.runAll();
        return reply;
    }

    /**
     * Sends a call, lets the actors run and returns the reply.
     *
     * @param message the request
     * @return the reply
     * @throws CompletionException with the handler's exception (or the runtime's) as its cause
     * @throws IllegalStateException when the reply waits for time to pass: a batch actor's partial batch waits for
     *     its deadline ({@link #flush()} hands it over)
     */
    public R ask(M message) {
        CompletableFuture<R> reply = call(message);
        if (!reply.isDone()) {
            throw new IllegalStateException("Actor '" + name() + "' has not answered yet: its reply waits for time "
                    + "to pass (a batch waits for its deadline: flush() it, or advance the kit's clock)");
        }
        return reply.join();
    }

    /**
     * Sends a message without a reply and lets the actors run. A failure of its handler is logged and counted, as
     * always: {@link #stats()} shows it ({@code failed}, {@code lastError}).
     *
     * @param message the message
     */
    public void cast(M message) {
        this.ref.cast(message);
        this.kit.runAll();
    }

    /**
     * Hands over a batch actor's partial batch now: moves the kit's clock to the batch's deadline (firing whatever
     * timer falls due before it), and lets the actors run. Does nothing when the actor holds nothing.
     */
    public void flush() {
        if (!this.kit.advanceUntil(this.ref::isIdle)) {
            throw new IllegalStateException("Actor '" + name() + "' is busy but waits for no timer: " + stats());
        }
    }

    /**
     * Tells whether the actor has nothing to do (see {@link ActorRef#isIdle()}).
     *
     * @return whether it is idle
     */
    public boolean isIdle() {
        return this.ref.isIdle();
    }

    /**
     * Returns the actor's statistics.
     *
     * @return a snapshot
     */
    public ActorStats stats() {
        return this.ref.stats();
    }

    /**
     * Returns the actor's life-cycle state.
     *
     * @return the state
     */
    public ActorState state() {
        return this.ref.state();
    }

    /**
     * Returns the settings the actor runs with.
     *
     * @return the settings
     */
    public ActorSettings settings() {
        return this.ref.settings();
    }

    /**
     * Stops the actor gracefully and lets it finish: what it has queued is handled, a partial batch handed over.
     */
    public void stop() {
        this.kit.awaitStop(this.ref.stop());
    }

    @Override
    public String toString() {
        return "test actor " + this.ref;
    }
}
