package dev.actors.cluster;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.actors.Actor;
import dev.actors.ActorClosedException;
import dev.actors.ActorHandle;
import dev.actors.ActorKind;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorState;
import dev.actors.ActorSystem;
import dev.actors.KeyedActorRef;
import dev.actors.spi.KeyedActorSpec;

/**
 * A small stand-in for the local keyed runtime: one plain actor per key in an {@link ActorSystem}, created on the
 * key's first message, stopped by {@link KeyedActorRef#passivate(String)}; it counts passivations.
 */
public final class StandInKeyedActors implements LocalKeyedActors {

    private final ActorSystem system;

    private final Map<String, StandInRef<?, ?>> refs = new ConcurrentHashMap<>();

    public StandInKeyedActors(ActorSystem system) {
        this.system = system;
    }

    @Override
    public <M, R> KeyedActorRef<M, R> spawn(KeyedActorSpec<M, R> spec) {
        StandInRef<M, R> ref = new StandInRef<>(this.system, spec);
        this.refs.put(spec.name(), ref);
        return ref;
    }

    public StandInRef<?, ?> ref(String name) {
        return this.refs.get(name);
    }

    public static final class StandInRef<M, R> implements KeyedActorRef<M, R> {

        private final ActorSystem system;

        private final KeyedActorSpec<M, R> spec;

        private final Map<String, ActorRef<M, R>> keys = new ConcurrentHashMap<>();

        private final AtomicInteger activations = new AtomicInteger();

        public final AtomicInteger passivations = new AtomicInteger();

        /** Passivations of a key whose actor had already been stopped by something else (a shutdown). */
        public final AtomicInteger passivationsAfterStop = new AtomicInteger();

        private volatile boolean stopped;

        StandInRef(ActorSystem system, KeyedActorSpec<M, R> spec) {
            this.system = system;
            this.spec = spec;
        }

        @Override
        public String name() {
            return this.spec.name();
        }

        @Override
        public ActorHandle<M, R> forKey(String key) {
            if (this.stopped) {
                return new ClosedHandle<>(name());
            }
            return this.keys.computeIfAbsent(key, this::activate);
        }

        @SuppressWarnings("unchecked")
        private ActorRef<M, R> activate(String key) {
            return this.system.spawn(name() + "/" + key + "#" + this.activations.incrementAndGet(),
                    this.spec.settings(), () -> (Actor<M, R>) this.spec.instanceFactory().apply(key));
        }

        @Override
        public ActorKind kind() {
            return this.spec.kind();
        }

        @Override
        public ActorSettings settings() {
            return this.spec.settings();
        }

        @Override
        public int activeCount() {
            return this.keys.size();
        }

        @Override
        public CompletableFuture<Void> passivate(String key) {
            ActorRef<M, R> ref = this.keys.remove(key);
            if (ref == null) {
                return CompletableFuture.completedFuture(null);
            }
            this.passivations.incrementAndGet();
            if (ref.state() != ActorState.RUNNING) {
                this.passivationsAfterStop.incrementAndGet();
            }
            return ref.stop();
        }

        @Override
        public CompletableFuture<Void> stop() {
            this.stopped = true;
            return CompletableFuture.allOf(
                    this.keys.values().stream().map(ActorRef::stop).toArray(CompletableFuture[]::new));
        }
    }

    private record ClosedHandle<M, R>(String name) implements ActorHandle<M, R> {

        @Override
        public CompletableFuture<R> call(M message) {
            return CompletableFuture.failedFuture(new ActorClosedException(this.name, "stopped"));
        }

        @Override
        public CompletableFuture<R> call(M message, java.time.Duration timeout) {
            return call(message);
        }

        @Override
        public void cast(M message) {
            throw new ActorClosedException(this.name, "stopped");
        }
    }
}
