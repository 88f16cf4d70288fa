package dev.actors.test;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.actors.Actor;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;
import dev.actors.AsyncActor;
import dev.actors.BatchActor;
import dev.actors.KeyedActorRef;

/**
 * Unit tests of actors without Spring and without threads: a real {@link ActorSystem} whose executor is the test's
 * thread and whose clock is a {@link ManualClock}. The actors run on the runtime's own cells, mailboxes, supervision
 * and timers; only the thread and the time are the test's.
 *
 * <pre>{@code
 * try (ActorTestKit kit = ActorTestKit.create()) {
 *     TestActor<String, Integer> counter = kit.spawn("counter", CounterActor::new);
 *     counter.cast("add");
 *     assertThat(counter.ask("get")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>What runs when:
 * <ul>
 * <li>Sending through a {@link TestActor} handles the message before the send returns, with everything it set off
 * (messages the actor sent to other actors of the kit included).</li>
 * <li>Sending through {@link TestActor#ref()} (or a handle given to the code under test) only queues: the messages
 * are handled at the next {@link #runAll()}, or by the next send through a {@code TestActor}. That is how a test
 * queues several messages for one batch.</li>
 * <li>Time stands still until {@link #advance(Duration)}: call timeouts, a batch's {@code max-time} and the other
 * deadlines of the runtime fire then, in deadline order, each followed by what it woke.</li>
 * </ul>
 *
 * <p>Other kinds of actor (async, keyed) are created on {@link #system()} and slot in the same way: their runs and
 * timers go through this kit. A kit is for one test's thread.
 *
 * <p>One thing differs from production: every actor runs on the same thread. A handler that blocks on a call to
 * another actor of the kit ({@code other.call(m).join()}) would wait for ever, since that actor can only run once the
 * handler returns; give such an actor a {@link TestInbox} that answers instead.
 */
public final class ActorTestKit implements AutoCloseable {

    private final ManualExecutor executor = new ManualExecutor();

    private final ManualClock clock = new ManualClock();

    private final ActorSystem system;

    private ActorTestKit(ActorSettings defaults) {
        this.system = ActorSystem.builder()
            .executor(this.executor)
            .clock(this.clock)
            .defaults(defaults)
            .build();
    }

    /**
     * Creates a kit whose actors have the default settings unless told otherwise.
     *
     * @return a new kit
     */
    public static ActorTestKit create() {
        return create(ActorSettings.defaults());
    }

    /**
     * Creates a kit with default settings of its own.
     *
     * @param defaults the settings of the actors spawned without settings
     * @return a new kit
     */
    public static ActorTestKit create(ActorSettings defaults) {
        return new ActorTestKit(Objects.requireNonNull(defaults, "defaults"));
    }

    /**
     * Returns the kit's actor system, to create other kinds of actor on it or hand it to the code under test.
     *
     * @return the actor system
     */
    public ActorSystem system() {
        return this.system;
    }

    /**
     * Returns the kit's clock.
     *
     * @return the clock
     */
    public ManualClock clock() {
        return this.clock;
    }

    /**
     * Creates and starts an actor with the kit's default settings.
     *
     * @param name the actor's name
     * @param factory makes the instance, now and at every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor, driven by this kit
     */
    public <M, R> TestActor<M, R> spawn(String name, Supplier<? extends Actor<M, R>> factory) {
        return driven(this.system.spawn(name, factory));
    }

    /**
     * Creates and starts an actor.
     *
     * @param name the actor's name
     * @param settings its settings
     * @param factory makes the instance, now and at every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor, driven by this kit
     */
    public <M, R> TestActor<M, R> spawn(String name, ActorSettings settings,
            Supplier<? extends Actor<M, R>> factory) {
        return driven(this.system.spawn(name, settings, factory));
    }

    /**
     * Creates and starts a batch actor.
     *
     * @param name the actor's name
     * @param settings its settings, the batch limits included
     * @param factory makes the instance, now and at every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor, driven by this kit
     */
    public <M, R> TestActor<M, R> spawnBatch(String name, ActorSettings settings,
            Supplier<? extends BatchActor<M, R>> factory) {
        return driven(this.system.spawnBatch(name, settings, factory));
    }

    /**
     * Creates and starts an async actor. Its handler's stage is the test's to complete: once it has, {@link #runAll()}
     * (or {@link TestActor#flush()}) lets the actor apply the outcome and go on.
     *
     * @param name the actor's name
     * @param settings its settings
     * @param factory makes the instance, now and at every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor, driven by this kit
     */
    public <M, R> TestActor<M, R> spawnAsync(String name, ActorSettings settings,
            Supplier<? extends AsyncActor<M, R>> factory) {
        return driven(this.system.spawnAsync(name, settings, factory));
    }

    /**
     * Creates a keyed actor: one instance per entity key, activated by the key's first message and passivated when
     * idle for {@code passivate-after} by the kit's clock, or beyond {@code max-active}.
     *
     * @param name the actor's name
     * @param settings the settings of each key, {@code passivate-after} and {@code max-active} included
     * @param factory makes the instance of a key, from the key, at its activation and at every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the keyed actor, driven by this kit
     */
    public <M, R> TestKeyedActor<M, R> spawnKeyed(String name, ActorSettings settings,
            Function<String, ? extends Actor<M, R>> factory) {
        return driven(this.system.spawnKeyed(name, settings, factory));
    }

    /**
     * Creates a keyed batch actor: as {@link #spawnKeyed(String, ActorSettings, Function)}, each key collecting its
     * own batches.
     *
     * @param name the actor's name
     * @param settings the settings of each key, the batch limits included
     * @param factory makes the instance of a key, from the key, at its activation and at every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the keyed actor, driven by this kit
     */
    public <M, R> TestKeyedActor<M, R> spawnKeyedBatch(String name, ActorSettings settings,
            Function<String, ? extends BatchActor<M, R>> factory) {
        return driven(this.system.spawnKeyedBatch(name, settings, factory));
    }

    /**
     * Drives an actor created on {@link #system()} (an async or other kind) through this kit.
     *
     * @param ref the actor
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor, driven by this kit
     */
    public <M, R> TestActor<M, R> driven(ActorRef<M, R> ref) {
        return new TestActor<>(this, ref);
    }

    /**
     * Drives a keyed actor made on {@link #system()}: any kind of keyed actor.
     *
     * @param ref the keyed actor
     * @param <M> the message type
     * @param <R> the reply type
     * @return the keyed actor, driven by this kit
     */
    public <M, R> TestKeyedActor<M, R> driven(KeyedActorRef<M, R> ref) {
        return new TestKeyedActor<>(this, ref);
    }

    /**
     * Creates a stand-in for an actor that the one under test talks to: it records what it is sent.
     *
     * @param name the name it answers to
     * @param <M> the message type
     * @param <R> the reply type
     * @return a new inbox
     */
    public <M, R> TestInbox<M, R> inbox(String name) {
        return new TestInbox<>(name);
    }

    /**
     * Lets every actor handle what is queued, and what that sets off, on this thread, until none has anything left
     * to do now. Time does not move: a batch waiting for its deadline keeps waiting.
     *
     * @return how many runs of an actor it took
     */
    public int runAll() {
        return this.executor.drain();
    }

    /**
     * Lets time pass: runs what is queued, then every timer that falls due, in deadline order, at its deadline, each
     * followed by {@link #runAll()}.
     *
     * @param duration how much time passes; not negative
     */
    public void advance(Duration duration) {
        long target = this.clock.targetAfter(duration);
        runAll();
        while (this.clock.runNextDue(target)) {
            runAll();
        }
        this.clock.moveTo(target);
    }

    /**
     * Moves time to the next timers, one at a time, until a condition holds.
     *
     * @return whether it holds; {@code false} when no timer is left and it still does not
     */
    boolean advanceUntil(BooleanSupplier condition) {
        runAll();
        while (!condition.getAsBoolean()) {
            if (!this.clock.runNext()) {
                return false;
            }
            runAll();
        }
        return true;
    }

    /**
     * Stops every actor: each handles what it has queued (a batch actor hands over its partial batch), then the
     * system closes. Nothing waits for real time.
     */
    @Override
    public void close() {
        awaitStop(this.system.stopActors());
        this.system.close();
    }

    /** Runs the actors until a stop has finished, with the shutdown timeouts passing on the kit's clock if need be. */
    void awaitStop(CompletableFuture<Void> stopped) {
        // An actor that cannot drain (a handler that keeps sending to itself) lets its shutdown-timeout pass, which
        // aborts the stop: only then does time move.
        advanceUntil(stopped::isDone);
    }
}
