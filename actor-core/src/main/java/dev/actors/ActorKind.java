package dev.actors;

/**
 * Whether an actor handles messages one by one or in batches.
 */
public enum ActorKind {

    /** A plain {@link Actor}. */
    ACTOR,

    /** A {@link BatchActor}. */
    BATCH
}
