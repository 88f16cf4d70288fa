package dev.actors;

import java.util.List;

/**
 * An actor that handles its messages in groups, for work that is much cheaper in bulk (JDBC batch inserts,
 * message brokers, object stores).
 *
 * <p>A batch is handed over when it holds {@link ActorSettings#batchMaxSize()} messages or when
 * {@link ActorSettings#batchMaxTime()} has passed since its first message arrived, whichever comes first. Batches
 * never overlap, arrive in order, and keep their messages in arrival order. Callers use the same
 * {@link ActorHandle} as for a plain {@link Actor}, so an actor can become a batching one without touching them.
 *
 * @param <M> the message type
 * @param <R> the reply type ({@link Void} when callers only need to know that their message was handled)
 */
@FunctionalInterface
public interface BatchActor<M, R> {

    /**
     * Handles one batch.
     *
     * @param messages the batch, in arrival order; never empty. The list is the handler's to keep.
     * @return one result per message, in the same order: result {@code i} completes the call of message {@code i}.
     *     {@code null} completes every caller with {@code null}. A list of any other size fails every caller of the
     *     batch with {@link BatchResultSizeException}.
     * @throws Exception any failure: every caller of the batch gets it; then the {@link FailurePolicy} applies
     */
    List<R> handleBatch(List<M> messages) throws Exception;
}
