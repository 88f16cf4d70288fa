package dev.actors.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.actors.ActorSettings;
import dev.actors.BatchFailurePolicy;
import dev.actors.FailurePolicy;
import dev.actors.OverflowPolicy;

/**
 * Configuration properties of the application's actors, under {@code actors}: immutable, bound through the
 * constructor.
 *
 * <p>{@code actors.defaults.*} apply to every actor; {@code actors.workers.<name>.*} override them for the actor of
 * that name. A value set nowhere keeps the runtime's default (see {@link ActorSettings}), which is the one place
 * where defaults and ranges live. A key under {@code actors} that names no property, neither here nor in the
 * configuration metadata of another module that owns a group under {@code actors}, fails the start (see
 * {@link ActorsPropertiesBindHandler}).
 *
 * <p>Handlers run on the executor bean named {@value ActorsAutoConfiguration#EXECUTOR_BEAN_NAME}: virtual threads
 * with {@code spring.threads.virtual.enabled=true} on JDK 21+, otherwise a bounded pool of platform threads. Define
 * a bean of type {@link java.util.concurrent.Executor} with that name to supply your own.
 */
@ConfigurationProperties("actors")
public final class ActorsProperties {

    /**
     * Whether to create the application's actors and their handles.
     */
    private final boolean enabled;

    /**
     * Settings of every actor, unless overridden under actors.workers.
     */
    private final Settings defaults;

    /**
     * Settings of single actors, by actor name. A value not set here comes from actors.defaults.
     */
    private final Map<String, Settings> workers;

    /**
     * How the actors' exceptions become HTTP responses in Spring MVC applications.
     */
    private final Web web;

    /**
     * Creates the properties.
     *
     * @param enabled whether to create the actors
     * @param defaults the settings of every actor
     * @param workers the settings of single actors, by name
     * @param web the HTTP side
     */
    public ActorsProperties(@DefaultValue("true") boolean enabled, @DefaultValue Settings defaults,
            @Nullable Map<String, Settings> workers, @DefaultValue Web web) {
        this.enabled = enabled;
        this.defaults = defaults;
        this.workers = (workers != null) ? Map.copyOf(workers) : Map.of();
        this.web = web;
    }

    /**
     * Returns whether to create the application's actors.
     *
     * @return whether actors are enabled
     */
    public boolean isEnabled() {
        return this.enabled;
    }

    /**
     * Returns the settings of every actor.
     *
     * @return the defaults
     */
    public Settings getDefaults() {
        return this.defaults;
    }

    /**
     * Returns the settings of single actors.
     *
     * @return the settings by actor name
     */
    public Map<String, Settings> getWorkers() {
        return this.workers;
    }

    /**
     * Returns the HTTP side.
     *
     * @return the web properties
     */
    public Web getWeb() {
        return this.web;
    }

    /**
     * The HTTP side: what a client is told when an actor cannot take its request.
     */
    public static final class Web {

        /**
         * How long a client that got a 503 (full mailbox, stopping actor) should wait before it retries: the
         * Retry-After header, in whole seconds, rounded up.
         */
        private final Duration retryAfter;

        /**
         * Creates the web properties.
         *
         * @param retryAfter the Retry-After of a 503
         */
        public Web(@DefaultValue("1s") Duration retryAfter) {
            this.retryAfter = retryAfter;
        }

        /**
         * Returns the Retry-After of a 503.
         *
         * @return the duration
         */
        public Duration getRetryAfter() {
            return this.retryAfter;
        }
    }

    /**
     * Settings of one actor, or of all. Every value is optional: one left unset falls back to
     * {@code actors.defaults}, then to the runtime's default.
     */
    public static final class Settings {

        /**
         * Most messages the mailbox holds; a full mailbox refuses new ones (or makes senders wait, with overflow
         * 'block').
         */
        private final @Nullable Integer mailboxCapacity;

        /**
         * What a sender meets when the mailbox is full: 'reject' fails at once, 'block' waits up to offer-timeout
         * for space.
         */
        private final @Nullable OverflowPolicy overflow;

        /**
         * How long a sender waits for space in a full mailbox with overflow 'block'.
         */
        private final @Nullable Duration offerTimeout;

        /**
         * How long a call waits for its reply.
         */
        private final @Nullable Duration callTimeout;

        /**
         * What happens to the actor when its handler throws: 'resume' keeps the instance, 'restart' replaces it
         * with a fresh one from Spring, 'stop' stops the actor for good.
         */
        private final @Nullable FailurePolicy onFailure;

        /**
         * How long a graceful stop keeps handling queued messages before it fails the rest.
         */
        private final @Nullable Duration shutdownTimeout;

        /**
         * How long the actor waits for the stage its handler returned, for AsyncActor and AsyncBatchActor actors
         * only; past it the message (or batch) fails with ActorAsyncTimeoutException and the actor goes on. Under
         * 'actors.defaults' it applies to the async actors; setting it for another actor fails the start.
         */
        private final @Nullable Duration asyncTimeout;

        /**
         * How long the actor's thread spins for the next message after a drain of one or two messages ending in a
         * call, before it gives the thread back: saves a thread wake-up on back-to-back calls. Zero turns it off.
         * Only with a ThreadPoolExecutor or ForkJoinPool executor; never after casts or long drains.
         */
        private final @Nullable Duration spinBeforeIdle;

        /**
         * Most messages handled in one scheduling run before the thread goes to other actors that wait for it:
         * the fairness bound between actors that share the executor.
         */
        private final @Nullable Integer throughput;

        /**
         * Keyed actors only: how long a key's instance stays idle (no message accepted) before it is passivated,
         * that is, closed and dropped until the key's next message. Under actors.defaults it applies to the keyed
         * actors only.
         */
        private final @Nullable Duration passivateAfter;

        /**
         * Keyed actors only: the most live instances of one keyed actor; beyond it, the least recently used idle
         * instances are passivated first. Under actors.defaults it applies to the keyed actors only.
         */
        private final @Nullable Integer maxActive;

        /**
         * Restart limits, for failure policy 'restart'.
         */
        private final Restart restart;

        /**
         * Batch limits, for batch actors only.
         */
        private final Batch batch;

        /**
         * Creates the settings; a {@code null} value is not set.
         *
         * @param mailboxCapacity the mailbox capacity
         * @param overflow the overflow policy
         * @param offerTimeout the offer timeout
         * @param callTimeout the call timeout
         * @param onFailure the failure policy
         * @param shutdownTimeout the shutdown timeout
         * @param asyncTimeout the async timeout
         * @param spinBeforeIdle the spin before idle
         * @param throughput the throughput
         * @param passivateAfter the idle time before a keyed actor's instance is passivated
         * @param maxActive the most live instances of a keyed actor
         * @param restart the restart limits
         * @param batch the batch limits
         */
        public Settings(@Nullable Integer mailboxCapacity, @Nullable OverflowPolicy overflow,
                @Nullable Duration offerTimeout, @Nullable Duration callTimeout, @Nullable FailurePolicy onFailure,
                @Nullable Duration shutdownTimeout, @Nullable Duration asyncTimeout, @Nullable Duration spinBeforeIdle,
                @Nullable Integer throughput, @Nullable Duration passivateAfter, @Nullable Integer maxActive,
                @DefaultValue Restart restart, @DefaultValue Batch batch) {
            this.mailboxCapacity = mailboxCapacity;
            this.overflow = overflow;
            this.offerTimeout = offerTimeout;
            this.callTimeout = callTimeout;
            this.onFailure = onFailure;
            this.shutdownTimeout = shutdownTimeout;
            this.asyncTimeout = asyncTimeout;
            this.spinBeforeIdle = spinBeforeIdle;
            this.throughput = throughput;
            this.passivateAfter = passivateAfter;
            this.maxActive = maxActive;
            this.restart = restart;
            this.batch = batch;
        }

        /**
         * Sets on a runtime settings builder every value given here, leaving the others as they are. The builder
         * checks each value; its {@link dev.actors.InvalidSettingException} names the setting by the key it has
         * here, relative to {@code actors.defaults} or {@code actors.workers.<name>}.
         *
         * @param builder the builder to set the values on
         * @return the builder
         * @throws dev.actors.InvalidSettingException when a value is out of range
         */
        ActorSettings.Builder applyTo(ActorSettings.Builder builder) {
            // As Boot's KafkaProperties: the mapping sits beside the fields, so a new setting is one more line here.
            PropertyMapper map = PropertyMapper.get();
            map.from(this.mailboxCapacity).to(builder::mailboxCapacity);
            map.from(this.overflow).to(builder::overflow);
            map.from(this.offerTimeout).to(builder::offerTimeout);
            map.from(this.callTimeout).to(builder::callTimeout);
            map.from(this.onFailure).to(builder::onFailure);
            map.from(this.shutdownTimeout).to(builder::shutdownTimeout);
            map.from(this.asyncTimeout).to(builder::asyncTimeout);
            map.from(this.spinBeforeIdle).to(builder::spinBeforeIdle);
            map.from(this.throughput).to(builder::throughput);
            map.from(this.restart.maxRestarts).to(builder::maxRestarts);
            map.from(this.restart.within).to(builder::restartWithin);
            map.from(this.batch.maxSize).to(builder::batchMaxSize);
            map.from(this.batch.maxTime).to(builder::batchMaxTime);
            map.from(this.batch.onFailure).to(builder::batchOnFailure);
            map.from(this.passivateAfter).to(builder::passivateAfter);
            map.from(this.maxActive).to(builder::maxActive);
            return builder;
        }

        /**
         * Tells whether a batch setting is given.
         *
         * @return whether {@code batch.max-size}, {@code batch.max-time} or {@code batch.on-failure} is set
         */
        boolean hasBatchSettings() {
            return this.batch.maxSize != null || this.batch.maxTime != null || this.batch.onFailure != null;
        }

        /**
         * Tells whether a keyed actor's setting is given.
         *
         * @return whether {@code passivate-after} or {@code max-active} is set
         */
        boolean hasKeyedSettings() {
            return this.passivateAfter != null || this.maxActive != null;
        }

        /**
         * Returns the idle time before a keyed actor's instance is passivated.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable Duration getPassivateAfter() {
            return this.passivateAfter;
        }

        /**
         * Returns the most live instances of a keyed actor.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable Integer getMaxActive() {
            return this.maxActive;
        }

        /**
         * Tells whether an async setting is given, which only async actors may have.
         *
         * @return whether {@code async-timeout} is set
         */
        boolean hasAsyncSettings() {
            return this.asyncTimeout != null;
        }

        /**
         * Returns the mailbox capacity.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable Integer getMailboxCapacity() {
            return this.mailboxCapacity;
        }

        /**
         * Returns the overflow policy.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable OverflowPolicy getOverflow() {
            return this.overflow;
        }

        /**
         * Returns the offer timeout.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable Duration getOfferTimeout() {
            return this.offerTimeout;
        }

        /**
         * Returns the call timeout.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable Duration getCallTimeout() {
            return this.callTimeout;
        }

        /**
         * Returns the failure policy.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable FailurePolicy getOnFailure() {
            return this.onFailure;
        }

        /**
         * Returns the shutdown timeout.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable Duration getShutdownTimeout() {
            return this.shutdownTimeout;
        }

        /**
         * Returns the async timeout.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable Duration getAsyncTimeout() {
            return this.asyncTimeout;
        }

        /**
         * Returns the spin before idle.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable Duration getSpinBeforeIdle() {
            return this.spinBeforeIdle;
        }

        /**
         * Returns the throughput.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable Integer getThroughput() {
            return this.throughput;
        }

        /**
         * Returns the restart limits.
         *
         * @return the restart limits
         */
        public Restart getRestart() {
            return this.restart;
        }

        /**
         * Returns the batch limits.
         *
         * @return the batch limits
         */
        public Batch getBatch() {
            return this.batch;
        }
    }

    /**
     * How often an actor may restart (failure policy 'restart') before it is stopped for good.
     */
    public static final class Restart {

        /**
         * Most restarts within the window; one more stops the actor for good.
         */
        private final @Nullable Integer maxRestarts;

        /**
         * The window in which restarts are counted.
         */
        private final @Nullable Duration within;

        /**
         * Creates the restart limits; a {@code null} value is not set.
         *
         * @param maxRestarts the most restarts within the window
         * @param within the window
         */
        public Restart(@Nullable Integer maxRestarts, @Nullable Duration within) {
            this.maxRestarts = maxRestarts;
            this.within = within;
        }

        /**
         * Returns the most restarts within the window.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable Integer getMaxRestarts() {
            return this.maxRestarts;
        }

        /**
         * Returns the window in which restarts are counted.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable Duration getWithin() {
            return this.within;
        }
    }

    /**
     * How a batch actor groups its messages; only for actors that implement {@link dev.actors.BatchActor}.
     */
    public static final class Batch {

        /**
         * Most messages in one batch.
         */
        private final @Nullable Integer maxSize;

        /**
         * Linger: longest a batch that is not full waits for more messages after its first one before it is
         * handed to the actor. Zero (adaptive batching) hands a message that finds the actor free over at once,
         * and batches up what arrives while the actor is busy.
         */
        private final @Nullable Duration maxTime;

        /**
         * What a batch whose handler threw does: 'fail-batch' fails every caller of the batch, 'bisect' retries
         * halves of it until the failing messages stand alone, so that only their callers fail (the handler must
         * then be safe to retry).
         */
        private final @Nullable BatchFailurePolicy onFailure;

        /**
         * Creates the batch settings; a {@code null} value is not set.
         *
         * @param maxSize the most messages in one batch
         * @param maxTime the linger: the longest a batch waits after its first message
         * @param onFailure what a batch whose handler threw does
         */
        public Batch(@Nullable Integer maxSize, @Nullable Duration maxTime, @Nullable BatchFailurePolicy onFailure) {
            this.maxSize = maxSize;
            this.maxTime = maxTime;
            this.onFailure = onFailure;
        }

        /**
         * Returns the most messages in one batch.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable Integer getMaxSize() {
            return this.maxSize;
        }

        /**
         * Returns the longest a batch waits after its first message.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable Duration getMaxTime() {
            return this.maxTime;
        }

        /**
         * Returns what a batch whose handler threw does.
         *
         * @return the value, or {@code null} when not set
         */
        public @Nullable BatchFailurePolicy getOnFailure() {
            return this.onFailure;
        }
    }
}
