package dev.actors;

/**
 * The message was not accepted: the actor's mailbox is full (with overflow policy {@link OverflowPolicy#BLOCK}:
 * it stayed full for the whole offer timeout). Nothing was enqueued; the sender may retry later.
 */
public class MailboxFullException extends ActorException {

    private static final long serialVersionUID = 1L;

    /** The capacity of the full mailbox. */
    private final int capacity;

    /**
     * Creates the exception.
     *
     * @param actorName the actor's name
     * @param capacity the mailbox capacity that was reached
     */
    public MailboxFullException(String actorName, int capacity) {
        super(actorName, "Actor '" + actorName + "' did not accept the message: its mailbox is full (mailbox-capacity "
                + capacity + "). Retry later, raise mailbox-capacity, or use overflow 'block' with an offer-timeout");
        this.capacity = capacity;
    }

    /**
     * Returns the capacity of the full mailbox.
     *
     * @return the mailbox capacity
     */
    public int capacity() {
        return this.capacity;
    }
}
