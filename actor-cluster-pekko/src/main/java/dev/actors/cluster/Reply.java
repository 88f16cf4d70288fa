package dev.actors.cluster;

import java.time.Duration;

import dev.actors.ActorCallTimeoutException;
import dev.actors.ActorClosedException;
import dev.actors.ActorException;
import dev.actors.MailboxFullException;

/**
 * The outcome of a remote call: a value, or a failure described by plain fields. Exceptions never cross the wire
 * themselves: the runtime's own are rebuilt on the caller's side, an application's become a
 * {@link RemoteActorException} with its class name and message.
 *
 * @param value the reply, or {@code null}
 * @param failure what went wrong, or {@code null} on success
 * @param fromActorThread whether it was sent, in this JVM, from the thread that completed the local key's call (the
 *     key's actor thread): the caller's future may then complete on that thread, as a call in one JVM does; never
 *     written to the wire, so a reply from another instance has it {@code false}
 */
record Reply(Object value, Failure failure, boolean fromActorThread) {

    static Reply of(Object value) {
        return new Reply(value, null, false);
    }

    static Reply failed(Throwable error) {
        return new Reply(null, Failure.of(error), false);
    }

    /**
     * The outcome of a local key's call, with where it is sent from.
     *
     * @param value the reply, when {@code error} is {@code null}
     * @param error what went wrong, or {@code null}
     * @param fromActorThread whether this is the thread that completed the local key's call
     * @return the reply
     */
    static Reply of(Object value, Throwable error, boolean fromActorThread) {
        return (error != null) ? new Reply(null, Failure.of(error), fromActorThread)
                : new Reply(value, null, fromActorThread);
    }

    /**
     * What ended a call on the owning instance.
     *
     * @param kind which exception it was
     * @param className the class of the original exception
     * @param message its message, or {@code null}
     * @param number the mailbox capacity or the timeout in milliseconds, where the exception has one
     */
    record Failure(Kind kind, String className, String message, long number) {

        static Failure of(Throwable error) {
            if (error instanceof MailboxFullException full) {
                return new Failure(Kind.MAILBOX_FULL, error.getClass().getName(), error.getMessage(),
                        full.capacity());
            }
            if (error instanceof ActorCallTimeoutException timeout) {
                return new Failure(Kind.TIMEOUT, error.getClass().getName(), error.getMessage(),
                        timeout.timeout().toMillis());
            }
            if (error instanceof ActorClosedException) {
                return new Failure(Kind.CLOSED, error.getClass().getName(), error.getMessage(), 0);
            }
            return new Failure(Kind.APPLICATION, error.getClass().getName(), error.getMessage(), 0);
        }

        /**
         * Rebuilds the exception for the caller.
         *
         * @param actorName the actor called
         * @param callTimeout the caller's own timeout, which a timeout on the owner reports
         * @return the exception
         */
        ActorException toException(String actorName, Duration callTimeout) {
            return switch (this.kind) {
                case MAILBOX_FULL -> new MailboxFullException(actorName, (int) this.number);
                case TIMEOUT -> new ActorCallTimeoutException(actorName, callTimeout);
                case CLOSED -> new ActorClosedException(actorName, this.message);
                case APPLICATION -> new RemoteActorException(actorName, this.className, this.message);
            };
        }
    }

    /**
     * The exceptions a caller can tell apart.
     */
    enum Kind {
        MAILBOX_FULL, TIMEOUT, CLOSED, APPLICATION
    }
}
