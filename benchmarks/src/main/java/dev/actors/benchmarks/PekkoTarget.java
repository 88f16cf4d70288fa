package dev.actors.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Apache Pekko typed actors with their defaults: the default dispatcher (a fork-join pool, throughput 5) and the
 * default typed mailbox (unbounded, single consumer; the benchmarks bound what is in flight themselves). A cast is
 * {@code tell}; a call is {@code AskPattern.ask(...).toCompletableFuture().join()} with a 5 s timeout, as this
 * project's default call timeout.
 */
final class PekkoTarget implements Target {

    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private final Sink sink;

    private final ActorSystem<Spawn> system;

    private final List<ActorRef<Object>> actors;

    PekkoTarget(int count) {
        this.sink = (count == 1) ? Sink.forOneActor() : Sink.forManyActors();
        this.system = ActorSystem.create(guardian(), "bench", config());
        this.actors = spawn(this.system, count, "echo-", this.sink);
    }

    /** Pekko quiet, everything else at its default. */
    static Config config() {
        return ConfigFactory.parseString("""
                pekko.loglevel = WARNING
                pekko.stdout-loglevel = WARNING
                pekko.log-dead-letters = off
                pekko.log-dead-letters-during-shutdown = off
                """).withFallback(ConfigFactory.load());
    }

    /** A guardian that spawns echo actors on request: typed actors are only spawned from inside an actor. */
    static Behavior<Spawn> guardian() {
        return Behaviors.setup((context) -> Behaviors.receiveMessage((spawn) -> {
            List<ActorRef<Object>> refs = new ArrayList<>(spawn.count);
            for (int i = 0; i < spawn.count; i++) {
                refs.add(context.spawn(echo(spawn.sink), spawn.prefix + i));
            }
            spawn.done.complete(refs);
            return Behaviors.same();
        }));
    }

    static List<ActorRef<Object>> spawn(ActorSystem<Spawn> system, int count, String prefix, Sink sink) {
        CompletableFuture<List<ActorRef<Object>>> done = new CompletableFuture<>();
        system.tell(new Spawn(count, prefix, sink, done));
        return done.join();
    }

    static Behavior<Object> echo(Sink sink) {
        return Behaviors.receiveMessage((message) -> {
            if (message instanceof Echo echo) {
                sink.accept(echo.value);
                echo.replyTo.tell(echo.value);
            }
            else {
                sink.accept(message);
            }
            return Behaviors.same();
        });
    }

    @Override
    public void cast(int actor, Long message) {
        this.actors.get(actor).tell(message);
    }

    @Override
    public Long call(Long message) {
        ActorRef<Object> actor = this.actors.get(0);
        return AskPattern.<Object, Long>ask(actor, (replyTo) -> new Echo(message, replyTo), ASK_TIMEOUT,
                this.system.scheduler()).toCompletableFuture().join();
    }

    @Override
    public long handled() {
        return this.sink.count();
    }

    @Override
    public void close() {
        terminate(this.system);
    }

    static void terminate(ActorSystem<?> system) {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Pekko did not terminate", ex);
        }
    }

    /** Asks the guardian for echo actors. */
    record Spawn(int count, String prefix, Sink sink, CompletableFuture<List<ActorRef<Object>>> done) {
    }

    /** A call: the reply goes to {@code replyTo}. */
    record Echo(Long value, ActorRef<Long> replyTo) {
    }
}
