package dev.actors.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An executor that holds what it is given until a gate opens, then hands it to the real executor. A keyed actor's
 * next cell for a key runs on one while the key's previous cell is still finishing: the new cell takes messages at
 * once, but its first run, and so its instance, waits until the old instance's {@code close()} returned.
 *
 * <p>A cell submits itself at most once at a time (its scheduled status guards that), so one held task is enough.
 *
 * <p>It holds everything until {@link #watchGate()} is called, and only opens once the gate has completed after that.
 */
final class GatedExecutor implements Executor {

    private final Executor delegate;

    private final CompletableFuture<?> gate;

    private final Object lock = new Object();

    private boolean open;

    private Runnable held;

    GatedExecutor(Executor delegate, CompletableFuture<?> gate) {
        this.delegate = delegate;
        this.gate = gate;
    }

    /**
     * Starts watching the gate: opens now if it has completed, else when it does. Called once. A callback attached
     * to a future that is completing at that moment may run the future's other callbacks too, on this thread, so
     * the caller must be somewhere those may run (see {@link KeyedActorCell}).
     */
    void watchGate() {
        this.gate.whenComplete((result, failure) -> open());
    }

    @Override
    public void execute(Runnable task) {
        synchronized (this.lock) {
            if (!this.open) {
                this.held = task;
                return;
            }
        }
        this.delegate.execute(task);
    }

    private void open() {
        Runnable task;
        synchronized (this.lock) {
            this.open = true;
            task = this.held;
            this.held = null;
        }
        if (task != null) {
            try {
                this.delegate.execute(task);
            }
            catch (RejectedExecutionException ex) {
                // The executor is gone (a shutdown): run the cell here, which fails or finishes what it holds,
                // rather than leave it scheduled for ever with its callers waiting.
                task.run();
            }
            catch (RuntimeException | Error ex) {
                // Any other throwable (an executor that cannot start a thread throws an Error) would end in the
                // gate's callback, where nobody sees it, with the cell scheduled for ever: the cell takes it as
                // the refused submission it is, and retries or fails what it holds.
                if (task instanceof ActorCell<?, ?> cell) {
                    cell.refused(ex);
                }
                else {
                    throw ex;
                }
            }
        }
    }
}
