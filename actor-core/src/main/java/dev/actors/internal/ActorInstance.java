package dev.actors.internal;

import java.util.function.Supplier;

/**
 * The user's actor object behind a cell, and the factory that makes it: once at the start, and again on every
 * restart. Only the actor's thread (or the starting thread, before the first run) touches it.
 *
 * @param <A> the actor's type ({@code Actor} or {@code BatchActor})
 */
final class ActorInstance<A> {

    private final String actorName;

    private final Supplier<? extends A> factory;

    /** {@code null} until the start: a cell can exist, and queue messages, before its instance. */
    A current;

    ActorInstance(String actorName, Supplier<? extends A> factory) {
        this.actorName = actorName;
        this.factory = factory;
    }

    /** Makes a fresh instance; refuses a factory that returns {@code null}, which would only fail later. */
    void create() {
        A instance = this.factory.get();
        if (instance == null) {
            throw new IllegalStateException(
                    "Actor '" + this.actorName + "': its factory returned null; it must return a new actor instance");
        }
        this.current = instance;
    }
}
