package dev.actors;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

/**
 * Per-actor settings, immutable. Start from {@link #defaults()} or {@link #builder()}; every setting has the
 * default named on its accessor. The builder checks each value as it is set and refuses a bad one with an
 * {@link InvalidSettingException} that names the setting by its {@code application.yml} key, so settings that
 * exist are always valid.
 *
 * <p>Durations are kept in nanoseconds by the runtime: a duration longer than {@link ActorSettings#MAX_DURATION} (about 292
 * years, for example {@code ChronoUnit.FOREVER}) is refused.
 */
public final class ActorSettings {

    /** Default mailbox capacity: 1000 messages. */
    public static final int DEFAULT_MAILBOX_CAPACITY = 1000;

    /** Default offer timeout with {@link OverflowPolicy#BLOCK}: 1 s. */
    public static final Duration DEFAULT_OFFER_TIMEOUT = Duration.ofSeconds(1);

    /** Default call timeout: 5 s, as Erlang's gen_server. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    /** Default restart intensity: 3 restarts ... */
    public static final int DEFAULT_MAX_RESTARTS = 3;

    /** ... within 1 minute. */
    public static final Duration DEFAULT_RESTART_WITHIN = Duration.ofMinutes(1);

    /** Default time a graceful stop waits for queued messages: 30 s. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    /** Default longest wait for the stage an async handler returned: 30 seconds. */
    public static final Duration DEFAULT_ASYNC_TIMEOUT = Duration.ofSeconds(30);

    /** Default maximum batch size: 100 messages. */
    public static final int DEFAULT_BATCH_MAX_SIZE = 100;

    /**
     * Default maximum time a batch waits for more messages after its first: zero, no linger (adaptive batching: a
     * batch takes what is waiting when the actor is free).
     */
    public static final Duration DEFAULT_BATCH_MAX_TIME = Duration.ZERO;

    /** Default number of messages handled per scheduling run before the thread is handed to other actors. */
    public static final int DEFAULT_THROUGHPUT = 64;

    /** Default {@link #spinBeforeIdle()}: 10 microseconds. */
    public static final Duration DEFAULT_SPIN_BEFORE_IDLE = Duration.ofNanos(10_000);

    /** Default time a keyed actor's instance stays idle before it is passivated: 2 min, as Pekko's sharding. */
    public static final Duration DEFAULT_PASSIVATE_AFTER = Duration.ofMinutes(2);

    /** Default most live instances of one keyed actor: 10,000. */
    public static final int DEFAULT_MAX_ACTIVE = 10_000;

    /**
     * The longest duration any setting accepts: {@link Long#MAX_VALUE} nanoseconds, about 292 years.
     */
    public static final Duration MAX_DURATION = Duration.ofNanos(Long.MAX_VALUE);

    private static final ActorSettings DEFAULTS = new Builder().build();

    private final int mailboxCapacity;

    private final OverflowPolicy overflow;

    private final Duration offerTimeout;

    private final Duration callTimeout;

    private final FailurePolicy onFailure;

    private final int maxRestarts;

    private final Duration restartWithin;

    private final Duration shutdownTimeout;

    private final Duration asyncTimeout;

    private final int batchMaxSize;

    private final Duration batchMaxTime;

    private final BatchFailurePolicy batchOnFailure;

    private final int throughput;

    private final Duration spinBeforeIdle;

    private final Duration passivateAfter;

    private final int maxActive;

    private final @Nullable Executor executor;

    private ActorSettings(Builder builder) {
        this.mailboxCapacity = builder.mailboxCapacity;
        this.overflow = builder.overflow;
        this.offerTimeout = builder.offerTimeout;
        this.callTimeout = builder.callTimeout;
        this.onFailure = builder.onFailure;
        this.maxRestarts = builder.maxRestarts;
        this.restartWithin = builder.restartWithin;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.asyncTimeout = builder.asyncTimeout;
        this.batchMaxSize = builder.batchMaxSize;
        this.batchMaxTime = builder.batchMaxTime;
        this.batchOnFailure = builder.batchOnFailure;
        this.throughput = builder.throughput;
        this.spinBeforeIdle = builder.spinBeforeIdle;
        this.passivateAfter = builder.passivateAfter;
        this.maxActive = builder.maxActive;
        this.executor = builder.executor;
    }

    /**
     * Returns the default settings.
     *
     * @return the defaults
     */
    public static ActorSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a builder preset with the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder preset with these settings, to change a few of them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The most messages the mailbox holds ({@code mailbox-capacity}, default 1000).
     *
     * @return the capacity
     */
    public int mailboxCapacity() {
        return this.mailboxCapacity;
    }

    /**
     * What a sender meets when the mailbox is full ({@code overflow}, default {@link OverflowPolicy#REJECT}).
     *
     * @return the overflow policy
     */
    public OverflowPolicy overflow() {
        return this.overflow;
    }

    /**
     * How long a sender waits for space with {@link OverflowPolicy#BLOCK} ({@code offer-timeout}, default 1 s).
     *
     * @return the offer timeout
     */
    public Duration offerTimeout() {
        return this.offerTimeout;
    }

    /**
     * How long {@link ActorHandle#call(Object)} waits for its reply ({@code call-timeout}, default 5 s).
     *
     * @return the call timeout
     */
    public Duration callTimeout() {
        return this.callTimeout;
    }

    /**
     * What happens to the actor when its handler throws ({@code on-failure}, default {@link FailurePolicy#RESUME}).
     *
     * @return the failure policy
     */
    public FailurePolicy onFailure() {
        return this.onFailure;
    }

    /**
     * The most restarts allowed within {@link #restartWithin()} ({@code restart.max-restarts}, default 3).
     *
     * @return the restart limit
     */
    public int maxRestarts() {
        return this.maxRestarts;
    }

    /**
     * The window in which restarts are counted ({@code restart.within}, default 1 min).
     *
     * @return the restart window
     */
    public Duration restartWithin() {
        return this.restartWithin;
    }

    /**
     * How long a graceful stop handles queued messages before failing the rest ({@code shutdown-timeout},
     * default 30 s).
     *
     * @return the shutdown timeout
     */
    public Duration shutdownTimeout() {
        return this.shutdownTimeout;
    }

    /**
     * The longest an {@link AsyncActor} or {@link AsyncBatchActor} keeps its actor waiting for the stage its handler
     * returned ({@code async-timeout}, default 30 s). When it passes, the message (or batch) fails with
     * {@link ActorAsyncTimeoutException}, the failure policy applies, and the actor goes on; the stage's late result
     * is discarded. Other actors ignore it.
     *
     * @return the async timeout
     */
    public Duration asyncTimeout() {
        return this.asyncTimeout;
    }

    /**
     * The most messages in one batch, for {@link BatchActor}s ({@code batch.max-size}, default 100).
     *
     * @return the batch size limit
     */
    public int batchMaxSize() {
        return this.batchMaxSize;
    }

    /**
     * The linger of a {@link BatchActor}: the longest a batch that is not full waits after its first message for
     * more, before it is handed over ({@code batch.max-time}, default zero). Zero is adaptive batching: a message
     * that finds the actor free is handed over at once, and messages that come while a batch is handled make up the
     * next one. A linger buys fuller batches at low load for up to that much latency per message, as Kafka's
     * {@code linger.ms} does: worth it only when a flush costs much more than the wait (a remote call with a
     * per-request price), never for a commit that callers wait on.
     *
     * @return the linger
     */
    public Duration batchMaxTime() {
        return this.batchMaxTime;
    }

    /**
     * What a {@link BatchActor} does with a batch whose handler threw ({@code batch.on-failure}, default
     * {@link BatchFailurePolicy#FAIL_BATCH}).
     *
     * @return the batch failure policy
     */
    public BatchFailurePolicy batchOnFailure() {
        return this.batchOnFailure;
    }

    /**
     * The most messages handled in one scheduling run before the thread goes to other actors
     * ({@code throughput}, default 64): the fairness bound between actors that share an executor.
     *
     * @return the throughput
     */
    public int throughput() {
        return this.throughput;
    }

    /**
     * How long the actor's thread waits, spinning, for the next message when a run has drained the mailbox after
     * one or two messages, the last a call ({@code spin-before-idle}, default 10 µs; zero turns it off). A caller
     * that got its answer often calls again within microseconds: catching that message saves a hand-off to the
     * executor and a thread wake-up, which cuts the round trip of back-to-back calls several times over. The spin
     * stops at once when other tasks wait for the executor, and only pools that can tell that (a
     * {@code ThreadPoolExecutor} or a {@code ForkJoinPool}) get one; casts and long drains never trigger it, so bulk
     * one-way traffic and busy actors are unaffected.
     *
     * @return the longest spin
     */
    public Duration spinBeforeIdle() {
        return this.spinBeforeIdle;
    }

    /**
     * How long a keyed actor's instance stays idle (no message accepted) before it is passivated: handed its queued
     * messages, closed and dropped ({@code passivate-after}, default 2 min). Keyed actors only.
     *
     * @return the idle time before passivation
     */
    public Duration passivateAfter() {
        return this.passivateAfter;
    }

    /**
     * The most live instances of a keyed actor ({@code max-active}, default 10,000): beyond it, the least recently
     * used idle instances are passivated first. Keyed actors only.
     *
     * @return the limit of live instances
     */
    public int maxActive() {
        return this.maxActive;
    }

    /**
     * The executor that runs this actor's handler, or {@code null} for the {@link ActorSystem}'s.
     *
     * @return the executor, or {@code null}
     */
    public @Nullable Executor executor() {
        return this.executor;
    }

    @Override
    public String toString() {
        return "ActorSettings{mailbox-capacity=" + this.mailboxCapacity + ", overflow=" + this.overflow
                + ", offer-timeout=" + this.offerTimeout + ", call-timeout=" + this.callTimeout + ", on-failure="
                + this.onFailure + ", restart.max-restarts=" + this.maxRestarts + ", restart.within="
                + this.restartWithin + ", shutdown-timeout=" + this.shutdownTimeout + ", async-timeout="
                + this.asyncTimeout + ", batch.max-size="
                + this.batchMaxSize + ", batch.max-time=" + this.batchMaxTime + ", batch.on-failure="
                + this.batchOnFailure.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ", throughput="
                + this.throughput + ", spin-before-idle=" + this.spinBeforeIdle + ", passivate-after="
                + this.passivateAfter + ", max-active=" + this.maxActive + "}";
    }

    /**
     * Builds {@link ActorSettings}; starts from the defaults. Each setter checks its value at once, as
     * resilience4j's config builders do, so that the error points at the line that set it.
     */
    public static final class Builder {

        private int mailboxCapacity = DEFAULT_MAILBOX_CAPACITY;

        private OverflowPolicy overflow = OverflowPolicy.REJECT;

        private Duration offerTimeout = DEFAULT_OFFER_TIMEOUT;

        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;

        private FailurePolicy onFailure = FailurePolicy.RESUME;

        private int maxRestarts = DEFAULT_MAX_RESTARTS;

        private Duration restartWithin = DEFAULT_RESTART_WITHIN;

        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

        private Duration asyncTimeout = DEFAULT_ASYNC_TIMEOUT;

        private int batchMaxSize = DEFAULT_BATCH_MAX_SIZE;

        private Duration batchMaxTime = DEFAULT_BATCH_MAX_TIME;

        private BatchFailurePolicy batchOnFailure = BatchFailurePolicy.FAIL_BATCH;

        private int throughput = DEFAULT_THROUGHPUT;

        private Duration spinBeforeIdle = DEFAULT_SPIN_BEFORE_IDLE;

        private Duration passivateAfter = DEFAULT_PASSIVATE_AFTER;

        private int maxActive = DEFAULT_MAX_ACTIVE;

        private @Nullable Executor executor;

        private Builder() {
        }

        private Builder(ActorSettings settings) {
            this.mailboxCapacity = settings.mailboxCapacity;
            this.overflow = settings.overflow;
            this.offerTimeout = settings.offerTimeout;
            this.callTimeout = settings.callTimeout;
            this.onFailure = settings.onFailure;
            this.maxRestarts = settings.maxRestarts;
            this.restartWithin = settings.restartWithin;
            this.shutdownTimeout = settings.shutdownTimeout;
            this.asyncTimeout = settings.asyncTimeout;
            this.batchMaxSize = settings.batchMaxSize;
            this.batchMaxTime = settings.batchMaxTime;
            this.batchOnFailure = settings.batchOnFailure;
            this.throughput = settings.throughput;
            this.spinBeforeIdle = settings.spinBeforeIdle;
            this.passivateAfter = settings.passivateAfter;
            this.maxActive = settings.maxActive;
            this.executor = settings.executor;
        }

        /**
         * Sets {@link ActorSettings#mailboxCapacity()}.
         *
         * @param mailboxCapacity the capacity, positive
         * @return this builder
         * @throws InvalidSettingException when the capacity is not positive
         */
        public Builder mailboxCapacity(int mailboxCapacity) {
            this.mailboxCapacity = positive("mailbox-capacity", mailboxCapacity);
            return this;
        }

        /**
         * Sets {@link ActorSettings#overflow()}.
         *
         * @param overflow the policy
         * @return this builder
         */
        public Builder overflow(OverflowPolicy overflow) {
            this.overflow = Objects.requireNonNull(overflow, "overflow");
            return this;
        }

        /**
         * Sets {@link ActorSettings#offerTimeout()}.
         *
         * @param offerTimeout the timeout, not negative
         * @return this builder
         * @throws InvalidSettingException when it is negative or longer than {@link ActorSettings#MAX_DURATION}
         */
        public Builder offerTimeout(Duration offerTimeout) {
            this.offerTimeout = notNegative("offer-timeout", offerTimeout);
            return this;
        }

        /**
         * Sets {@link ActorSettings#callTimeout()}.
         *
         * @param callTimeout the timeout, positive
         * @return this builder
         * @throws InvalidSettingException when it is not positive or longer than {@link ActorSettings#MAX_DURATION}
         */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = positive("call-timeout", callTimeout);
            return this;
        }

        /**
         * Sets {@link ActorSettings#onFailure()}.
         *
         * @param onFailure the policy
         * @return this builder
         */
        public Builder onFailure(FailurePolicy onFailure) {
            this.onFailure = Objects.requireNonNull(onFailure, "on-failure");
            return this;
        }

        /**
         * Sets {@link ActorSettings#maxRestarts()}.
         *
         * @param maxRestarts the limit, not negative
         * @return this builder
         * @throws InvalidSettingException when the limit is negative
         */
        public Builder maxRestarts(int maxRestarts) {
            this.maxRestarts = notNegative("restart.max-restarts", maxRestarts);
            return this;
        }

        /**
         * Sets {@link ActorSettings#restartWithin()}.
         *
         * @param restartWithin the window, positive
         * @return this builder
         * @throws InvalidSettingException when it is not positive or longer than {@link ActorSettings#MAX_DURATION}
         */
        public Builder restartWithin(Duration restartWithin) {
            this.restartWithin = positive("restart.within", restartWithin);
            return this;
        }

        /**
         * Sets {@link ActorSettings#shutdownTimeout()}.
         *
         * @param shutdownTimeout the timeout, not negative
         * @return this builder
         * @throws InvalidSettingException when it is negative or longer than {@link ActorSettings#MAX_DURATION}
         */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = notNegative("shutdown-timeout", shutdownTimeout);
            return this;
        }

        /**
         * Sets {@link ActorSettings#asyncTimeout()}.
         *
         * @param asyncTimeout the timeout, positive
         * @return this builder
         */
        public Builder asyncTimeout(Duration asyncTimeout) {
            this.asyncTimeout = positive("async-timeout", asyncTimeout);
            return this;
        }

        /**
         * Sets {@link ActorSettings#batchMaxSize()}.
         *
         * @param batchMaxSize the size, positive
         * @return this builder
         * @throws InvalidSettingException when the size is not positive
         */
        public Builder batchMaxSize(int batchMaxSize) {
            this.batchMaxSize = positive("batch.max-size", batchMaxSize);
            return this;
        }

        /**
         * Sets {@link ActorSettings#batchMaxTime()}.
         *
         * @param batchMaxTime the time, not negative
         * @return this builder
         * @throws InvalidSettingException when it is negative or longer than {@link ActorSettings#MAX_DURATION}
         */
        public Builder batchMaxTime(Duration batchMaxTime) {
            this.batchMaxTime = notNegative("batch.max-time", batchMaxTime);
            return this;
        }

        /**
         * Sets {@link ActorSettings#batchOnFailure()}.
         *
         * @param batchOnFailure the policy
         * @return this builder
         */
        public Builder batchOnFailure(BatchFailurePolicy batchOnFailure) {
            this.batchOnFailure = Objects.requireNonNull(batchOnFailure, "batch.on-failure");
            return this;
        }

        /**
         * Sets {@link ActorSettings#throughput()}.
         *
         * @param throughput messages per scheduling run, positive
         * @return this builder
         * @throws InvalidSettingException when the throughput is not positive
         */
        public Builder throughput(int throughput) {
            this.throughput = positive("throughput", throughput);
            return this;
        }

        /**
         * Sets {@link ActorSettings#spinBeforeIdle()}.
         *
         * @param spinBeforeIdle the longest spin, not negative; zero turns it off
         * @return this builder
         * @throws InvalidSettingException when it is negative or longer than {@link ActorSettings#MAX_DURATION}
         */
        public Builder spinBeforeIdle(Duration spinBeforeIdle) {
            this.spinBeforeIdle = notNegative("spin-before-idle", spinBeforeIdle);
            return this;
        }

        /**
         * Sets {@link ActorSettings#passivateAfter()}.
         *
         * @param passivateAfter the idle time, positive
         * @return this builder
         * @throws InvalidSettingException when it is not positive or longer than {@link ActorSettings#MAX_DURATION}
         */
        public Builder passivateAfter(Duration passivateAfter) {
            this.passivateAfter = positive("passivate-after", passivateAfter);
            return this;
        }

        /**
         * Sets {@link ActorSettings#maxActive()}.
         *
         * @param maxActive the limit, positive
         * @return this builder
         * @throws InvalidSettingException when the limit is not positive
         */
        public Builder maxActive(int maxActive) {
            this.maxActive = positive("max-active", maxActive);
            return this;
        }

        /**
         * Sets {@link ActorSettings#executor()}.
         *
         * @param executor the executor, or {@code null} for the actor system's
         * @return this builder
         */
        public Builder executor(@Nullable Executor executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         */
        public ActorSettings build() {
            return new ActorSettings(this);
        }

        private static int positive(String setting, int value) {
            if (value <= 0) {
                throw new InvalidSettingException(setting, value, "must be positive");
            }
            return value;
        }

        private static int notNegative(String setting, int value) {
            if (value < 0) {
                throw new InvalidSettingException(setting, value, "must not be negative");
            }
            return value;
        }

        private static Duration positive(String setting, Duration value) {
            if (notNegative(setting, value).isZero()) {
                throw new InvalidSettingException(setting, value, "must be positive");
            }
            return value;
        }

        private static Duration notNegative(String setting, Duration value) {
            Objects.requireNonNull(value, setting);
            if (value.isNegative()) {
                throw new InvalidSettingException(setting, value, "must not be negative");
            }
            // The runtime counts in nanoseconds: a longer value would overflow deep inside, long after start-up.
            if (value.compareTo(MAX_DURATION) > 0) {
                throw new InvalidSettingException(setting, value,
                        "must be at most " + MAX_DURATION + " (Long.MAX_VALUE nanoseconds)");
            }
            return value;
        }
    }
}
