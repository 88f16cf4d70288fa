package dev.actors;

import java.util.List;

/**
 * An actor that handles its messages in groups, for work that is much cheaper in bulk (JDBC batch inserts,
 * message brokers, object stores).
 *
 * <p>By default batching is adaptive ("smart batching"): a message that finds the actor free is handed over at
 * once, alone; messages that arrive while a batch is being handled wait, and the next batch takes all of them, up to
 * {@link ActorSettings#batchMaxSize()}. So a lone caller never waits for company, and batches grow exactly as fast
 * as the load. With {@link ActorSettings#batchMaxTime()} above zero (a linger), a batch that is not full waits up to
 * that long after its first message for more. Batches never overlap, arrive in order, and keep their messages in
 * arrival order. Callers use the same {@link ActorHandle} as for a plain {@link Actor}, so an actor can become a
 * batching one without touching them.
 *
 * <p>A handler that can tell which messages failed returns a {@link BatchResult}: only those callers get an
 * exception. When it throws, every caller of the batch gets the exception, or, with
 * {@link BatchFailurePolicy#BISECT}, the runtime retries halves of the batch until the failing messages stand
 * alone.
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
     *     {@code null} completes every caller with {@code null}. A {@link BatchResult} can also fail single
     *     messages. A list of any other size fails every caller of the batch with {@link BatchResultSizeException}.
     * @throws Exception any failure: every caller of the batch gets it (with {@link BatchFailurePolicy#BISECT},
     *     only the callers of the messages that fail alone); then the {@link FailurePolicy} applies
     */
    List<R> handleBatch(List<M> messages) throws Exception;
}
