package dev.actors.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

import dev.actors.ActorSettings;
import dev.actors.ActorSystem;
import dev.actors.KeyedActorRef;

/**
 * The three ways of keeping per-key state that the keyed benchmarks compare. Each key holds a counter; a call adds
 * to its key's counter and answers the new value.
 */
final class KeyedTargets {

    private KeyedTargets() {
    }

    /** One implementation: a call to a key, and the end of it. */
    interface KeyedTarget extends AutoCloseable {

        long call(String key, long amount);

        @Override
        void close();
    }

    static KeyedTarget create(String impl, int maxActive) {
        return switch (impl) {
            case "actors" -> new Actors(maxActive);
            case "pekko" -> new Pekko(maxActive);
            case "locks" -> new Locks();
            default -> throw new IllegalArgumentException("Unknown implementation '" + impl + "'");
        };
    }

    /** This project: a keyed actor, one instance per key. */
    static final class Actors implements KeyedTarget {

        final ActorSystem system = ActorSystem.create();

        final KeyedActorRef<Long, Long> counters;

        Actors(int maxActive) {
            this.counters = this.system.spawnKeyed("counters",
                    ActorSettings.builder().maxActive(maxActive).build(), (key) -> new dev.actors.Actor<Long, Long>() {
                        private long total;

                        @Override
                        public Long handle(Long amount) {
                            return this.total += amount;
                        }
                    });
        }

        @Override
        public long call(String key, long amount) {
            return this.counters.forKey(key).call(amount).join();
        }

        @Override
        public void close() {
            this.system.close();
        }
    }

    /**
     * Pekko typed: a parent actor that spawns one child per key on its first message and forwards to it, as a
     * sharding region's shard does in one JVM; beyond {@code maxActive} children it stops the oldest.
     */
    static final class Pekko implements KeyedTarget {

        private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

        final org.apache.pekko.actor.typed.ActorSystem<Object> system;

        Pekko(int maxActive) {
            this.system = org.apache.pekko.actor.typed.ActorSystem.create(parent(maxActive), "keyed",
                    PekkoTarget.config());
        }

        record Add(String key, long amount, ActorRef<Long> replyTo) {
        }

        static Behavior<Object> parent(int maxActive) {
            return Behaviors.setup((context) -> {
                Map<String, ActorRef<Add>> children = new LinkedHashMap<>();
                return Behaviors.receiveMessage((message) -> {
                    Add add = (Add) message;
                    ActorRef<Add> child = children.get(add.key());
                    if (child == null) {
                        if (children.size() >= maxActive) {
                            var eldest = children.entrySet().iterator().next();
                            context.stop(eldest.getValue());
                            children.remove(eldest.getKey());
                        }
                        child = context.spawnAnonymous(counter());
                        children.put(add.key(), child);
                    }
                    child.tell(add);
                    return Behaviors.same();
                });
            });
        }

        static Behavior<Add> counter() {
            long[] total = new long[1];
            return Behaviors.receiveMessage((add) -> {
                total[0] += add.amount();
                add.replyTo().tell(total[0]);
                return Behaviors.same();
            });
        }

        @Override
        public long call(String key, long amount) {
            return AskPattern.<Object, Long>ask(this.system, (replyTo) -> new Add(key, amount, replyTo), ASK_TIMEOUT,
                    this.system.scheduler()).toCompletableFuture().join();
        }

        @Override
        public void close() {
            PekkoTarget.terminate(this.system);
        }
    }

    /** What a Spring service does without actors: a map of entities, each guarded by its own lock. */
    static final class Locks implements KeyedTarget {

        private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();

        static final class Counter {

            final ReentrantLock lock = new ReentrantLock();

            long total;
        }

        @Override
        public long call(String key, long amount) {
            Counter counter = this.counters.computeIfAbsent(key, (k) -> new Counter());
            counter.lock.lock();
            try {
                return counter.total += amount;
            }
            finally {
                counter.lock.unlock();
            }
        }

        @Override
        public void close() {
        }
    }
}
