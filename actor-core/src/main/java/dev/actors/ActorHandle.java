package dev.actors;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The typed way to talk to an actor: the only way in, so its state is touched by one message at a time.
 *
 * <p>A handle is thread-safe and cheap to share: inject it, store it in a field, pass it around. It is only an
 * address: creating or holding one does not create the actor's instance, and it cannot stop the actor.
 *
 * @param <M> the message type
 * @param <R> the reply type
 */
public interface ActorHandle<M, R> {

    /**
     * Returns the actor's name, unique within its {@link ActorSystem}.
     *
     * @return the name
     */
    String name();

    /**
     * Sends a request and returns its reply, failing after the actor's call timeout (5 s unless configured).
     *
     * @param message the request, not {@code null}
     * @return a future completed with the reply; with the handler's exception (unwrapped); with
     *     {@link MailboxFullException} or {@link ActorClosedException} when the message was not accepted (already
     *     failed on return) or the actor stopped before handling it; or with {@link ActorCallTimeoutException}.
     *     A call that times out while its message is still queued is never handled.
     *     <p>The reply completes the future on the actor's own thread, so a non-async continuation
     *     ({@code thenApply}, {@code whenComplete}, ...) runs there, before the actor takes its next message: a
     *     continuation that blocks or works long stalls the actor. Use the async variants
     *     ({@code thenApplyAsync(fn, executor)}) for such work. A timeout completes the future on a runtime thread
     *     kept for that, never on the timer thread.
     */
    CompletableFuture<R> call(M message);

    /**
     * Sends a request with its own timeout.
     *
     * @param message the request, not {@code null}
     * @param timeout how long the caller waits for the reply; positive
     * @return as {@link #call(Object)}
     */
    CompletableFuture<R> call(M message, Duration timeout);

    /**
     * Sends a message without waiting for a reply (fire-and-forget). A failure of the handler is logged with the
     * actor's name and counted.
     *
     * @param message the message, not {@code null}
     * @throws MailboxFullException when the mailbox is full (after the offer timeout with overflow policy
     *     {@link OverflowPolicy#BLOCK})
     * @throws ActorClosedException when the actor is stopping or stopped
     */
    void cast(M message);
}
