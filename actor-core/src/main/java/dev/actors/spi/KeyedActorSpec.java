package dev.actors.spi;

import java.util.Objects;
import java.util.function.Function;

import dev.actors.ActorKind;
import dev.actors.ActorSettings;

/**
 * What a {@link KeyedActorHost} needs to know of one keyed actor.
 *
 * @param name the actor's name, unique in the application
 * @param kind how its instances handle messages
 * @param settings the settings each key's instance runs with
 * @param messageType the message type (a distributed host checks that it can cross the wire)
 * @param replyType the reply type
 * @param instanceFactory makes the instance of a key (an {@code Actor}, {@code BatchActor} or an async kind, as
 *     {@code kind} and {@code async} say), at activation and at every restart
 * @param async whether the instances' handlers return a stage: an {@code AsyncActor} (kind {@code ACTOR}) or an
 *     {@code AsyncBatchActor} (kind {@code BATCH}); each key then takes its next message only once the stage
 *     completed or its {@code async-timeout} passed
 * @param <M> the message type
 * @param <R> the reply type
 */
public record KeyedActorSpec<M, R>(String name, ActorKind kind, ActorSettings settings, Class<M> messageType,
        Class<R> replyType, Function<String, ?> instanceFactory, boolean async) {

    /**
     * Describes a keyed actor whose handlers return their result: an {@code Actor} or a {@code BatchActor}.
     *
     * @param name the actor's name
     * @param kind how its instances handle messages
     * @param settings the settings each key's instance runs with
     * @param messageType the message type
     * @param replyType the reply type
     * @param instanceFactory makes the instance of a key
     */
    public KeyedActorSpec(String name, ActorKind kind, ActorSettings settings, Class<M> messageType,
            Class<R> replyType, Function<String, ?> instanceFactory) {
        this(name, kind, settings, messageType, replyType, instanceFactory, false);
    }

    /**
     * Checks that nothing is missing.
     *
     * @param name the actor's name
     * @param kind how its instances handle messages
     * @param settings the settings each key's instance runs with
     * @param messageType the message type
     * @param replyType the reply type
     * @param instanceFactory makes the instance of a key
     * @param async whether the instances' handlers return a stage
     */
    public KeyedActorSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(replyType, "replyType");
        Objects.requireNonNull(instanceFactory, "instanceFactory");
    }
}
