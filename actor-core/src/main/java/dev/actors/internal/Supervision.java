package dev.actors.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.ActorState;
import dev.actors.FailurePolicy;

/**
 * What happens when a handler throws: the actor's failure policy, applied on the actor's thread.
 *
 * <p>The rules it keeps:
 * <ul>
 * <li>{@code resume}: the instance keeps its state and the next message is handled; the caller got the failure.</li>
 * <li>{@code restart}: the old instance is closed ({@code AutoCloseable.close()}), then a fresh instance from the
 * factory replaces it, within the restart intensity
 * ({@link RestartIntensity}); beyond it, or when the factory throws, the actor stops for good ({@code FAILED}).</li>
 * <li>{@code stop}: the actor stops for good; what is held or queued fails with {@code ActorClosedException}.</li>
 * <li>The state reads {@code RESTARTING} while the instance is replaced, and the restart is counted before it is
 * reported to the listener.</li>
 * <li>A {@link VirtualMachineError} ({@code OutOfMemoryError}, {@code StackOverflowError}) is fatal, as in Pekko:
 * the actor stops for good ({@code FAILED}) whatever its policy, and the error also goes to the thread's
 * uncaught-exception handler, so that the application's own policy for such errors applies.</li>
 * <li>The policy is applied before anything is logged, and logging is defensive: an exception whose
 * {@code getMessage()} or {@code toString()} throws is logged by its class name, and never keeps a failed actor
 * running.</li>
 * </ul>
 */
final class Supervision {

    private static final Logger logger = LoggerFactory.getLogger(Supervision.class);

    private Supervision() {
    }

    /** Applies the failure policy after the handler threw; on the actor's thread. */
    static void onFailure(ActorCell<?, ?> cell, Throwable failure) {
        cell.lastError = failure;
        FailurePolicy policy = cell.settings.onFailure();
        if (failure instanceof VirtualMachineError fatal) {
            StopSequence.terminate(cell, ActorState.FAILED, fatal);
            // One line: the uncaught-exception handler gets the error itself, and printing a trace may fail too.
            logger.error("Actor '{}' hit a fatal error ({}) and is stopped for good, whatever its on-failure policy; "
                    + "the error goes to the thread's uncaught-exception handler", cell.name,
                    fatal.getClass().getName());
            Thread thread = Thread.currentThread();
            try {
                thread.getUncaughtExceptionHandler().uncaughtException(thread, fatal);
            }
            catch (Throwable ignored) {
                // The handler failed too: the actor is already stopped, which is all the runtime can do.
            }
        }
        else if (policy == FailurePolicy.STOP) {
            StopSequence.terminate(cell, ActorState.FAILED, failure);
            logFailure(logger, true, cell.describe() + " failed and is stopped for good (on-failure: stop); "
                    + "queued and later messages fail with ActorClosedException", failure);
        }
        else if (policy == FailurePolicy.RESTART) {
            restart(cell, failure);
        }
    }

    private static void restart(ActorCell<?, ?> cell, Throwable failure) {
        RestartIntensity intensity = cell.restartIntensity();
        if (!intensity.requestRestartPermission(cell.clock.nanoTime())) {
            StopSequence.terminate(cell, ActorState.FAILED, failure);
            logFailure(logger, true, cell.describe() + " failed after " + intensity.recentRestarts()
                    + " restarts within " + cell.settings.restartWithin() + " (restart.max-restarts, restart.within): "
                    + "it is stopped for good; queued and later messages fail with ActorClosedException", failure);
            return;
        }
        cell.compareAndSetState(ActorState.RUNNING, ActorState.RESTARTING);
        try {
            cell.closeInstance();
            cell.createInstance();
        }
        catch (Throwable ex) {
            if (ex != failure) {
                ex.addSuppressed(failure);
            }
            cell.lastError = ex;
            StopSequence.terminate(cell, ActorState.FAILED, ex);
            logFailure(logger, true, cell.describe() + " could not be restarted: its factory threw; it is "
                    + "stopped for good", ex);
            return;
        }
        cell.counters.countRestart();
        cell.compareAndSetState(ActorState.RESTARTING, ActorState.RUNNING);
        cell.listener.restarted(failure);
        logFailure(logger, false, cell.describe() + " restarted after a failure (on-failure: restart)", failure);
    }

    /**
     * Logs a failure that came from user code. One whose own methods throw ({@code getMessage}, {@code toString},
     * {@code printStackTrace}) is logged again by its class name only: logging must never throw into the runtime.
     */
    static void logFailure(Logger logger, boolean error, String message, Throwable failure) {
        try {
            if (error) {
                logger.error(message, failure);
            }
            else {
                logger.warn(message, failure);
            }
        }
        catch (Throwable ex) {
            String fallback = message + " (" + failure.getClass().getName() + "; its details could not be logged)";
            if (error) {
                logger.error(fallback);
            }
            else {
                logger.warn(fallback);
            }
        }
    }
}
