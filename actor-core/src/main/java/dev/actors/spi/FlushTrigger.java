package dev.actors.spi;

import dev.actors.BatchActor;

/**
 * Why a {@link BatchActor}'s batch was handed over.
 */
public enum FlushTrigger {

    /** The batch reached its maximum size. */
    SIZE,

    /**
     * The batch took every message that was waiting: the actor was free, so nothing was gained by waiting (the
     * adaptive default, {@code batch.max-time} zero).
     */
    DRAINED,

    /** The linger ({@code batch.max-time}) since the batch's first message passed. */
    TIME,

    /** The actor is stopping and flushed what it held. */
    SHUTDOWN;

    /**
     * Returns the lower-case name used in metrics tags.
     *
     * @return {@code size}, {@code drained}, {@code time} or {@code shutdown}
     */
    public String tagValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
