package dev.actors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;

import dev.actors.ActorHandle;
import dev.actors.ActorKind;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorState;
import dev.actors.ActorStats;

/**
 * The owner's reference to an actor: what {@code ActorSystem.spawn} returns. It forwards to the cell but is not
 * the cell, so it cannot be run as a task (a second consumer on a single-consumer mailbox).
 */
final class CellRef<M, R> extends CellAddress<M, R> implements ActorRef<M, R> {

    private static final VarHandle HANDLE;

    static {
        try {
            HANDLE = MethodHandles.lookup().findVarHandle(CellRef.class, "handle", CellHandle.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /** Created when first asked for: only code that hands the actor's address out (Spring) needs one. */
    private volatile CellHandle<M, R> handle;

    CellRef(ActorCell<M, R> cell) {
        super(cell);
    }

    @Override
    @SuppressWarnings("unchecked")
    public ActorHandle<M, R> handle() {
        CellHandle<M, R> existing = this.handle;
        if (existing == null) {
            CellHandle<M, R> created = new CellHandle<>(this.cell);
            existing = (CellHandle<M, R>) HANDLE.compareAndExchange(this, null, created);
            if (existing == null) {
                existing = created;
            }
        }
        return existing;
    }

    @Override
    public ActorKind kind() {
        return this.cell.kind();
    }

    @Override
    public ActorSettings settings() {
        return this.cell.settings;
    }

    @Override
    public ActorState state() {
        return this.cell.state();
    }

    @Override
    public boolean isIdle() {
        return this.cell.isIdle();
    }

    @Override
    public ActorStats stats() {
        return this.cell.stats();
    }

    @Override
    public CompletableFuture<Void> stop() {
        return this.cell.stop();
    }

    @Override
    public CompletableFuture<Void> whenTerminated() {
        return this.cell.whenTerminated();
    }

    @Override
    public String toString() {
        return this.cell.toString();
    }
}
