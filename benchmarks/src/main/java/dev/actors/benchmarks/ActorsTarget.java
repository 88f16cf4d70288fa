package dev.actors.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

import dev.actors.ActorExecutors;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorStats;
import dev.actors.ActorSystem;

/**
 * This project: {@code actor-core} with its default executor (a pool of platform threads), on JDK 21+ with a
 * virtual thread per run, or (for experiments, not in the default run) on a work-stealing {@link ForkJoinPool} of
 * the default size in async mode, the kind of pool Pekko's default dispatcher uses. Settings are the defaults but
 * for the mailbox capacity ({@link Target#CAPACITY}). With {@code async}, each receiver is an {@code AsyncActor}
 * whose stage completes on a thread of its own (an async client's), so every message is a hand-off there and back.
 */
final class ActorsTarget implements Target {

    private final Sink sink;

    /** What to shut down: the virtual-thread or fork-join executor, when this target made one. */
    private final ExecutorService ownExecutor;

    /** Completes the async actors' stages: the thread of an async client. */
    private final ExecutorService completer;

    private final ActorSystem system;

    private final ActorRef<Long, Long>[] actors;

    /** Which executor runs the actors. */
    enum Executor {
        DEFAULT, VIRTUAL, FORK_JOIN
    }

    ActorsTarget(Executor executor, int count) {
        this(executor, count, false);
    }

    @SuppressWarnings("unchecked")
    ActorsTarget(Executor executor, int count, boolean async) {
        this.sink = (count == 1) ? Sink.forOneActor() : Sink.forManyActors();
        ActorSystem.Builder builder = ActorSystem.builder().threadNamePrefix("actors-");
        this.ownExecutor = switch (executor) {
            case DEFAULT -> null;
            case VIRTUAL -> ActorExecutors.virtualThreads()
                .orElseThrow(() -> new IllegalStateException("actors-virtual needs JDK 21 or later"));
            case FORK_JOIN -> new ForkJoinPool(ActorExecutors.defaultThreadCount(),
                    ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true);
        };
        if (this.ownExecutor != null) {
            builder.executor(this.ownExecutor);
        }
        this.system = builder.build();
        ActorSettings.Builder settings = ActorSettings.builder().mailboxCapacity(CAPACITY);
        Long spinNanos = Long.getLong("bench.spinNanos");
        if (spinNanos != null) {
            // For before/after measurements of the spin: -jvmArgsAppend -Dbench.spinNanos=0 turns it off.
            settings.spinBeforeIdle(Duration.ofNanos(spinNanos));
        }
        Sink sink = this.sink;
        this.actors = new ActorRef[count];
        this.completer = async ? Executors.newSingleThreadExecutor() : null;
        ExecutorService completer = this.completer;
        for (int i = 0; i < count; i++) {
            this.actors[i] = async
                    ? this.system.spawnAsync("echo-" + i, settings.build(),
                            () -> (message) -> CompletableFuture.supplyAsync(() -> {
                                sink.accept(message);
                                return message;
                            }, completer))
                    : this.system.spawn("echo-" + i, settings.build(), () -> (message) -> {
                        sink.accept(message);
                        return message;
                    });
        }
    }

    @Override
    public void cast(int actor, Long message) {
        this.actors[actor].cast(message);
    }

    @Override
    public Long call(Long message) {
        return this.actors[0].call(message).join();
    }

    @Override
    public long handled() {
        return this.sink.count();
    }

    @Override
    public void close() {
        long rejected = 0;
        for (ActorRef<Long, Long> actor : this.actors) {
            ActorStats stats = actor.stats();
            rejected += stats.rejected() + stats.expired();
        }
        this.system.close();
        if (this.completer != null) {
            this.completer.shutdown();
        }
        if (this.ownExecutor != null) {
            this.ownExecutor.shutdown();
        }
        if (rejected != 0) {
            throw new IllegalStateException(rejected + " messages were rejected or expired: the run is not valid");
        }
    }
}
