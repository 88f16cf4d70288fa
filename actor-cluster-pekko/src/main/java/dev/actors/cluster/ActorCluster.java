package dev.actors.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.stream.StreamSupport;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.HashCodeMessageExtractor;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.ActorClosedException;
import dev.actors.KeyedActorHandle;
import dev.actors.KeyedActorRef;
import dev.actors.OverflowPolicy;
import dev.actors.spi.KeyedActorHost;
import dev.actors.spi.KeyedActorSpec;

/**
 * This instance's part in a cluster of application instances, and the {@link KeyedActorHost} that spreads keyed
 * actors over them on Apache Pekko Cluster Sharding: each key has at most one live instance cluster-wide, on
 * whichever instance owns its shard, and its handle reaches it from every instance.
 *
 * <p>Life cycle: {@link #host(KeyedActorSpec) host} every keyed actor, then {@link #start()} (binds the cluster
 * port and joins the seed nodes), {@link #awaitUp(Duration)}; at the end {@link #leave()}: this instance's shards
 * hand off to the others, each of its keys is passivated locally first, then the cluster runtime stops. The local
 * keyed actors are left running: their owner stops them after.
 */
public final class ActorCluster implements KeyedActorHost, AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(ActorCluster.class);

    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(3);

    private static final long SHARD_COUNT_MAX_AGE_MILLIS = 1000;

    private final ClusterSettings settings;

    private final LocalKeyedActors local;

    private final LongSupplier clock;

    private final Map<String, ShardedKeyedActor<?, ?>> hosted = new LinkedHashMap<>();

    private final CompletableFuture<Void> up = new CompletableFuture<>();

    private final AtomicBoolean refreshingShards = new AtomicBoolean();

    private volatile Running running;

    private volatile boolean leaving;

    private volatile int localShards;

    private volatile long localShardsReadAt;

    private CompletableFuture<Void> left;

    /**
     * Creates this instance's part in the cluster; nothing starts before {@link #start()}.
     *
     * @param settings the cluster settings
     * @param local where the keys this instance owns run
     */
    public ActorCluster(ClusterSettings settings, LocalKeyedActors local) {
        this(settings, local, System::currentTimeMillis);
    }

    ActorCluster(ClusterSettings settings, LocalKeyedActors local, LongSupplier clock) {
        this.settings = settings;
        this.local = local;
        this.clock = clock;
    }

    /**
     * Hosts a keyed actor on the cluster: creates its local keyed actor, which runs the keys this instance will
     * own, and returns the handle that reaches every key wherever it runs. Every keyed actor must be hosted before
     * {@link #start()}, with the same name and types on every instance.
     *
     * @throws IllegalStateException when the cluster has started
     */
    @Override
    public synchronized <M, R> KeyedActorHandle<M, R> host(KeyedActorSpec<M, R> spec) {
        if (this.running != null || this.leaving) {
            throw new IllegalStateException("Keyed actor '" + spec.name()
                    + "' must be hosted before the cluster starts: its types are bound at start-up");
        }
        if (this.hosted.containsKey(spec.name())) {
            throw new IllegalArgumentException("Keyed actor '" + spec.name() + "' is already hosted");
        }
        KeyedActorSpec<M, R> withoutSpin = withoutSpin(spec);
        AtomicBoolean handlersReply = new AtomicBoolean();
        KeyedActorRef<M, R> localRef = this.local.spawn(RelayedCall.replyingFromHandlers(withoutSpin, handlersReply));
        ShardedKeyedActor<M, R> actor = new ShardedKeyedActor<>(this, withoutSpin, localRef, handlersReply);
        this.hosted.put(spec.name(), actor);
        return actor;
    }

    /**
     * The spec with {@code spin-before-idle} off. A key's next message comes through its shard and entity, tens of
     * microseconds after the reply at the least, so the spin after a call would never catch it: it would only keep
     * a core busy while the reply and the next call need it.
     */
    private static <M, R> KeyedActorSpec<M, R> withoutSpin(KeyedActorSpec<M, R> spec) {
        if (spec.settings().spinBeforeIdle().isZero()) {
            return spec;
        }
        return new KeyedActorSpec<>(spec.name(), spec.kind(),
                spec.settings().toBuilder().spinBeforeIdle(Duration.ZERO).build(), spec.messageType(),
                spec.replyType(), spec.instanceFactory(), spec.async());
    }

    /**
     * Starts the cluster runtime, checks that every hosted actor's message and reply types can cross the wire,
     * starts their sharding and joins the seed nodes (or forms a cluster of one without any). Does nothing when
     * already started.
     *
     * @throws IllegalStateException when a message or reply type cannot be serialized (the message names the type
     *     and the fix), or after {@link #leave()}
     */
    public synchronized void start() {
        if (this.running != null) {
            return;
        }
        if (this.leaving) {
            throw new IllegalStateException("The cluster cannot start again after it was left");
        }
        Collection<ShardedKeyedActor<?, ?>> actors = List.copyOf(this.hosted.values());
        Config config = PekkoConfig.of(this.settings, actors)
            .withFallback(ConfigFactory.load(ActorCluster.class.getClassLoader()));
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), this.settings.name(), config);
        try {
            SerializationCheck.check(system, actors);
            ClusterSharding sharding = ClusterSharding.get(system);
            ClusterShardingSettings shardingSettings = ClusterShardingSettings.create(system);
            for (ShardedKeyedActor<?, ?> actor : actors) {
                sharding.init(Entity.of(actor.typeKey(), (context) -> KeyEntity.create(actor, context.getEntityId()))
                    .withStopMessage(EntityCommand.Stop.INSTANCE)
                    .withSettings(idleLike(shardingSettings, actor))
                    .withEntityProps(entityDispatcher(actor)));
            }
            Cluster cluster = Cluster.get(Adapter.toClassic(system));
            cluster.registerOnMemberUp(() -> this.up.complete(null));
            this.running = new Running(system, sharding, cluster);
            cluster.joinSeedNodes(seedAddresses(cluster));
        }
        catch (RuntimeException ex) {
            system.terminate();
            throw ex;
        }
    }

    /**
     * An entity that never waits (a full mailbox refuses at once) runs on its shard's thread, as the shard hands it
     * a message ({@link PekkoConfig#RELAY_DISPATCHER}): it only passes the message to the local key, which wakes the
     * key's actor thread, so a call costs no thread hand-off more than one to a Pekko entity that answers itself. An
     * entity of an actor with overflow {@code block} may wait for room in a mailbox for up to its offer-timeout,
     * which must not hold the threads of Pekko's shards and heartbeats: it gets a dispatcher of its own.
     */
    private static Props entityDispatcher(ShardedKeyedActor<?, ?> actor) {
        return DispatcherSelector.fromConfig((actor.spec().settings().overflow() == OverflowPolicy.BLOCK)
                ? PekkoConfig.ENTITY_DISPATCHER : PekkoConfig.RELAY_DISPATCHER);
    }

    /**
     * An entity idle as long as its local key's {@code passivate-after} is stopped, as the local key is: with Pekko's
     * own idle timeout (2 minutes), a key set to stay longer would be passivated early. A Pekko passivation strategy
     * set under {@code actors.cluster.pekko} without an idle timeout is left as it is.
     */
    private static ClusterShardingSettings idleLike(ClusterShardingSettings settings, ShardedKeyedActor<?, ?> actor) {
        ClusterShardingSettings.PassivationStrategySettings passivation = settings.passivationStrategySettings();
        if (passivation.idleEntitySettings().isEmpty()) {
            return settings;
        }
        return settings.withPassivationStrategy(
                passivation.withIdleEntityPassivation(actor.spec().settings().passivateAfter()));
    }

    private List<Address> seedAddresses(Cluster cluster) {
        if (this.settings.seedNodes().isEmpty()) {
            return List.of(cluster.selfAddress());
        }
        List<Address> seeds = new ArrayList<>();
        for (String seed : this.settings.seedNodes()) {
            int colon = seed.lastIndexOf(':');
            seeds.add(new Address("pekko", this.settings.name(), seed.substring(0, colon),
                    Integer.parseInt(seed.substring(colon + 1))));
        }
        return seeds;
    }

    /**
     * Waits until this instance is an {@code Up} member.
     *
     * @param timeout how long to wait
     * @return whether it is up
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            this.up.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException | ExecutionException ex) {
            return false;
        }
        // The member-up callback can run before the cluster's read view (selfMember) shows Up: wait for that too,
        // so that whoever reads isUp() after the start (health, the endpoint) sees what the start waited for.
        while (!isUp()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /**
     * Returns whether this instance is an {@code Up} member now.
     *
     * @return whether it is up
     */
    public boolean isUp() {
        Running current = this.running;
        return current != null && !current.cluster.isTerminated()
                && current.cluster.selfMember().status() == MemberStatus.up();
    }

    /**
     * Returns this instance's membership status, lower-case ({@code up}...), or {@code not-started} and
     * {@code terminated} outside the cluster's life.
     *
     * @return the status
     */
    public String selfStatus() {
        Running current = this.running;
        if (current == null) {
            return "not-started";
        }
        if (current.cluster.isTerminated()) {
            return "terminated";
        }
        return status(current.cluster.selfMember().status());
    }

    /**
     * Returns this instance's cluster address, {@code host:port} (the port bound, when the setting was 0).
     *
     * @return the address, or empty before {@link #start()}
     */
    public Optional<String> selfAddress() {
        Running current = this.running;
        return (current != null) ? Optional.of(hostPort(current.cluster.selfAddress())) : Optional.empty();
    }

    /**
     * Returns the members this instance knows of, in address order.
     *
     * @return the members, empty before {@link #start()}
     */
    public List<ClusterMember> members() {
        Running current = this.running;
        if (current == null || current.cluster.isTerminated()) {
            return List.of();
        }
        var state = current.cluster.state();
        Set<Member> unreachable = state.getUnreachable();
        return StreamSupport.stream(state.getMembers().spliterator(), false)
            .map((member) -> new ClusterMember(hostPort(member.address()), status(member.status()),
                    !unreachable.contains(member)))
            .toList();
    }

    /**
     * Returns how many entities (keys with a live entity) run on this instance, over every keyed actor.
     *
     * @return the number of entities here
     */
    public int localEntityCount() {
        synchronized (this) {
            return this.hosted.values().stream().mapToInt(ShardedKeyedActor::entities).sum();
        }
    }

    /**
     * Returns how many shards this instance holds, over every keyed actor, as last read (at most about a second
     * ago; reading starts a refresh in the background).
     *
     * @return the number of shards here
     */
    public int localShardCount() {
        if (this.clock.getAsLong() - this.localShardsReadAt > SHARD_COUNT_MAX_AGE_MILLIS
                && this.refreshingShards.compareAndSet(false, true)) {
            refreshLocalShards().whenComplete((count, failure) -> {
                if (failure == null) {
                    this.localShards = count;
                    this.localShardsReadAt = this.clock.getAsLong();
                }
                this.refreshingShards.set(false);
            });
        }
        return this.localShards;
    }

    /**
     * Counts the shards this instance holds now.
     *
     * @return a future of the number of shards here
     */
    public CompletableFuture<Integer> refreshLocalShards() {
        Running current = this.running;
        if (current == null || current.cluster.isTerminated()) {
            return CompletableFuture.completedFuture(0);
        }
        List<CompletableFuture<Integer>> counts = new ArrayList<>();
        // thenApplyAsync on Pekko's dispatcher: the thenApply of the Scala future that Pekko's ask answers with is
        // thenApplyAsync on the default executor, a new thread per task on two cores or fewer.
        for (ShardedKeyedActor<?, ?> actor : hostedActors()) {
            counts.add(AskPattern
                .<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
                        current.sharding.shardState(), (replyTo) -> new GetShardRegionState(actor.typeKey(), replyTo),
                        QUERY_TIMEOUT, current.system.scheduler())
                .thenApplyAsync((state) -> state.getShards().size(), current.system.executionContext())
                .toCompletableFuture());
        }
        return CompletableFuture.allOf(counts.toArray(CompletableFuture[]::new))
            .thenApply((done) -> counts.stream().mapToInt(CompletableFuture::join).sum());
    }

    /**
     * Finds which instance holds a key: the owner of the key's shard, where the key runs when it gets a message.
     *
     * @param actorName the keyed actor's name
     * @param key the key
     * @return a future of the location, empty when no such keyed actor is hosted or its shard has no owner yet
     */
    public CompletableFuture<Optional<KeyLocation>> locate(String actorName, String key) {
        String shard = new HashCodeMessageExtractor<EntityCommand>(this.settings.numberOfShards()).shardId(key);
        return regions(actorName).thenApply((regions) -> regions.entrySet()
            .stream()
            .filter((region) -> region.getValue().contains(shard))
            .map((region) -> new KeyLocation(actorName, key, shard, region.getKey(),
                    region.getKey().equals(selfAddress().orElse(null))))
            .findFirst());
    }

    /**
     * Asks every instance's region of a keyed actor which shards it holds.
     *
     * @param actorName the keyed actor's name
     * @return a future of the shards held by each instance ({@code host:port}), empty when no such keyed actor is
     *     hosted or the cluster is not running
     */
    CompletableFuture<Map<String, Set<String>>> regions(String actorName) {
        Running current = this.running;
        ShardedKeyedActor<?, ?> actor;
        synchronized (this) {
            actor = this.hosted.get(actorName);
        }
        if (current == null || actor == null || current.cluster.isTerminated()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        return AskPattern
            .<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery, ShardRegion.ClusterShardingStats>ask(
                    current.sharding.shardState(),
                    (replyTo) -> new GetClusterShardingStats(actor.typeKey(), QUERY_TIMEOUT, replyTo),
                    QUERY_TIMEOUT.plusSeconds(1), current.system.scheduler())
            .thenApplyAsync((stats) -> {
                Map<String, Set<String>> regions = new LinkedHashMap<>();
                stats.getRegions()
                    .forEach((address, region) -> regions.put(hostPort(address), Set.copyOf(region.getStats().keySet())));
                return regions;
            }, current.system.executionContext())
            .toCompletableFuture();
    }

    /**
     * Leaves the cluster gracefully: new messages are refused with {@link ActorClosedException}; this instance's
     * shards hand off to the other instances (messages for them are buffered meanwhile), each of its keys passivated
     * locally first; then the cluster runtime stops. Calling it again returns the same future.
     *
     * @return a future completed when this instance has left
     */
    public synchronized CompletableFuture<Void> leave() {
        if (this.left == null) {
            this.leaving = true;
            Running current = this.running;
            this.left = (current == null) ? CompletableFuture.completedFuture(null)
                    : CoordinatedShutdown.get(current.system)
                        .runAll(CoordinatedShutdown.clusterLeavingReason())
                        .thenApply((done) -> (Void) null)
                        .toCompletableFuture();
        }
        return this.left;
    }

    /**
     * Leaves the cluster ({@link #leave()}) and waits for it, at most a minute.
     */
    @Override
    public void close() {
        try {
            leave().get(1, TimeUnit.MINUTES);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException | TimeoutException ex) {
            logger.warn("Leaving the cluster did not complete", ex);
        }
    }

    /**
     * Stops the cluster runtime without leaving, as a crash would (for tests of downing); needs
     * {@code coordinated-shutdown.run-by-actor-system-terminate = off} in the Pekko settings.
     */
    void crash() {
        this.leaving = true;
        Running current = this.running;
        if (current != null) {
            current.system.terminate();
        }
    }

    EntityRef<EntityCommand> entityRef(ShardedKeyedActor<?, ?> actor, String key) {
        Running current = this.running;
        if (current == null || this.leaving || current.cluster.isTerminated()) {
            throw new ActorClosedException(actor.name(), "Actor '" + actor.name() + "' is not reachable: "
                    + ((current == null) ? "this instance has not joined the cluster yet"
                            : "this instance has left the cluster"));
        }
        return current.sharding.entityRefFor(actor.typeKey(), key);
    }

    LongSupplier clock() {
        return this.clock;
    }

    /**
     * Where a caller's future completes when its reply arrives on one of Pekko's threads (remoting, the scheduler, a
     * shard): Pekko's default dispatcher, which carries neither the remoting, nor the timers, nor the cluster's own
     * actors.
     *
     * @return the executor
     * @throws IllegalStateException before {@link #start()}
     */
    Executor completions() {
        Running current = this.running;
        if (current == null) {
            throw new IllegalStateException("The cluster has not started");
        }
        return current.system.executionContext();
    }

    synchronized List<ShardedKeyedActor<?, ?>> hostedActors() {
        return List.copyOf(this.hosted.values());
    }

    static String hostPort(Address address) {
        return address.host().get() + ":" + address.port().get();
    }

    static String status(MemberStatus status) {
        // Up -> up, WeaklyUp -> weakly-up, PreparingForShutdown -> preparing-for-shutdown
        return status.toString().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private record Running(ActorSystem<Void> system, ClusterSharding sharding, Cluster cluster) {
    }
}
