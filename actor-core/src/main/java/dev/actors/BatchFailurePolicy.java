package dev.actors;

import java.util.List;

/**
 * What a {@link BatchActor} does with a batch whose {@link BatchActor#handleBatch(List)} threw
 * ({@code batch.on-failure}). Either way, the actor's {@link FailurePolicy} then applies once to the flush.
 */
public enum BatchFailurePolicy {

    /** Every caller of the batch gets the exception ({@code fail-batch}, the default). */
    FAIL_BATCH,

    /**
     * Split the batch in halves and retry each, and so on, until the failing messages stand alone
     * ({@code bisect}, as AWS Lambda's {@code BisectBatchOnFunctionError}): only their callers get an exception,
     * the one their message threw alone; every other message is handled in a smaller batch. One poison message in
     * a batch of {@code n} costs about {@code 2 log2(n)} extra calls of {@code handleBatch}. The handler must then
     * be safe to retry: it handles a batch all or nothing (a transaction, rolled back when it throws), since its
     * messages come again in the retries.
     */
    BISECT
}
