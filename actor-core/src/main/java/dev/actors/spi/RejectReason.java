package dev.actors.spi;

import dev.actors.ActorClosedException;
import dev.actors.MailboxFullException;

/**
 * Why a message was not accepted.
 */
public enum RejectReason {

    /** The mailbox was full ({@link MailboxFullException}). */
    FULL,

    /** The actor was stopping or stopped ({@link ActorClosedException}). */
    CLOSED;

    /**
     * Returns the lower-case name used in metrics tags.
     *
     * @return {@code full} or {@code closed}
     */
    public String tagValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
