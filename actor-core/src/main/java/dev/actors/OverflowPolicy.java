package dev.actors;

/**
 * What a sender meets when an actor's mailbox is full.
 */
public enum OverflowPolicy {

    /** Refuse at once: {@code cast} throws {@link MailboxFullException}, {@code call} returns a failed future. */
    REJECT,

    /** Wait up to the offer timeout for space, then refuse as {@link #REJECT} does. */
    BLOCK
}
