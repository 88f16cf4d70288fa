package dev.actors.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The sending half shared by what the runtime hands out ({@link CellHandle}, {@link CellRef}): it forwards to the
 * cell and is never the cell, so nothing handed out can run the actor's loop.
 */
abstract class CellAddress<M, R> {

    final ActorCell<M, R> cell;

    CellAddress(ActorCell<M, R> cell) {
        this.cell = cell;
    }

    public String name() {
        return this.cell.name;
    }

    public CompletableFuture<R> call(M message) {
        return this.cell.call(message);
    }

    public CompletableFuture<R> call(M message, Duration timeout) {
        return this.cell.call(message, timeout);
    }

    public void cast(M message) {
        this.cell.cast(message);
    }
}
