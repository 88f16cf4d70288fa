package dev.actors;

/**
 * An actor: an object that owns mutable state and handles one message at a time from a bounded mailbox.
 *
 * <p>The runtime never calls {@link #handle(Object)} concurrently for the same actor, and each call sees the
 * state the previous call left, whichever thread runs it. Fields therefore need no locks and no
 * {@code volatile}. Handlers may block (JDBC, HTTP); give blocking actors an executor that can afford it.
 *
 * @param <M> the message type
 * @param <R> the reply type ({@link Void} for actors that only take casts)
 */
@FunctionalInterface
public interface Actor<M, R> {

    /**
     * Handles one message.
     *
     * @param message the message, never {@code null}
     * @return the reply, which completes the caller's future for a {@code call} (ignored for a {@code cast})
     * @throws Exception any failure: it reaches a caller unwrapped as the future's cause, is logged and counted for
     *     a cast, and then the actor's {@link FailurePolicy} decides what happens to the actor. A
     *     {@link VirtualMachineError} is fatal whatever the policy: the actor stops ({@link ActorState#FAILED}) and
     *     the error also goes to the thread's uncaught-exception handler
     */
    R handle(M message) throws Exception;
}
