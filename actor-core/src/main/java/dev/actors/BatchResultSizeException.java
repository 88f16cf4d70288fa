package dev.actors;

/**
 * A {@link BatchActor} returned a result list whose size differs from its batch's: the runtime cannot tell which
 * result belongs to which caller, so every caller of that batch gets this exception.
 */
public class BatchResultSizeException extends ActorException {

    private static final long serialVersionUID = 1L;

    /** How many messages the batch had. */
    private final int expected;

    /** How many results the handler returned. */
    private final int actual;

    /**
     * Creates the exception.
     *
     * @param actorName the actor's name
     * @param expected the batch size
     * @param actual the size of the list that came back
     */
    public BatchResultSizeException(String actorName, int expected, int actual) {
        super(actorName, "Batch actor '" + actorName + "' returned " + actual + " results for a batch of " + expected
                + " messages: handleBatch must return exactly one result per message, in order (or null for a "
                + "BatchActor<M, Void>)");
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * Returns the number of results expected: the batch size.
     *
     * @return the expected size
     */
    public int expected() {
        return this.expected;
    }

    /**
     * Returns the number of results that came back.
     *
     * @return the actual size
     */
    public int actual() {
        return this.actual;
    }
}
