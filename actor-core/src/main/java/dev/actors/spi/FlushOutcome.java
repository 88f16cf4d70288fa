package dev.actors.spi;

import dev.actors.BatchActor;
import dev.actors.BatchFailurePolicy;

/**
 * How one call of {@link BatchActor#handleBatch(java.util.List)} ended.
 */
public enum FlushOutcome {

    /**
     * It returned results (single messages may have failed through a {@link dev.actors.BatchResult}).
     */
    SUCCESS,

    /** It threw, or returned a list of the wrong size: its callers got the exception. */
    FAILURE,

    /**
     * It threw and, with {@link BatchFailurePolicy#BISECT}, its messages are retried in two halves: no caller has
     * an answer yet.
     */
    BISECTED;

    /**
     * Returns the lower-case name used in metrics tags.
     *
     * @return {@code success}, {@code failure} or {@code bisected}
     */
    public String tagValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
