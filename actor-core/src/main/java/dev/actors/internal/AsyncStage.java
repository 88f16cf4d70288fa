package dev.actors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiConsumer;

import dev.actors.ActorAsyncTimeoutException;

/**
 * One stage that an async handler returned, while its actor waits for it: the actor is exclusive until the stage
 * completes, without holding a thread.
 *
 * <p>The rules it keeps:
 * <ul>
 * <li>The run that started the stage keeps the cell's scheduled status and ends ({@code park}). Senders see the
 * actor scheduled and only enqueue, so nothing else runs it meanwhile.</li>
 * <li>The first of the stage's completion, the {@code async-timeout} and an aborted stop settles the stage
 * (one CAS); the others are ignored, so a late result is discarded.</li>
 * <li>Exactly one side carries on: if the stage settled before the run parked, the run goes on itself; otherwise
 * the settling thread submits a new run. Either way the outcome is applied on the actor's thread, and the
 * settling's write of the outcome happens-before that run (a volatile bit, then the executor's hand-off), so
 * state written by the handler or by the stage's continuations is visible to the next message.</li>
 * <li>The settling thread (the stage's, or the timer's) completes no caller's future: it only hands the run back.
 * </li>
 * </ul>
 */
final class AsyncStage implements BiConsumer<Object, Throwable> {

    private static final int CLAIMED = 1;

    private static final int SETTLED = 2;

    private static final int PARKED = 4;

    private static final VarHandle PHASE;

    static {
        try {
            PHASE = MethodHandles.lookup().findVarHandle(AsyncStage.class, "phase", int.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final ActorCell<?, ?> cell;

    /** When the handler was called, for the process and flush timers. */
    final long startedAt;

    @SuppressWarnings("unused") // accessed through PHASE
    private volatile int phase;

    /** Written by the settling side before {@code SETTLED}, read on the actor's thread after. */
    private Object value;

    private Throwable failure;

    private volatile ScheduledFuture<?> timeout;

    private AsyncStage(ActorCell<?, ?> cell, long startedAt) {
        this.cell = cell;
        this.startedAt = startedAt;
    }

    /**
     * Starts waiting for a stage, on the actor's thread.
     *
     * @param cell the actor
     * @param stage what the handler returned; {@code null} is a failure
     * @param startedAt when the handler was called
     * @return the stage's waiter
     */
    static AsyncStage await(ActorCell<?, ?> cell, CompletionStage<?> stage, long startedAt) {
        AsyncStage waiter = new AsyncStage(cell, startedAt);
        if (stage == null) {
            waiter.settle(null, new IllegalStateException("Actor '" + cell.name
                    + "': its async handler returned null; it must return a CompletionStage"));
        }
        else {
            stage.whenComplete(waiter);
        }
        if ((waiter.phase & CLAIMED) == 0) {
            waiter.timeout = cell.timers.schedule(() -> waiter.settle(null,
                    new ActorAsyncTimeoutException(cell.name, cell.settings.asyncTimeout())),
                    cell.settings.asyncTimeout().toNanos());
            if ((waiter.phase & CLAIMED) != 0) {
                waiter.cancelTimeout();   // settled while the timeout was being armed
            }
        }
        return waiter;
    }

    /** The stage completed (on any thread). */
    @Override
    public void accept(Object value, Throwable failure) {
        settle(value, unwrap(failure));
    }

    /**
     * Settles the stage unless something else did first; hands the run back if it has parked.
     *
     * @return whether this call settled it
     */
    boolean settle(Object value, Throwable failure) {
        int current;
        do {
            current = this.phase;
            if ((current & CLAIMED) != 0) {
                return false;   // late: discarded
            }
        }
        while (!PHASE.compareAndSet(this, current, current | CLAIMED));
        this.value = value;
        this.failure = failure;
        cancelTimeout();
        int before = (int) PHASE.getAndBitwiseOr(this, SETTLED);
        if ((before & PARKED) != 0) {
            this.cell.resume();
        }
        return true;
    }

    /**
     * Ends the run that started the stage, on the actor's thread, unless the stage has settled already.
     *
     * @return {@code true} when the run must end now (the settling will submit the next one), {@code false} when
     *     the stage has settled and the run goes on with its outcome
     */
    boolean park() {
        return ((int) PHASE.getAndBitwiseOr(this, PARKED) & SETTLED) == 0;
    }

    /** Gives up on the stage without an outcome (the actor is closing and fails its caller itself). */
    void abandon() {
        int current;
        do {
            current = this.phase;
            if ((current & CLAIMED) != 0) {
                return;
            }
        }
        while (!PHASE.compareAndSet(this, current, current | CLAIMED));
        cancelTimeout();
    }

    Object value() {
        return this.value;
    }

    /** The stage's failure, unwrapped from {@link CompletionException}; {@code null} when it succeeded. */
    Throwable failure() {
        return this.failure;
    }

    private void cancelTimeout() {
        ScheduledFuture<?> armed = this.timeout;
        if (armed != null) {
            armed.cancel(false);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable unwrapped = failure;
        while (unwrapped instanceof CompletionException && unwrapped.getCause() != null) {
            unwrapped = unwrapped.getCause();
        }
        return unwrapped;
    }
}
