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
        if (policy == FailurePolicy.STOP) {
            logger.error("{} failed and is stopped for good (on-failure: stop); queued and later messages "
                    + "fail with ActorClosedException", cell.describe(), failure);
            StopSequence.terminate(cell, ActorState.FAILED, failure);
        }
        else if (policy == FailurePolicy.RESTART) {
            restart(cell, failure);
        }
    }

    private static void restart(ActorCell<?, ?> cell, Throwable failure) {
        RestartIntensity intensity = cell.restartIntensity();
        if (!intensity.requestRestartPermission(System.nanoTime())) {
            logger.error("{} failed after {} restarts within {} (restart.max-restarts, restart.within): it is "
                    + "stopped for good; queued and later messages fail with ActorClosedException", cell.describe(),
                    intensity.recentRestarts(), cell.settings.restartWithin(), failure);
            StopSequence.terminate(cell, ActorState.FAILED, failure);
            return;
        }
        cell.compareAndSetState(ActorState.RUNNING, ActorState.RESTARTING);
        try {
            cell.closeInstance();
            cell.instance().create();
        }
        catch (Throwable ex) {
            ex.addSuppressed(failure);
            cell.lastError = ex;
            logger.error("{} could not be restarted: its factory threw; it is stopped for good", cell.describe(), ex);
            StopSequence.terminate(cell, ActorState.FAILED, ex);
            return;
        }
        cell.counters.countRestart();
        cell.compareAndSetState(ActorState.RESTARTING, ActorState.RUNNING);
        logger.warn("{} restarted after a failure (on-failure: restart)", cell.describe(), failure);
        cell.listener.restarted(failure);
    }
}
