package dev.actors.autoconfigure.actuate;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import dev.actors.ActorKind;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorStats;
import dev.actors.ActorSystem;

/**
 * {@link Endpoint @Endpoint} exposing the actors of an {@link ActorSystem}: their state, mailbox, settings that shape
 * their behaviour under load, and counts. Durations are ISO-8601 strings and enum values lower-case, as they are
 * written in configuration.
 */
@Endpoint(id = "actors")
public class ActorsEndpoint {

    private final ActorSystem actorSystem;

    /**
     * Creates an endpoint over the given actor system.
     *
     * @param actorSystem the actor system to describe
     */
    public ActorsEndpoint(ActorSystem actorSystem) {
        this.actorSystem = actorSystem;
    }

    /**
     * Describes every actor, in creation order.
     *
     * @return the actors
     */
    @ReadOperation
    public ActorsDescriptor actors() {
        return new ActorsDescriptor(this.actorSystem.actors().stream().map(ActorDescriptor::of).toList());
    }

    /**
     * Describes one actor.
     *
     * @param name the actor's name
     * @return the actor, or {@code null} (a 404 over HTTP) when there is none of that name
     */
    @ReadOperation
    public @Nullable ActorDescriptor actor(@Selector String name) {
        return this.actorSystem.find(name).map(ActorDescriptor::of).orElse(null);
    }

    static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static @Nullable String describe(@Nullable Throwable error) {
        return (error != null) ? error.getClass().getName() + ": " + error.getMessage() : null;
    }

    /**
     * Every actor of the application.
     *
     * @param actors the actors, in creation order
     */
    public record ActorsDescriptor(List<ActorDescriptor> actors) implements OperationResponseBody {
    }

    /**
     * One actor.
     *
     * @param name its name
     * @param kind {@code actor} or {@code batch}
     * @param state its life-cycle state, lower-case ({@code running}, {@code restarting}, {@code stopping},
     * {@code stopped} or {@code failed})
     * @param mailboxSize messages waiting now
     * @param mailboxCapacity the mailbox bound
     * @param overflow what a send to a full mailbox does: {@code reject} or {@code block}
     * @param callTimeout the default timeout of a call, ISO-8601
     * @param onFailure what a failure of the handler does: {@code resume}, {@code restart} or {@code stop}
     * @param counts what happened to its messages so far
     * @param lastError the last failure of the handler as {@code ExceptionClass: message}, or {@code null}
     * @param batch the batching of a batch actor, or {@code null} for a plain actor
     */
    public record ActorDescriptor(String name, String kind, String state, int mailboxSize, int mailboxCapacity,
            String overflow, String callTimeout, String onFailure, CountsDescriptor counts, @Nullable String lastError,
            @Nullable BatchDescriptor batch) implements OperationResponseBody {

        static ActorDescriptor of(ActorRef<?, ?> actor) {
            ActorStats stats = actor.stats();
            ActorSettings settings = actor.settings();
            BatchDescriptor batch = (stats.kind() == ActorKind.BATCH) ? new BatchDescriptor(settings.batchMaxSize(),
                    settings.batchMaxTime().toString(), lowerCase(settings.batchOnFailure()).replace('_', '-'),
                    stats.flushes(), stats.batchRetries(), stats.lastFlushSize()) : null;
            return new ActorDescriptor(stats.name(), lowerCase(stats.kind()), lowerCase(stats.state()),
                    stats.mailboxSize(), stats.mailboxCapacity(), lowerCase(settings.overflow()),
                    settings.callTimeout().toString(), lowerCase(settings.onFailure()),
                    new CountsDescriptor(stats.handled(), stats.failed(), stats.rejected(), stats.expired(),
                            stats.restarts()),
                    describe(stats.lastError()), batch);
        }
    }

    /**
     * What happened to an actor's messages so far.
     *
     * @param handled messages handled successfully
     * @param failed messages whose handler (or batch) threw
     * @param rejected messages not accepted, or failed unhandled, because the mailbox was full or the actor stopped
     * @param expired messages skipped because their caller's timeout passed while they were queued
     * @param restarts restarts by the failure policy
     */
    public record CountsDescriptor(long handled, long failed, long rejected, long expired, long restarts) {
    }

    /**
     * The batching of a batch actor.
     *
     * @param maxSize the most messages per batch
     * @param maxTime the linger: the longest a batch's first message waits for the batch to fill, ISO-8601
     *     ({@code PT0S}: adaptive batching)
     * @param onFailure what a batch whose handler threw does: {@code fail-batch} or {@code bisect}
     * @param flushes calls of the batch handler so far, retries included
     * @param retries calls of the batch handler that retried part of a failed batch ({@code bisect})
     * @param lastFlushSize the size of the last batch
     */
    public record BatchDescriptor(int maxSize, String maxTime, String onFailure, long flushes, long retries,
            int lastFlushSize) {
    }
}
