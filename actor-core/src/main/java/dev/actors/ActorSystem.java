package dev.actors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.internal.ActorCell;
import dev.actors.internal.BatchActorCell;
import dev.actors.internal.KeyedActorCell;
import dev.actors.internal.PlainActorCell;
import dev.actors.internal.Timers;
import dev.actors.spi.ActorClock;
import dev.actors.spi.ActorListener;
import dev.actors.spi.ContextPropagator;
import dev.actors.spi.KeyedActorSpec;

/**
 * Creates, finds and stops actors; usable without Spring.
 *
 * <pre>{@code
 * try (ActorSystem system = ActorSystem.create()) {
 *     ActorRef<String, Integer> counter = system.spawn("counter", () -> new CounterActor());
 *     int total = counter.call("add").join();
 * }
 * }</pre>
 *
 * <p>Actor names are unique within a system. Stopped actors stay listed (with their final state) until the system
 * closes. {@link #close()} stops every actor gracefully, each within its shutdown timeout.
 */
public final class ActorSystem implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(ActorSystem.class);

    /** How long {@link #stopActors()} waits beyond the longest shutdown-timeout: time to fail what was left. */
    private static final long STOP_MARGIN_SECONDS = 5;

    private final Executor executor;

    private final boolean ownsExecutor;

    private final Timers timers;

    private final ActorSettings defaults;

    private final Function<ActorRef<?, ?>, ActorListener> listenerFactory;

    private final Function<KeyedActorRef<?, ?>, ActorListener> keyedListenerFactory;

    private final @Nullable ContextPropagator propagator;

    private final Map<String, ActorCell<?, ?>> actors = new ConcurrentHashMap<>();

    private final List<ActorCell<?, ?>> ordered = new ArrayList<>();

    /** Declared and not started yet: guarded by {@link #ordered}. */
    private final List<ActorCell<?, ?>> declared = new ArrayList<>();

    private final Map<String, KeyedActorCell<?, ?>> keyed = new ConcurrentHashMap<>();

    /** Keyed actors in creation order: guarded by {@link #ordered}. */
    private final List<KeyedActorCell<?, ?>> keyedOrdered = new ArrayList<>();

    private volatile boolean closed;

    private ActorSystem(Builder builder) {
        this.ownsExecutor = builder.executor == null;
        this.executor = this.ownsExecutor
                ? ActorExecutors.platformThreads(ActorExecutors.defaultThreadCount(), builder.threadNamePrefix)
                : builder.executor;
        this.defaults = builder.defaults;
        this.listenerFactory = builder.listenerFactory;
        this.keyedListenerFactory = builder.keyedListenerFactory;
        this.propagator = builder.propagator;
        // A clock of one's own runs the timeouts' completions too: on the test's thread, for a test kit's clock.
        this.timers = (builder.clock != null) ? new Timers(builder.clock, Runnable::run)
                : new Timers(builder.threadNamePrefix + "timer");
    }

    /**
     * Creates an actor system with the default executor and settings.
     *
     * @return a new actor system
     */
    public static ActorSystem create() {
        return builder().build();
    }

    /**
     * Returns a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates and starts an actor with the system's default settings.
     *
     * @param name the actor's name, unique in this system
     * @param factory makes the actor instance now, and a fresh one on every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor's reference
     */
    public <M, R> ActorRef<M, R> spawn(String name, Supplier<? extends Actor<M, R>> factory) {
        return spawn(name, this.defaults, factory);
    }

    /**
     * Creates and starts an actor.
     *
     * @param name the actor's name, unique in this system
     * @param settings its settings
     * @param factory makes the actor instance now, and a fresh one on every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor's reference
     * @throws IllegalArgumentException when the name is blank or taken
     */
    public <M, R> ActorRef<M, R> spawn(String name, ActorSettings settings, Supplier<? extends Actor<M, R>> factory) {
        return register(name, settings, cell(name, factory, PlainActorCell::new), true);
    }

    /**
     * Declares an actor: its address and mailbox exist at once, its instance only once {@link #startDeclared()}
     * runs. Messages sent before then queue (within the mailbox's capacity) and are handled after the start. This
     * lets actors that need each other's handles to be built (Spring beans that inject each other's handles) be
     * declared first and created after, when every address exists.
     *
     * @param name the actor's name, unique in this system
     * @param settings its settings (checked now)
     * @param factory makes the actor instance at the start, and a fresh one on every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor's reference
     * @throws IllegalArgumentException when a setting is invalid or the name is taken
     */
    public <M, R> ActorRef<M, R> declare(String name, ActorSettings settings,
            Supplier<? extends Actor<M, R>> factory) {
        return register(name, settings, cell(name, factory, PlainActorCell::new), false);
    }

    /**
     * Creates and starts a batch actor.
     *
     * @param name the actor's name, unique in this system
     * @param settings its settings, including the batch limits
     * @param factory makes the actor instance now, and a fresh one on every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor's reference
     * @throws IllegalArgumentException when the name is blank or taken
     */
    public <M, R> ActorRef<M, R> spawnBatch(String name, ActorSettings settings,
            Supplier<? extends BatchActor<M, R>> factory) {
        return register(name, settings, cell(name, factory, BatchActorCell::new), true);
    }

    /**
     * Declares a batch actor: as {@link #declare(String, ActorSettings, Supplier)}.
     *
     * @param name the actor's name, unique in this system
     * @param settings its settings, including the batch limits (checked now)
     * @param factory makes the actor instance at the start, and a fresh one on every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor's reference
     * @throws IllegalArgumentException when a setting is invalid or the name is taken
     */
    public <M, R> ActorRef<M, R> declareBatch(String name, ActorSettings settings,
            Supplier<? extends BatchActor<M, R>> factory) {
        return register(name, settings, cell(name, factory, BatchActorCell::new), false);
    }

    /**
     * Creates and starts an {@link AsyncActor}: it takes its next message only once the stage its handler returned
     * has completed (or its {@link ActorSettings#asyncTimeout()} has passed).
     *
     * @param name the actor's name, unique in this system
     * @param settings its settings (checked now)
     * @param factory makes the actor instance now, and a fresh one on every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor's reference
     * @throws IllegalArgumentException when a setting is invalid or the name is taken
     */
    public <M, R> ActorRef<M, R> spawnAsync(String name, ActorSettings settings,
            Supplier<? extends AsyncActor<M, R>> factory) {
        return register(name, settings, cell(name, factory, PlainActorCell::async), true);
    }

    /**
     * Declares an {@link AsyncActor}: as {@link #declare(String, ActorSettings, Supplier)}.
     *
     * @param name the actor's name, unique in this system
     * @param settings its settings (checked now)
     * @param factory makes the actor instance at the start, and a fresh one on every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor's reference
     * @throws IllegalArgumentException when a setting is invalid or the name is taken
     */
    public <M, R> ActorRef<M, R> declareAsync(String name, ActorSettings settings,
            Supplier<? extends AsyncActor<M, R>> factory) {
        return register(name, settings, cell(name, factory, PlainActorCell::async), false);
    }

    /**
     * Creates and starts an {@link AsyncBatchActor}: it never has two flushes in flight, and the next batch takes
     * what queued while the last one was in flight, up to the batch's max-size.
     *
     * @param name the actor's name, unique in this system
     * @param settings its settings, including the batch limits (checked now)
     * @param factory makes the actor instance now, and a fresh one on every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor's reference
     * @throws IllegalArgumentException when a setting is invalid or the name is taken
     */
    public <M, R> ActorRef<M, R> spawnAsyncBatch(String name, ActorSettings settings,
            Supplier<? extends AsyncBatchActor<M, R>> factory) {
        return register(name, settings, cell(name, factory, BatchActorCell::async), true);
    }

    /**
     * Declares an {@link AsyncBatchActor}: as {@link #declare(String, ActorSettings, Supplier)}.
     *
     * @param name the actor's name, unique in this system
     * @param settings its settings, including the batch limits (checked now)
     * @param factory makes the actor instance at the start, and a fresh one on every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the actor's reference
     * @throws IllegalArgumentException when a setting is invalid or the name is taken
     */
    public <M, R> ActorRef<M, R> declareAsyncBatch(String name, ActorSettings settings,
            Supplier<? extends AsyncBatchActor<M, R>> factory) {
        return register(name, settings, cell(name, factory, BatchActorCell::async), false);
    }

    /** The constructor of one kind's cell, as the four kinds' constructors share it. */
    @FunctionalInterface
    private interface CellConstructor<F, M, R> {

        ActorCell<M, R> create(String name, ActorSettings settings, Executor executor, Timers timers,
                ContextPropagator propagator, Supplier<? extends F> factory);
    }

    /** What {@link #register} calls, once the settings are resolved, to make the cell of a plain actor of a kind. */
    private <F, M, R> Function<ActorSettings, ActorCell<M, R>> cell(String name, Supplier<? extends F> factory,
            CellConstructor<F, M, R> constructor) {
        Objects.requireNonNull(factory, () -> "Actor '" + name + "': the factory must not be null");
        return (resolved) -> constructor.create(name, resolved, executorFor(resolved), this.timers, this.propagator,
                factory);
    }

    /**
     * Creates the instances of the actors declared so far, in declaration order, on the calling thread, and lets
     * them handle what was queued. A factory that throws stops the start there: its exception goes to the caller,
     * and the actors not yet started stay so (a stop fails what they queued).
     */
    public void startDeclared() {
        List<ActorCell<?, ?>> starting;
        synchronized (this.ordered) {
            starting = List.copyOf(this.declared);
            this.declared.clear();
        }
        for (ActorCell<?, ?> cell : starting) {
            cell.start();
        }
    }

    /**
     * Creates a keyed actor with the system's default settings: one instance per entity key, made by the factory at
     * the key's first message, and passivated when idle (see {@link ActorSettings#passivateAfter()} and
     * {@link ActorSettings#maxActive()}).
     *
     * @param name the actor's name, unique in this system
     * @param factory makes the instance of a key, from the key, at its activation and at every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the keyed actor's reference
     */
    public <M, R> KeyedActorRef<M, R> spawnKeyed(String name, Function<String, ? extends Actor<M, R>> factory) {
        return spawnKeyed(name, this.defaults, factory);
    }

    /**
     * Creates a keyed actor: one instance per entity key, made by the factory at the key's first message, on the
     * actor's thread, and passivated when idle (see {@link ActorSettings#passivateAfter()} and
     * {@link ActorSettings#maxActive()}). Mailbox, timeouts and failure policy apply to each key on its own.
     *
     * @param name the actor's name, unique in this system
     * @param settings the settings of each key (checked now)
     * @param factory makes the instance of a key, from the key, at its activation and at every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the keyed actor's reference
     * @throws IllegalArgumentException when a setting is invalid or the name is taken
     */
    public <M, R> KeyedActorRef<M, R> spawnKeyed(String name, ActorSettings settings,
            Function<String, ? extends Actor<M, R>> factory) {
        Objects.requireNonNull(factory, () -> "Actor '" + name + "': the factory must not be null");
        return registerKeyed(name, settings, ActorKind.ACTOR, factory,
                (executor, instances) -> new PlainActorCell<M, R>(name, settings, executor, this.timers,
                        this.propagator, cast(instances)));
    }

    /**
     * Creates a keyed batch actor: one {@link BatchActor} instance per entity key, as
     * {@link #spawnKeyed(String, ActorSettings, Function)} does for plain actors; each key collects its own batches.
     *
     * @param name the actor's name, unique in this system
     * @param settings the settings of each key, including the batch limits (checked now)
     * @param factory makes the instance of a key, from the key, at its activation and at every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the keyed actor's reference
     * @throws IllegalArgumentException when a setting is invalid or the name is taken
     */
    public <M, R> KeyedActorRef<M, R> spawnKeyedBatch(String name, ActorSettings settings,
            Function<String, ? extends BatchActor<M, R>> factory) {
        Objects.requireNonNull(factory, () -> "Actor '" + name + "': the factory must not be null");
        return registerKeyed(name, settings, ActorKind.BATCH, factory,
                (executor, instances) -> new BatchActorCell<M, R>(name, settings, executor, this.timers,
                        this.propagator, cast(instances)));
    }

    /**
     * Creates a keyed {@link AsyncActor}: one instance per entity key, as
     * {@link #spawnKeyed(String, ActorSettings, Function)} does for plain actors; each key takes its next message
     * only once the stage its handler returned has completed (or its {@link ActorSettings#asyncTimeout()} has
     * passed), while other keys go on.
     *
     * @param name the actor's name, unique in this system
     * @param settings the settings of each key (checked now)
     * @param factory makes the instance of a key, from the key, at its activation and at every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the keyed actor's reference
     * @throws IllegalArgumentException when a setting is invalid or the name is taken
     */
    public <M, R> KeyedActorRef<M, R> spawnKeyedAsync(String name, ActorSettings settings,
            Function<String, ? extends AsyncActor<M, R>> factory) {
        Objects.requireNonNull(factory, () -> "Actor '" + name + "': the factory must not be null");
        return registerKeyed(name, settings, ActorKind.ACTOR, factory,
                (executor, instances) -> PlainActorCell.<M, R>async(name, settings, executor, this.timers,
                        this.propagator, cast(instances)));
    }

    /**
     * Creates a keyed {@link AsyncBatchActor}: one instance per entity key, as
     * {@link #spawnKeyedBatch(String, ActorSettings, Function)} does for batch actors; each key collects its own
     * batches and never has two flushes in flight.
     *
     * @param name the actor's name, unique in this system
     * @param settings the settings of each key, including the batch limits (checked now)
     * @param factory makes the instance of a key, from the key, at its activation and at every restart
     * @param <M> the message type
     * @param <R> the reply type
     * @return the keyed actor's reference
     * @throws IllegalArgumentException when a setting is invalid or the name is taken
     */
    public <M, R> KeyedActorRef<M, R> spawnKeyedAsyncBatch(String name, ActorSettings settings,
            Function<String, ? extends AsyncBatchActor<M, R>> factory) {
        Objects.requireNonNull(factory, () -> "Actor '" + name + "': the factory must not be null");
        return registerKeyed(name, settings, ActorKind.BATCH, factory,
                (executor, instances) -> BatchActorCell.<M, R>async(name, settings, executor, this.timers,
                        this.propagator, cast(instances)));
    }

    /**
     * Creates the keyed actor a {@link KeyedActorSpec} describes, of whichever of the four kinds its
     * {@code kind} and {@code async} say: what a {@link dev.actors.spi.KeyedActorHost} runs the keys of this
     * instance with.
     *
     * @param spec the keyed actor
     * @param <M> the message type
     * @param <R> the reply type
     * @return the keyed actor's reference
     * @throws IllegalArgumentException when a setting is invalid or the name is taken
     */
    @SuppressWarnings("unchecked")
    public <M, R> KeyedActorRef<M, R> spawnKeyed(KeyedActorSpec<M, R> spec) {
        Objects.requireNonNull(spec, "spec");
        Function<String, Object> instances = (Function<String, Object>) spec.instanceFactory();
        if (spec.kind() == ActorKind.BATCH) {
            return spec.async()
                    ? spawnKeyedAsyncBatch(spec.name(), spec.settings(),
                            (key) -> (AsyncBatchActor<M, R>) instances.apply(key))
                    : spawnKeyedBatch(spec.name(), spec.settings(), (key) -> (BatchActor<M, R>) instances.apply(key));
        }
        return spec.async()
                ? spawnKeyedAsync(spec.name(), spec.settings(), (key) -> (AsyncActor<M, R>) instances.apply(key))
                : spawnKeyed(spec.name(), spec.settings(), (key) -> (Actor<M, R>) instances.apply(key));
    }

    @SuppressWarnings("unchecked")
    private static <T> Supplier<T> cast(Supplier<Object> instances) {
        return (Supplier<T>) (Supplier<?>) instances;
    }

    private <M, R> KeyedActorRef<M, R> registerKeyed(String name, ActorSettings settings, ActorKind kind,
            Function<String, ?> factory, KeyedActorCell.CellFactory<M, R> cells) {
        checkNew(name, settings);
        synchronized (this.ordered) {
            checkUnique(name);
            KeyedActorCell<M, R> cell = new KeyedActorCell<>(name, kind, settings, executorFor(settings), this.timers,
                    cells, factory);
            cell.start(Objects.requireNonNull(this.keyedListenerFactory.apply(cell), "listener"));
            this.keyed.put(name, cell);
            this.keyedOrdered.add(cell);
            return cell;
        }
    }

    private void checkNew(String name, ActorSettings settings) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An actor's name must not be null or blank");
        }
        // Settings are checked by their builder: settings that exist are valid.
        Objects.requireNonNull(settings, () -> "Actor '" + name + "': the settings must not be null");
    }

    /** Under the lock close() takes to shut the door: an actor created after this is one close() stops. */
    private void checkUnique(String name) {
        if (this.closed) {
            throw new IllegalStateException("Actor '" + name + "' cannot be created: the actor system is closed");
        }
        if (this.actors.containsKey(name) || this.keyed.containsKey(name)) {
            throw new IllegalArgumentException(
                    "Actor '" + name + "' already exists in this actor system; actor names must be unique");
        }
    }

    private <M, R> ActorRef<M, R> register(String name, ActorSettings settings,
            Function<ActorSettings, ActorCell<M, R>> cellFactory, boolean start) {
        checkNew(name, settings);
        synchronized (this.ordered) {
            checkUnique(name);
            ActorCell<M, R> cell = cellFactory.apply(settings);
            cell.listener(Objects.requireNonNull(this.listenerFactory.apply(cell.ref()), "listener"));
            if (start) {
                cell.start();
            }
            else {
                this.declared.add(cell);
            }
            this.actors.put(name, cell);
            this.ordered.add(cell);
            return cell.ref();
        }
    }

    private Executor executorFor(ActorSettings settings) {
        return (settings.executor() != null) ? settings.executor() : this.executor;
    }

    /**
     * Finds an actor by name.
     *
     * @param name the actor's name
     * @return the actor, or empty
     */
    public Optional<ActorRef<?, ?>> find(String name) {
        return Optional.ofNullable(this.actors.get(name)).map(ActorCell::ref);
    }

    /**
     * Finds a keyed actor by name.
     *
     * @param name the actor's name
     * @return the keyed actor, or empty
     */
    public Optional<KeyedActorRef<?, ?>> findKeyed(String name) {
        return Optional.ofNullable(this.keyed.get(name));
    }

    /**
     * Returns every keyed actor, in creation order.
     *
     * @return the keyed actors
     */
    public List<KeyedActorRef<?, ?>> keyedActors() {
        synchronized (this.ordered) {
            return List.copyOf(this.keyedOrdered);
        }
    }

    /**
     * Returns every (non-keyed) actor, in creation order.
     *
     * @return the actors
     */
    public List<ActorRef<?, ?>> actors() {
        synchronized (this.ordered) {
            return this.ordered.stream().<ActorRef<?, ?>>map(ActorCell::ref).toList();
        }
    }

    /**
     * Returns the default settings of this system.
     *
     * @return the default settings
     */
    public ActorSettings defaults() {
        return this.defaults;
    }

    /**
     * Stops every actor gracefully, all at once, each within its shutdown timeout: the one shutdown path, which
     * {@link #close()} and the Spring integration both use.
     *
     * @return a future completed when every actor has stopped; it fails with a {@link TimeoutException} when the
     *     longest shutdown-timeout plus 5 s has passed first (a handler stuck past its
     *     timeout keeps its actor until it returns, so nobody should wait for ever)
     */
    public CompletableFuture<Void> stopActors() {
        List<ActorRef<?, ?>> all = actors();
        Duration longest = Duration.ZERO;
        List<CompletableFuture<Void>> stops = new ArrayList<>(all.size());
        for (ActorRef<?, ?> actor : all) {
            stops.add(actor.stop());
            longest = max(longest, actor.settings().shutdownTimeout());
        }
        for (KeyedActorRef<?, ?> actor : keyedActors()) {
            stops.add(actor.stop());
            longest = max(longest, actor.settings().shutdownTimeout());
        }
        return CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new))
            .orTimeout(saturatedMillis(longest.plusSeconds(STOP_MARGIN_SECONDS)), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops every actor ({@link #stopActors()}) and waits for them; then releases the system's own threads. New
     * actors cannot be created after.
     */
    @Override
    public void close() {
        synchronized (this.ordered) {
            this.closed = true;
        }
        try {
            stopActors().get();
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof TimeoutException) {
                logger.warn("Actor system closed while handlers were still running: {}",
                        actors().stream().filter((actor) -> !actor.state().isTerminal()).toList());
            }
            else {
                logger.warn("Failure while stopping actors", ex.getCause());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        this.timers.shutdown();
        if (this.ownsExecutor) {
            ((ExecutorService) this.executor).shutdown();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return (a.compareTo(b) >= 0) ? a : b;
    }

    private static long saturatedMillis(Duration duration) {
        try {
            return duration.toMillis();
        }
        catch (ArithmeticException ex) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Builds an {@link ActorSystem}.
     */
    public static final class Builder {

        private @Nullable Executor executor;

        private ActorSettings defaults = ActorSettings.defaults();

        private Function<ActorRef<?, ?>, ActorListener> listenerFactory = (actor) -> ActorListener.NONE;

        private Function<KeyedActorRef<?, ?>, ActorListener> keyedListenerFactory = (actor) -> ActorListener.NONE;

        private @Nullable ContextPropagator propagator;

        private String threadNamePrefix = "actor-";

        private @Nullable ActorClock clock;

        private Builder() {
        }

        /**
         * Sets the executor that runs handlers (an actor's own {@link ActorSettings#executor()} wins). Without one,
         * the system owns a pool of {@link ActorExecutors#defaultThreadCount()} platform threads, shut down on
         * {@link #close()}; a given executor is left to its owner.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Sets the settings used by {@link #spawn(String, Supplier)}.
         *
         * @param defaults the default settings
         * @return this builder
         */
        public Builder defaults(ActorSettings defaults) {
            this.defaults = Objects.requireNonNull(defaults, "defaults");
            return this;
        }

        /**
         * Sets what makes each actor's listener (for metrics), called once per actor when it is created.
         *
         * @param listenerFactory the factory
         * @return this builder
         */
        public Builder listenerFactory(Function<ActorRef<?, ?>, ActorListener> listenerFactory) {
            this.listenerFactory = Objects.requireNonNull(listenerFactory, "listenerFactory");
            return this;
        }

        /**
         * Sets what makes each keyed actor's listener (for metrics), called once per keyed actor when it is created;
         * every key of the actor reports to it, so its meters add up over keys.
         *
         * @param keyedListenerFactory the factory
         * @return this builder
         */
        public Builder keyedListenerFactory(Function<KeyedActorRef<?, ?>, ActorListener> keyedListenerFactory) {
            this.keyedListenerFactory = Objects.requireNonNull(keyedListenerFactory, "keyedListenerFactory");
            return this;
        }

        /**
         * Sets what carries the sender's context (tracing, MDC) to the handler.
         *
         * @param propagator the propagator, or {@code null} for none
         * @return this builder
         */
        public Builder contextPropagator(@Nullable ContextPropagator propagator) {
            this.propagator = propagator;
            return this;
        }

        /**
         * Sets the prefix of the names of the system's own threads (default {@code actor-}).
         *
         * @param threadNamePrefix the prefix
         * @return this builder
         */
        public Builder threadNamePrefix(String threadNamePrefix) {
            this.threadNamePrefix = Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
            return this;
        }

        /**
         * Sets the clock that the runtime's deadlines and keyed actors' idle times follow, and that runs its delayed
         * tasks: for tests (a manual clock makes call timeouts, batch deadlines and idle passivation happen without
         * waiting). Without one, the system reads the JVM's monotonic clock and owns a timer thread. With one, a
         * timed-out call is failed on the thread that runs the clock's tasks.
         *
         * @param clock the clock, or {@code null} for the default
         * @return this builder
         */
        public Builder clock(@Nullable ActorClock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the actor system.
         *
         * @return the actor system
         */
        public ActorSystem build() {
            return new ActorSystem(this);
        }
    }
}
