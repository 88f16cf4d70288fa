package dev.actors.internal;

import dev.actors.ActorHandle;

/**
 * An actor's address and nothing more: it can send, but not stop the actor, read its insides or run its loop.
 * This is what is injected into other code, so a cast to {@code ActorRef} or {@code Runnable} fails.
 */
final class CellHandle<M, R> extends CellAddress<M, R> implements ActorHandle<M, R> {

    CellHandle(ActorCell<M, R> cell) {
        super(cell);
    }

    @Override
    public String toString() {
        return "handle of " + this.cell;
    }
}
