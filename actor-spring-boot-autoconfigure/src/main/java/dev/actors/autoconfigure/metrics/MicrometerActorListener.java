package dev.actors.autoconfigure.metrics;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import dev.actors.ActorKind;
import dev.actors.ActorState;
import dev.actors.BatchFailurePolicy;
import dev.actors.spi.ActorListener;
import dev.actors.ActorRef;
import dev.actors.spi.FlushOutcome;
import dev.actors.ActorSettings;
import dev.actors.KeyedActorRef;
import dev.actors.spi.PassivationReason;
import dev.actors.spi.FlushTrigger;
import dev.actors.spi.RejectReason;

/**
 * An {@link ActorListener} that records one actor's activity in a {@link MeterRegistry}. Every meter is tagged
 * {@code actor=<name>} and registered when the listener is created, so the hot path only records into meters it
 * already holds and never looks one up.
 *
 * <p>Meters that cannot move for the actor's kind are not registered: {@code actor.message.process} exists for plain
 * actors only, {@code actor.batch.flush} and {@code actor.batch.size} for batch actors only, and
 * {@code actor.batch.retries} (with the flush outcome {@code bisected}) for batch actors that bisect failed batches
 * ({@code batch.on-failure: bisect}). A dashboard therefore
 * shows no flat-zero series that could be mistaken for an idle actor; the {@code actor.keyed.*} meters exist for keyed
 * actors only.
 */
public final class MicrometerActorListener implements ActorListener {

    static final String MAILBOX_SIZE = "actor.mailbox.size";

    static final String MAILBOX_CAPACITY = "actor.mailbox.capacity";

    static final String MESSAGE_WAIT = "actor.message.wait";

    static final String MESSAGE_PROCESS = "actor.message.process";

    static final String MESSAGES_REJECTED = "actor.messages.rejected";

    static final String MESSAGES_EXPIRED = "actor.messages.expired";

    static final String BATCH_FLUSH = "actor.batch.flush";

    static final String BATCH_SIZE = "actor.batch.size";

    static final String BATCH_RETRIES = "actor.batch.retries";

    static final String RESTARTS = "actor.restarts";

    static final String RESTARTS_RECENT = "actor.restarts.recent";

    static final String RESTARTS_LIMIT = "actor.restarts.limit";

    static final String STATE = "actor.state";

    static final String CLOSE_FAILURES = "actor.close.failures";

    static final String RUNS_REFUSED = "actor.runs.refused";

    static final String KEYED_ACTIVE = "actor.keyed.active";

    static final String KEYED_ACTIVATIONS = "actor.keyed.activations";

    static final String KEYED_PASSIVATIONS = "actor.keyed.passivations";

    private static final String MESSAGES = "messages";

    private static final String SUCCESS = "success";

    private static final String FAILURE = "failure";

    private final Timer waitTimer;

    private final Timer processSuccess;

    private final Timer processFailure;

    private final Counter rejectedFull;

    private final Counter rejectedClosed;

    private final Counter expired;

    private final Counter restarts;

    /** By outcome, then trigger; {@code null} for plain actors, and outcomes that cannot happen have no timers. */
    private final Map<FlushOutcome, Map<FlushTrigger, Timer>> flushTimers;

    private final DistributionSummary batchSize;

    private final RecentRestarts recentRestarts;

    private final Counter batchRetries;

    private final Counter closeFailures;

    private final Counter runsRefused;

    private final Counter activations;

    private final Map<PassivationReason, Counter> passivations;

    /**
     * Registers the meters of one actor.
     *
     * @param registry where to register them
     * @param actor the actor they describe
     */
    public MicrometerActorListener(MeterRegistry registry, ActorRef<?, ?> actor) {
        // One record per scrape is the price of reading the size through the public API; sends pay nothing.
        this(registry, actor.name(), actor.kind(), actor.settings(), actor::state, () -> actor.stats().mailboxSize(),
                null);
    }

    /**
     * Registers the meters of one keyed actor: the same meters as a plain actor's, adding up over its keys (the
     * mailbox size is the sum over the live keys, the capacity each key's, the recent restarts those of every key),
     * and the keyed meters. No meter has a tag per key: keys are unbounded.
     *
     * @param registry where to register them
     * @param actor the keyed actor they describe
     */
    public MicrometerActorListener(MeterRegistry registry, KeyedActorRef<?, ?> actor) {
        // The size walks the live keys once per scrape: bounded by max-active, and sends pay nothing.
        this(registry, actor.name(), actor.kind(), actor.settings(), actor::state, () -> actor.stats().mailboxSize(),
                actor);
        Gauge.builder(KEYED_ACTIVE, actor, KeyedActorRef::activeCount)
            .tags(Tags.of("actor", actor.name()))
            .description("Live instances of the keyed actor (keys not passivated)")
            .register(registry);
    }

    private MicrometerActorListener(MeterRegistry registry, String name, ActorKind kind, ActorSettings settings,
            Supplier<ActorState> currentState, Supplier<Number> mailboxSize, KeyedActorRef<?, ?> keyed) {
        Tags tags = Tags.of("actor", name);
        Gauge.builder(MAILBOX_SIZE, mailboxSize)
            .tags(tags)
            .description("Messages waiting in the actor's mailbox")
            .baseUnit(MESSAGES)
            .register(registry);
        int capacity = settings.mailboxCapacity();
        Gauge.builder(MAILBOX_CAPACITY, () -> capacity)
            .tags(tags)
            .description("The bound of the actor's mailbox")
            .baseUnit(MESSAGES)
            .register(registry);
        this.waitTimer = Timer.builder(MESSAGE_WAIT)
            .tags(tags)
            .description("Time from a message being accepted to its handling starting")
            .register(registry);
        this.rejectedFull = rejectedCounter(registry, tags, RejectReason.FULL);
        this.rejectedClosed = rejectedCounter(registry, tags, RejectReason.CLOSED);
        this.expired = Counter.builder(MESSAGES_EXPIRED)
            .tags(tags)
            .description("Messages skipped because their caller's timeout passed while they were queued")
            .baseUnit(MESSAGES)
            .register(registry);
        this.restarts = Counter.builder(RESTARTS)
            .tags(tags)
            .description("Restarts of the actor by its failure policy")
            .register(registry);
        this.recentRestarts = new RecentRestarts(settings.restartWithin().toNanos());
        Gauge.builder(RESTARTS_RECENT, this.recentRestarts, RecentRestarts::count)
            .tags(tags)
            .description("Restarts within the last restart.within: the count that restart.max-restarts limits")
            .register(registry);
        int maxRestarts = settings.maxRestarts();
        Gauge.builder(RESTARTS_LIMIT, () -> maxRestarts)
            .tags(tags)
            .description("Most restarts within restart.within (restart.max-restarts); one more stops the actor")
            .register(registry);
        for (ActorState state : ActorState.values()) {
            // One series per state, 1 for the current one: a dashboard or alert selects a state by its tag.
            Gauge.builder(STATE, () -> (currentState.get() == state) ? 1 : 0)
                .tags(tags)
                .tag("state", state.name().toLowerCase(Locale.ROOT))
                .description("1 for the actor's current life-cycle state, 0 for the others")
                .register(registry);
        }
        this.closeFailures = Counter.builder(CLOSE_FAILURES)
            .tags(tags)
            .description("Instances whose close() threw when they ended")
            .register(registry);
        this.runsRefused = Counter.builder(RUNS_REFUSED)
            .tags(tags)
            .description("Runs of the actor that its executor refused (each is retried with a back-off)")
            .register(registry);
        if (keyed != null) {
            this.activations = Counter.builder(KEYED_ACTIVATIONS)
                .tags(tags)
                .description("Instances made for a key at its first message since it was last passivated")
                .register(registry);
            this.passivations = new EnumMap<>(PassivationReason.class);
            for (PassivationReason reason : PassivationReason.values()) {
                this.passivations.put(reason, Counter.builder(KEYED_PASSIVATIONS)
                    .tags(tags)
                    .tag("reason", reason.tagValue())
                    .description("Instances of a key closed and dropped: idle, over max-active, or failed")
                    .register(registry));
            }
        }
        else {
            this.activations = null;
            this.passivations = null;
        }
        if (kind == ActorKind.BATCH) {
            this.processSuccess = null;
            this.processFailure = null;
            boolean bisect = settings.batchOnFailure() == BatchFailurePolicy.BISECT;
            this.flushTimers = new EnumMap<>(FlushOutcome.class);
            for (FlushOutcome outcome : FlushOutcome.values()) {
                if (bisect || outcome != FlushOutcome.BISECTED) {
                    this.flushTimers.put(outcome, flushTimers(registry, tags, outcome.tagValue()));
                }
            }
            this.batchRetries = bisect ? Counter.builder(BATCH_RETRIES)
                .tags(tags)
                .description("Calls of the batch handler that retried part of a failed batch (batch.on-failure: "
                        + "bisect)")
                .register(registry) : null;
            this.batchSize = DistributionSummary.builder(BATCH_SIZE)
                .tags(tags)
                .description("Messages handed to the batch actor per flush")
                .baseUnit(MESSAGES)
                .register(registry);
        }
        else {
            this.processSuccess = processTimer(registry, tags, SUCCESS);
            this.processFailure = processTimer(registry, tags, FAILURE);
            this.flushTimers = null;
            this.batchSize = null;
            this.batchRetries = null;
        }
    }

    private static Counter rejectedCounter(MeterRegistry registry, Tags tags, RejectReason reason) {
        return Counter.builder(MESSAGES_REJECTED)
            .tags(tags)
            .tag("reason", reason.tagValue())
            .description("Messages the actor did not accept: mailbox full, or actor stopping or stopped")
            .baseUnit(MESSAGES)
            .register(registry);
    }

    private static Timer processTimer(MeterRegistry registry, Tags tags, String outcome) {
        return Timer.builder(MESSAGE_PROCESS)
            .tags(tags)
            .tag("outcome", outcome)
            .description("Time spent in the actor's handler per message")
            .register(registry);
    }

    private static Map<FlushTrigger, Timer> flushTimers(MeterRegistry registry, Tags tags, String outcome) {
        Map<FlushTrigger, Timer> timers = new EnumMap<>(FlushTrigger.class);
        for (FlushTrigger trigger : FlushTrigger.values()) {
            timers.put(trigger, Timer.builder(BATCH_FLUSH)
                .tags(tags)
                .tag("trigger", trigger.tagValue())
                .tag("outcome", outcome)
                .description("Time spent in the batch actor's handler per flush")
                .register(registry));
        }
        return timers;
    }

    @Override
    public void messageStarted(long waitNanos) {
        this.waitTimer.record(waitNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void messageProcessed(long nanos, boolean success) {
        Timer timer = success ? this.processSuccess : this.processFailure;
        if (timer != null) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void messageRejected(RejectReason reason) {
        ((reason == RejectReason.FULL) ? this.rejectedFull : this.rejectedClosed).increment();
    }

    @Override
    public void messageExpired() {
        this.expired.increment();
    }

    @Override
    public void batchFlushed(FlushTrigger trigger, int size, long nanos, FlushOutcome outcome) {
        Map<FlushTrigger, Timer> timers = (this.flushTimers != null) ? this.flushTimers.get(outcome) : null;
        if (timers != null) {
            timers.get(trigger).record(nanos, TimeUnit.NANOSECONDS);
            this.batchSize.record(size);
        }
    }

    @Override
    public void batchRetried(int size) {
        if (this.batchRetries != null) {
            this.batchRetries.increment();
        }
    }

    @Override
    public void restarted(Throwable cause) {
        this.restarts.increment();
        this.recentRestarts.add(System.nanoTime());
    }

    @Override
    public void closeFailed(Throwable failure) {
        this.closeFailures.increment();
    }

    @Override
    public void runRefused(Throwable cause) {
        this.runsRefused.increment();
    }

    @Override
    public void keyActivated() {
        if (this.activations != null) {
            this.activations.increment();
        }
    }

    @Override
    public void keyPassivated(PassivationReason reason) {
        if (this.passivations != null) {
            this.passivations.get(reason).increment();
        }
    }

    /**
     * The times of the restarts within the sliding window that restart intensity uses, so that a scrape can tell
     * how close the actor is to being stopped for good. Restarts are rare and scrapes infrequent: a lock is cheap.
     */
    private static final class RecentRestarts {

        private final long windowNanos;

        private final ArrayDeque<Long> times = new ArrayDeque<>();

        RecentRestarts(long windowNanos) {
            this.windowNanos = windowNanos;
        }

        synchronized void add(long now) {
            this.times.addLast(now);
            dropOlderThanWindow(now);
        }

        synchronized int count() {
            dropOlderThanWindow(System.nanoTime());
            return this.times.size();
        }

        private void dropOlderThanWindow(long now) {
            while (!this.times.isEmpty() && now - this.times.peekFirst() > this.windowNanos) {
                this.times.pollFirst();
            }
        }
    }
}
