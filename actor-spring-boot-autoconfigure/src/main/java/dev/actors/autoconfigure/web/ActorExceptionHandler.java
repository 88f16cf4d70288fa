package dev.actors.autoconfigure.web;

import java.time.Duration;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import dev.actors.ActorAsyncTimeoutException;
import dev.actors.ActorCallCycleException;
import dev.actors.ActorCallTimeoutException;
import dev.actors.ActorClosedException;
import dev.actors.ActorException;
import dev.actors.MailboxFullException;

/**
 * Answers requests that failed on an actor with RFC 9457 problem details ({@code application/problem+json}) that
 * name the actor in the property {@code actor}:
 * <ul>
 * <li>{@link MailboxFullException} and {@link ActorClosedException}: {@code 503 Service Unavailable} with a
 * {@code Retry-After} header: the actor is overloaded or shutting down, and a retry (perhaps on another instance)
 * may succeed;</li>
 * <li>{@link ActorCallTimeoutException}: {@code 504 Gateway Timeout}: the actor did not reply in time;</li>
 * <li>{@link ActorAsyncTimeoutException}: {@code 504 Gateway Timeout}: the async work the actor waited for did not
 * complete in time;</li>
 * <li>{@link ActorCallCycleException}: {@code 500 Internal Server Error}, with the cycle in the property
 * {@code cycle}: actors that call each other in a circle are a programming error, which a retry cannot fix.</li>
 * </ul>
 * The exception may reach Spring MVC directly (a controller returns the {@code CompletableFuture} of a call) or as
 * the cause of a {@link java.util.concurrent.CompletionException} (a controller calls {@code join()}); both are
 * mapped. This advice has the lowest precedence, so an {@code @ExceptionHandler} of the application for the same
 * exceptions wins.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ActorExceptionHandler {

    /**
     * Seconds a client should wait before it retries a request that got a 503, by default.
     */
    static final long RETRY_AFTER_SECONDS = 1;

    private final String retryAfter;

    /**
     * Creates a handler that tells clients to retry after a second.
     */
    public ActorExceptionHandler() {
        this(Duration.ofSeconds(RETRY_AFTER_SECONDS));
    }

    /**
     * Creates a handler with the given {@code Retry-After}.
     *
     * @param retryAfter how long a client should wait before it retries after a 503; whole seconds, rounded up
     * @throws IllegalArgumentException when it is negative
     */
    public ActorExceptionHandler(Duration retryAfter) {
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("Retry-After must not be negative but was " + retryAfter);
        }
        long seconds = retryAfter.getSeconds() + ((retryAfter.getNano() > 0) ? 1 : 0);
        this.retryAfter = Long.toString(seconds);
    }

    /**
     * Maps a full mailbox to {@code 503 Service Unavailable}.
     *
     * @param ex the exception
     * @return the problem, with {@code Retry-After}
     */
    @ExceptionHandler(MailboxFullException.class)
    public ResponseEntity<ProblemDetail> handleMailboxFull(MailboxFullException ex) {
        return unavailable(ex, "Actor '" + ex.actorName() + "' cannot take the request now: its mailbox is full.");
    }

    /**
     * Maps a stopping or stopped actor to {@code 503 Service Unavailable}.
     *
     * @param ex the exception
     * @return the problem, with {@code Retry-After}
     */
    @ExceptionHandler(ActorClosedException.class)
    public ResponseEntity<ProblemDetail> handleActorClosed(ActorClosedException ex) {
        return unavailable(ex, "Actor '" + ex.actorName() + "' is not taking requests: it is stopping or stopped.");
    }

    /**
     * Maps a call that got no reply in time to {@code 504 Gateway Timeout}.
     *
     * @param ex the exception
     * @return the problem
     */
    @ExceptionHandler(ActorCallTimeoutException.class)
    public ResponseEntity<ProblemDetail> handleCallTimeout(ActorCallTimeoutException ex) {
        ProblemDetail problem = problem(HttpStatus.GATEWAY_TIMEOUT, ex, "Actor '" + ex.actorName()
                + "' did not reply within " + ex.timeout().toMillis() + " ms.");
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(problem);
    }

    /**
     * Maps async work that did not complete within the actor's {@code async-timeout} to {@code 504 Gateway Timeout}.
     *
     * @param ex the exception
     * @return the problem
     */
    @ExceptionHandler(ActorAsyncTimeoutException.class)
    public ResponseEntity<ProblemDetail> handleAsyncTimeout(ActorAsyncTimeoutException ex) {
        ProblemDetail problem = problem(HttpStatus.GATEWAY_TIMEOUT, ex, "Actor '" + ex.actorName()
                + "' did not complete its work within " + ex.timeout().toMillis() + " ms.");
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(problem);
    }

    /**
     * Maps a call cycle to {@code 500 Internal Server Error}: a programming error, not an overload, so no
     * {@code Retry-After}.
     *
     * @param ex the exception
     * @return the problem, naming the cycle
     */
    @ExceptionHandler(ActorCallCycleException.class)
    public ResponseEntity<ProblemDetail> handleCallCycle(ActorCallCycleException ex) {
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ex,
                "Actors call each other in a cycle: " + ex.cycle() + ".");
        problem.setProperty("cycle", ex.cycle());
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    private ResponseEntity<ProblemDetail> unavailable(ActorException ex, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, this.retryAfter)
            .body(problem(HttpStatus.SERVICE_UNAVAILABLE, ex, detail));
    }

    private static ProblemDetail problem(HttpStatus status, ActorException ex, String detail) {
        // The exception's own message is for operators (it names settings to change); clients get a plain detail.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("actor", ex.actorName());
        return problem;
    }
}
