package dev.actors.benchmarks;

import java.util.concurrent.ExecutorService;

import dev.actors.ActorExecutors;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorStats;
import dev.actors.ActorSystem;

/**
 * This project: {@code actor-core} with its default executor (a pool of platform threads) or, on JDK 21+, with a
 * virtual thread per run. Settings are the defaults but for the mailbox capacity ({@link Target#CAPACITY}).
 */
final class ActorsTarget implements Target {

    private final Sink sink;

    private final ExecutorService virtualThreads;

    private final ActorSystem system;

    private final ActorRef<Long, Long>[] actors;

    @SuppressWarnings("unchecked")
    ActorsTarget(boolean virtual, int count) {
        this.sink = (count == 1) ? Sink.forOneActor() : Sink.forManyActors();
        ActorSystem.Builder builder = ActorSystem.builder().threadNamePrefix("actors-");
        if (virtual) {
            this.virtualThreads = ActorExecutors.virtualThreads()
                .orElseThrow(() -> new IllegalStateException("actors-virtual needs JDK 21 or later"));
            builder.executor(this.virtualThreads);
        }
        else {
            this.virtualThreads = null;
        }
        this.system = builder.build();
        ActorSettings settings = ActorSettings.builder().mailboxCapacity(CAPACITY).build();
        Sink sink = this.sink;
        this.actors = new ActorRef[count];
        for (int i = 0; i < count; i++) {
            this.actors[i] = this.system.spawn("echo-" + i, settings, () -> (message) -> {
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
        if (this.virtualThreads != null) {
            this.virtualThreads.shutdown();
        }
        if (rejected != 0) {
            throw new IllegalStateException(rejected + " messages were rejected or expired: the run is not valid");
        }
    }
}
