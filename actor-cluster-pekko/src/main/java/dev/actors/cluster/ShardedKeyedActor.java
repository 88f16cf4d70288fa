package dev.actors.cluster;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

import dev.actors.ActorCallTimeoutException;
import dev.actors.ActorHandle;
import dev.actors.KeyedActorHandle;
import dev.actors.KeyedActorRef;
import dev.actors.cluster.EntityCommand.Call;
import dev.actors.cluster.EntityCommand.Cast;
import dev.actors.spi.KeyedActorSpec;

/**
 * A keyed actor spread over the cluster: its handle sends each key's messages to the entity of that key, wherever
 * it runs, and the entities of the keys this instance owns hand them to {@link #local()}.
 *
 * @param <M> the message type
 * @param <R> the reply type
 */
final class ShardedKeyedActor<M, R> implements KeyedActorHandle<M, R> {

    /** Runs a continuation on the thread that completes the stage. */
    private static final Executor SAME_THREAD = Runnable::run;

    private final ActorCluster cluster;

    private final KeyedActorSpec<M, R> spec;

    private final KeyedActorRef<M, R> local;

    private final EntityTypeKey<EntityCommand> typeKey;

    /** Set once the local keyed actor has made an instance that replies to a call itself ({@link RelayedCall}). */
    private final AtomicBoolean handlersReply;

    private final AtomicInteger entities = new AtomicInteger();

    private final AtomicLong expired = new AtomicLong();

    private final AtomicLong timedOutHere = new AtomicLong();

    ShardedKeyedActor(ActorCluster cluster, KeyedActorSpec<M, R> spec, KeyedActorRef<M, R> local,
            AtomicBoolean handlersReply) {
        this.cluster = cluster;
        this.spec = spec;
        this.local = local;
        this.typeKey = EntityTypeKey.create(EntityCommand.class, spec.name());
        this.handlersReply = handlersReply;
    }

    @Override
    public String name() {
        return this.spec.name();
    }

    @Override
    public ActorHandle<M, R> forKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Actor '" + name() + "': a key must not be null or empty");
        }
        return new KeyHandle(key);
    }

    KeyedActorSpec<M, R> spec() {
        return this.spec;
    }

    KeyedActorRef<M, R> local() {
        return this.local;
    }

    boolean relaysCalls() {
        return this.handlersReply.get();
    }

    EntityTypeKey<EntityCommand> typeKey() {
        return this.typeKey;
    }

    LongSupplier clock() {
        return this.cluster.clock();
    }

    int entities() {
        return this.entities.get();
    }

    long expired() {
        return this.expired.get();
    }

    void entityStarted() {
        this.entities.incrementAndGet();
    }

    void entityStopped() {
        this.entities.decrementAndGet();
    }

    void callExpired() {
        this.expired.incrementAndGet();
    }

    /** A call handed to the local key timed out there (a queued one is then skipped by the local runtime). */
    void callTimedOutHere() {
        this.timedOutHere.incrementAndGet();
    }

    long timedOutHere() {
        return this.timedOutHere.get();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * The handle of one key.
     */
    private final class KeyHandle implements ActorHandle<M, R> {

        private final String key;

        KeyHandle(String key) {
            this.key = key;
        }

        @Override
        public String name() {
            return ShardedKeyedActor.this.name();
        }

        @Override
        public CompletableFuture<R> call(M message) {
            return call(message, ShardedKeyedActor.this.spec.settings().callTimeout());
        }

        @Override
        public CompletableFuture<R> call(M message, Duration timeout) {
            Objects.requireNonNull(message, () -> "Actor '" + name() + "': the message must not be null");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(
                        "Actor '" + name() + "': the call timeout must be positive but was " + timeout);
            }
            EntityRef<EntityCommand> entity;
            try {
                entity = ShardedKeyedActor.this.cluster.entityRef(ShardedKeyedActor.this, this.key);
            }
            catch (RuntimeException ex) {
                return CompletableFuture.failedFuture(ex);
            }
            long deadline = clock().getAsLong() + timeout.toMillis();
            CompletableFuture<R> result = new CompletableFuture<>();
            // Not whenComplete: Pekko's Java ask answers with Scala's CompletableFuture, whose non-async methods
            // are its async ones on the default executor, which on two cores or fewer starts a thread per task.
            entity.<Reply>ask((replyTo) -> new Call(message, deadline, replyTo), timeout)
                .whenCompleteAsync((reply, failure) -> completeOnItsThread(result, reply, failure, timeout),
                        SAME_THREAD);
            return result;
        }

        /**
         * Completes the caller's future on the thread that completed the key's call, when that is the local key's
         * actor thread, as a call in one JVM completes: no thread hand-off. Anything else arrives on a Pekko thread
         * (remoting for a reply from another instance, the scheduler for a timeout, the entity's for a refusal)
         * that the caller's continuations must not hold: it completes on {@link ActorCluster#completions()}.
         */
        private void completeOnItsThread(CompletableFuture<R> result, Reply reply, Throwable failure,
                Duration timeout) {
            if (failure == null && reply.fromActorThread()) {
                complete(result, reply, null, timeout);
                return;
            }
            try {
                ShardedKeyedActor.this.cluster.completions().execute(() -> complete(result, reply, failure, timeout));
            }
            catch (Throwable ex) {
                // Refused (the cluster is stopping): a completion on this thread beats a caller left hanging.
                complete(result, reply, failure, timeout);
            }
        }

        @SuppressWarnings("unchecked")
        private void complete(CompletableFuture<R> result, Reply reply, Throwable failure, Duration timeout) {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                result.completeExceptionally((cause instanceof TimeoutException)
                        ? new ActorCallTimeoutException(name(), timeout) : cause);
            }
            else if (reply.failure() != null) {
                result.completeExceptionally(reply.failure().toException(name(), timeout));
            }
            else {
                result.complete((R) reply.value());
            }
        }

        @Override
        public void cast(M message) {
            Objects.requireNonNull(message, () -> "Actor '" + name() + "': the message must not be null");
            ShardedKeyedActor.this.cluster.entityRef(ShardedKeyedActor.this, this.key).tell(new Cast(message));
        }

        @Override
        public String toString() {
            return "ActorHandle{" + name() + "[" + this.key + "]}";
        }
    }
}
