package dev.actors;

import java.util.concurrent.CompletionStage;

/**
 * An actor whose handler starts asynchronous work (an HTTP client, an async database driver) and keeps the actor
 * until that work completes: the next message is taken only after the returned stage has completed, on whatever
 * thread it completes, and no thread is held while the actor waits.
 *
 * @param <M> the message type
 * @param <R> the reply type
 */
@FunctionalInterface
public interface AsyncActor<M, R> {

    /**
     * Handles one message.
     *
     * @param message the message, never {@code null}
     * @return a stage whose value replies to the caller; its failure is a failure of the handler
     * @throws Exception any failure, as a failed stage
     */
    CompletionStage<R> handle(M message) throws Exception;
}
