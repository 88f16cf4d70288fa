package dev.actors;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A {@link BatchActor} whose batch handler is asynchronous (a Kafka producer, a bulk HTTP API, R2DBC): a batch is
 * in flight until its stage completes, and the next batch takes what queued meanwhile. The result rules are those
 * of {@link BatchActor#handleBatch(List)}.
 *
 * @param <M> the message type
 * @param <R> the reply type
 */
@FunctionalInterface
public interface AsyncBatchActor<M, R> {

    /**
     * Handles one batch.
     *
     * @param messages the batch, in arrival order; never empty
     * @return a stage of one result per message, as {@link BatchActor#handleBatch(List)} returns
     * @throws Exception any failure, as a failed stage
     */
    CompletionStage<List<R>> handleBatch(List<M> messages) throws Exception;
}
