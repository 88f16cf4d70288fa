package dev.actors.autoconfigure.actuate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
import dev.actors.KeyedActorRef;

/**
 * {@link Endpoint @Endpoint} exposing the actors of an {@link ActorSystem}: their state, mailbox, settings that shape
 * their behaviour under load, and counts; for a keyed actor, its keys taken together and the keys with the deepest
 * mailboxes, and one key at {@code /actuator/actors/{name}/keys/{key}}. Durations are ISO-8601 strings and enum values lower-case, as they are
 * written in configuration.
 */
@Endpoint(id = "actors")
public class ActorsEndpoint {

    /** How many of a keyed actor's keys are shown, deepest mailboxes first. */
    static final int DEEPEST_KEYS = 10;

    private static final String KEYS_SEGMENT = "keys";

    private final ActorSystem actorSystem;

    private final @Nullable ActorsClusterView cluster;

    /**
     * Creates an endpoint over the given actor system.
     *
     * @param actorSystem the actor system to describe
     */
    public ActorsEndpoint(ActorSystem actorSystem) {
        this(actorSystem, null);
    }

    /**
     * Creates an endpoint over the given actor system, one instance of a cluster.
     *
     * @param actorSystem the actor system to describe
     * @param cluster the cluster this instance is part of, or {@code null} for none
     */
    public ActorsEndpoint(ActorSystem actorSystem, @Nullable ActorsClusterView cluster) {
        this.actorSystem = actorSystem;
        this.cluster = cluster;
    }

    /**
     * Describes every actor, in creation order.
     *
     * @return the actors
     */
    @ReadOperation
    public ActorsDescriptor actors() {
        return new ActorsDescriptor(this.actorSystem.actors().stream().map(ActorDescriptor::of).toList(),
                this.actorSystem.keyedActors().stream().map(KeyedActorDescriptor::of).toList(),
                (this.cluster != null) ? new ClusterDescriptor(this.cluster.selfAddress(), this.cluster.members())
                        : null);
    }

    /**
     * Describes one actor, keyed or not.
     *
     * @param name the actor's name
     * @return the actor (an {@link ActorDescriptor} or a {@link KeyedActorDescriptor}), or {@code null} (a 404 over
     *     HTTP) when there is none of that name
     */
    @ReadOperation
    public @Nullable OperationResponseBody actor(@Selector String name) {
        OperationResponseBody actor = this.actorSystem.find(name).map(ActorDescriptor::of).orElse(null);
        return (actor != null) ? actor : this.actorSystem.findKeyed(name).map(KeyedActorDescriptor::of).orElse(null);
    }

    /**
     * Describes one key of a keyed actor: {@code GET /actuator/actors/{name}/keys/{key}}.
     *
     * @param name the keyed actor's name
     * @param keys the literal path segment {@code keys}
     * @param key the key
     * @return the key's live instance (a {@link KeyDescriptor}), or {@code null} (a 404 over HTTP) when the actor or a
     *     live instance of the key does not exist; in a cluster, which instance holds the key (a
     *     {@link ClusterKeyDescriptor}), or {@code null} when there is no such keyed actor
     */
    @ReadOperation
    public @Nullable OperationResponseBody key(@Selector String name, @Selector String keys, @Selector String key) {
        if (!KEYS_SEGMENT.equals(keys)) {
            return null;
        }
        Optional<KeyedActorRef<?, ?>> actor = this.actorSystem.findKeyed(name);
        KeyDescriptor instance = actor.flatMap((keyed) -> keyed.stats(key))
            .map((stats) -> KeyDescriptor.of(key, stats))
            .orElse(null);
        if (this.cluster == null || actor.isEmpty()) {
            return instance;
        }
        ActorsClusterView.KeyHolder holder = this.cluster.locate(name, key).orElse(null);
        return new ClusterKeyDescriptor(key, (holder != null) ? holder.shard() : null,
                (holder != null) ? holder.address() : null, holder != null && holder.local(), instance);
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
     * @param keyedActors the keyed actors, in creation order
     * @param cluster the cluster this instance is part of, or {@code null} for a single instance
     */
    public record ActorsDescriptor(List<ActorDescriptor> actors, List<KeyedActorDescriptor> keyedActors,
            @Nullable ClusterDescriptor cluster) implements OperationResponseBody {
    }

    /**
     * The cluster this instance is part of, as this instance sees it.
     *
     * @param address this instance's address, {@code host:port}
     * @param members the members, with their status and reachability
     */
    public record ClusterDescriptor(@Nullable String address, List<ActorsClusterView.Member> members) {
    }

    /**
     * Which instance of the cluster holds a key.
     *
     * @param key the key
     * @param shard its shard, or {@code null} when unknown
     * @param address the instance that holds the shard, or {@code null} when no instance holds it yet (the key's
     *     next message allocates it)
     * @param local whether that instance is this one
     * @param instance the key's live instance here, or {@code null} when it has none here
     */
    public record ClusterKeyDescriptor(String key, @Nullable String shard, @Nullable String address, boolean local,
            @Nullable KeyDescriptor instance) implements OperationResponseBody {
    }

    /**
     * One keyed actor: its keys taken together, and the keys with the deepest mailboxes.
     *
     * @param name its name
     * @param kind {@code actor} or {@code batch}
     * @param state {@code running}; {@code failed} while its factory threw at the last activations in a row (its kind
     *     cannot serve); {@code stopping} or {@code stopped}
     * @param activeCount keys with a live instance
     * @param passivateAfter how long a key stays idle before it is passivated, ISO-8601
     * @param maxActive the most live instances
     * @param mailboxSize messages waiting now, over every live key
     * @param mailboxCapacity each key's mailbox bound
     * @param overflow what a send to a full mailbox does: {@code reject} or {@code block}
     * @param callTimeout the default timeout of a call, ISO-8601
     * @param onFailure what a failure of the handler does to the key's instance
     * @param counts what happened to its messages so far, over every key
     * @param lastError the last failure of a handler or factory, or {@code null}
     * @param deepestKeys at most {@value #DEEPEST_KEYS} live keys, deepest mailbox first
     */
    public record KeyedActorDescriptor(String name, String kind, String state, int activeCount, String passivateAfter,
            int maxActive, int mailboxSize, int mailboxCapacity, String overflow, String callTimeout,
            String onFailure, CountsDescriptor counts, @Nullable String lastError, List<KeyDescriptor> deepestKeys)
            implements OperationResponseBody {

        static KeyedActorDescriptor of(KeyedActorRef<?, ?> actor) {
            ActorStats stats = actor.stats();
            ActorSettings settings = actor.settings();
            List<KeyDescriptor> deepest = actor.deepestMailboxes(DEEPEST_KEYS)
                .entrySet()
                .stream()
                .map((entry) -> KeyDescriptor.of(entry.getKey(), entry.getValue()))
                .toList();
            return new KeyedActorDescriptor(stats.name(), lowerCase(stats.kind()), lowerCase(stats.state()),
                    actor.activeCount(), settings.passivateAfter().toString(), settings.maxActive(),
                    stats.mailboxSize(), stats.mailboxCapacity(), lowerCase(settings.overflow()),
                    settings.callTimeout().toString(), lowerCase(settings.onFailure()), CountsDescriptor.of(stats),
                    describe(stats.lastError()), deepest);
        }
    }

    /**
     * One live key of a keyed actor.
     *
     * @param key the key
     * @param state its instance's life-cycle state, lower-case
     * @param mailboxSize messages waiting now
     * @param mailboxCapacity the mailbox bound
     * @param counts what happened to the messages of this instance so far
     * @param lastError the last failure of its handler, or {@code null}
     */
    public record KeyDescriptor(String key, String state, int mailboxSize, int mailboxCapacity,
            CountsDescriptor counts, @Nullable String lastError) implements OperationResponseBody {

        static KeyDescriptor of(String key, ActorStats stats) {
            return new KeyDescriptor(key, lowerCase(stats.state()), stats.mailboxSize(), stats.mailboxCapacity(),
                    CountsDescriptor.of(stats), describe(stats.lastError()));
        }
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
                    CountsDescriptor.of(stats), describe(stats.lastError()), batch);
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

        static CountsDescriptor of(ActorStats stats) {
            return new CountsDescriptor(stats.handled(), stats.failed(), stats.rejected(), stats.expired(),
                    stats.restarts());
        }
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
