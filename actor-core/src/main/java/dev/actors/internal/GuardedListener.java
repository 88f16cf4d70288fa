package dev.actors.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.spi.ActorListener;
import dev.actors.spi.FlushOutcome;
import dev.actors.spi.FlushTrigger;
import dev.actors.spi.PassivationReason;
import dev.actors.spi.RejectReason;

/**
 * Keeps a listener that throws from breaking the runtime. Listeners are called between taking a message and
 * answering it, so one that throws there would leave the message taken, unanswered and uncounted. Its failures are
 * swallowed; the first is logged, the rest only counted, since a broken listener usually breaks on every message.
 */
final class GuardedListener implements ActorListener {

    private static final Logger logger = LoggerFactory.getLogger(GuardedListener.class);

    private final String actorName;

    private final ActorListener delegate;

    /** Failures so far; racy on purpose (senders call it too): it only decides whether to log. */
    private long failures;

    GuardedListener(String actorName, ActorListener delegate) {
        this.actorName = actorName;
        this.delegate = delegate;
    }

    @Override
    public void messageStarted(long waitNanos) {
        try {
            this.delegate.messageStarted(waitNanos);
        }
        catch (Throwable ex) {
            failed(ex);
        }
    }

    @Override
    public void messageProcessed(long nanos, boolean success) {
        try {
            this.delegate.messageProcessed(nanos, success);
        }
        catch (Throwable ex) {
            failed(ex);
        }
    }

    @Override
    public void messageRejected(RejectReason reason) {
        try {
            this.delegate.messageRejected(reason);
        }
        catch (Throwable ex) {
            failed(ex);
        }
    }

    @Override
    public void messageExpired() {
        try {
            this.delegate.messageExpired();
        }
        catch (Throwable ex) {
            failed(ex);
        }
    }

    @Override
    public void batchFlushed(FlushTrigger trigger, int size, long nanos, FlushOutcome outcome) {
        try {
            this.delegate.batchFlushed(trigger, size, nanos, outcome);
        }
        catch (Throwable ex) {
            failed(ex);
        }
    }

    @Override
    public void batchRetried(int size) {
        try {
            this.delegate.batchRetried(size);
        }
        catch (Throwable ex) {
            failed(ex);
        }
    }

    @Override
    public void restarted(Throwable cause) {
        try {
            this.delegate.restarted(cause);
        }
        catch (Throwable ex) {
            failed(ex);
        }
    }

    @Override
    public void closeFailed(Throwable failure) {
        try {
            this.delegate.closeFailed(failure);
        }
        catch (Throwable ex) {
            failed(ex);
        }
    }

    @Override
    public void keyActivated() {
        try {
            this.delegate.keyActivated();
        }
        catch (Throwable ex) {
            failed(ex);
        }
    }

    @Override
    public void keyPassivated(PassivationReason reason) {
        try {
            this.delegate.keyPassivated(reason);
        }
        catch (Throwable ex) {
            failed(ex);
        }
    }

    @Override
    public void runRefused(Throwable cause) {
        try {
            this.delegate.runRefused(cause);
        }
        catch (Throwable ex) {
            failed(ex);
        }
    }

    private void failed(Throwable ex) {
        if (this.failures++ == 0) {
            Supervision.logFailure(logger, false, "Actor '" + this.actorName + "': its listener threw; the failure is "
                    + "ignored, and later ones are not logged", ex);
        }
    }
}
