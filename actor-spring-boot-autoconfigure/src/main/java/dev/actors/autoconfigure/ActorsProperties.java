package dev.actors.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import dev.actors.ActorSettings;
import dev.actors.FailurePolicy;
import dev.actors.OverflowPolicy;

/**
 * Configuration properties of the application's actors, under {@code actors}.
 *
 * <p>{@code actors.defaults.*} apply to every actor; {@code actors.workers.<name>.*} override them for the actor of
 * that name. A value set nowhere keeps the runtime's default (see {@link ActorSettings}).
 *
 * <p>Handlers run on the executor bean named {@value ActorsAutoConfiguration#EXECUTOR_BEAN_NAME}: virtual threads
 * with {@code spring.threads.virtual.enabled=true} on JDK 21+, otherwise a bounded pool of platform threads. Define
 * a bean of type {@link java.util.concurrent.Executor} with that name to supply your own.
 */
@ConfigurationProperties("actors")
public class ActorsProperties {

    /**
     * Whether to create the application's actors and their handles.
     */
    private boolean enabled = true;

    /**
     * Settings of every actor, unless overridden under actors.workers.
     */
    private final Settings defaults = new Settings();

    /**
     * Settings of single actors, by actor name. A value not set here comes from actors.defaults.
     */
    private final Map<String, Settings> workers = new LinkedHashMap<>();

    /**
     * How the actors' exceptions become HTTP responses in Spring MVC applications.
     */
    private final Web web = new Web();

    public boolean isEnabled() {
        return this.enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Settings getDefaults() {
        return this.defaults;
    }

    public Map<String, Settings> getWorkers() {
        return this.workers;
    }

    public Web getWeb() {
        return this.web;
    }

    /**
     * The HTTP side: what a client is told when an actor cannot take its request.
     */
    public static class Web {

        /**
         * How long a client that got a 503 (full mailbox, stopping actor) should wait before it retries: the
         * Retry-After header, in whole seconds, rounded up.
         */
        private Duration retryAfter = Duration.ofSeconds(1);

        public Duration getRetryAfter() {
            return this.retryAfter;
        }

        public void setRetryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
        }
    }

    /**
     * Settings of one actor, or of all. Every value is optional: one left unset falls back to
     * {@code actors.defaults}, then to the runtime's default.
     */
    public static class Settings {

        /**
         * Most messages the mailbox holds; a full mailbox refuses new ones (or makes senders wait, with overflow
         * 'block').
         */
        private Integer mailboxCapacity;

        /**
         * What a sender meets when the mailbox is full: 'reject' fails at once, 'block' waits up to offer-timeout
         * for space.
         */
        private OverflowPolicy overflow;

        /**
         * How long a sender waits for space in a full mailbox with overflow 'block'.
         */
        private Duration offerTimeout;

        /**
         * How long a call waits for its reply.
         */
        private Duration callTimeout;

        /**
         * What happens to the actor when its handler throws: 'resume' keeps the instance, 'restart' replaces it
         * with a fresh one from Spring, 'stop' stops the actor for good.
         */
        private FailurePolicy onFailure;

        /**
         * How long a graceful stop keeps handling queued messages before it fails the rest.
         */
        private Duration shutdownTimeout;

        /**
         * How long the actor's thread spins for the next message after a drain of one or two messages ending in a
         * call, before it gives the thread back: saves a thread wake-up on back-to-back calls. Zero turns it off.
         * Only with a ThreadPoolExecutor or ForkJoinPool executor; never after casts or long drains.
         */
        private Duration spinBeforeIdle;

        /**
         * Most messages handled in one scheduling run before the thread goes to other actors that wait for it:
         * the fairness bound between actors that share the executor.
         */
        private Integer throughput;

        /**
         * Restart limits, for failure policy 'restart'.
         */
        private final Restart restart = new Restart();

        /**
         * Batch limits, for batch actors only.
         */
        private final Batch batch = new Batch();

        public Integer getMailboxCapacity() {
            return this.mailboxCapacity;
        }

        public void setMailboxCapacity(Integer mailboxCapacity) {
            this.mailboxCapacity = mailboxCapacity;
        }

        public OverflowPolicy getOverflow() {
            return this.overflow;
        }

        public void setOverflow(OverflowPolicy overflow) {
            this.overflow = overflow;
        }

        public Duration getOfferTimeout() {
            return this.offerTimeout;
        }

        public void setOfferTimeout(Duration offerTimeout) {
            this.offerTimeout = offerTimeout;
        }

        public Duration getCallTimeout() {
            return this.callTimeout;
        }

        public void setCallTimeout(Duration callTimeout) {
            this.callTimeout = callTimeout;
        }

        public FailurePolicy getOnFailure() {
            return this.onFailure;
        }

        public void setOnFailure(FailurePolicy onFailure) {
            this.onFailure = onFailure;
        }

        public Duration getShutdownTimeout() {
            return this.shutdownTimeout;
        }

        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }

        public Duration getSpinBeforeIdle() {
            return this.spinBeforeIdle;
        }

        public void setSpinBeforeIdle(Duration spinBeforeIdle) {
            this.spinBeforeIdle = spinBeforeIdle;
        }

        public Integer getThroughput() {
            return this.throughput;
        }

        public void setThroughput(Integer throughput) {
            this.throughput = throughput;
        }

        public Restart getRestart() {
            return this.restart;
        }

        public Batch getBatch() {
            return this.batch;
        }

        /**
         * Tells whether a batch setting is given.
         *
         * @return whether {@code batch.max-size} or {@code batch.max-time} is set
         */
        boolean hasBatchSettings() {
            return this.batch.maxSize != null || this.batch.maxTime != null;
        }

        /**
         * Returns the given settings with the values set here applied, each checked on its own so that a bad one
         * is reported under its full property name.
         *
         * @param base the settings to start from
         * @param prefix the prefix of these settings' keys, as in {@code actors.workers.inventory}
         * @return the settings
         * @throws InvalidConfigurationPropertyValueException when a value is out of range
         */
        ActorSettings applyTo(ActorSettings base, String prefix) {
            ActorSettings.Builder builder = base.toBuilder();
            apply(builder, prefix, "mailbox-capacity", this.mailboxCapacity, ActorSettings.Builder::mailboxCapacity);
            apply(builder, prefix, "overflow", this.overflow, ActorSettings.Builder::overflow);
            apply(builder, prefix, "offer-timeout", this.offerTimeout, ActorSettings.Builder::offerTimeout);
            apply(builder, prefix, "call-timeout", this.callTimeout, ActorSettings.Builder::callTimeout);
            apply(builder, prefix, "on-failure", this.onFailure, ActorSettings.Builder::onFailure);
            apply(builder, prefix, "restart.max-restarts", this.restart.maxRestarts,
                    ActorSettings.Builder::maxRestarts);
            apply(builder, prefix, "restart.within", this.restart.within, ActorSettings.Builder::restartWithin);
            apply(builder, prefix, "shutdown-timeout", this.shutdownTimeout, ActorSettings.Builder::shutdownTimeout);
            apply(builder, prefix, "throughput", this.throughput, ActorSettings.Builder::throughput);
            apply(builder, prefix, "spin-before-idle", this.spinBeforeIdle, ActorSettings.Builder::spinBeforeIdle);
            apply(builder, prefix, "batch.max-size", this.batch.maxSize, ActorSettings.Builder::batchMaxSize);
            apply(builder, prefix, "batch.max-time", this.batch.maxTime, ActorSettings.Builder::batchMaxTime);
            return builder.build();
        }

        private static <T> void apply(ActorSettings.Builder builder, String prefix, String key, T value,
                BiConsumer<ActorSettings.Builder, T> setter) {
            if (value == null) {
                return;
            }
            // The runtime's own checks, on this value alone: any failure is this value's fault.
            ActorSettings.Builder alone = ActorSettings.defaults().toBuilder();
            setter.accept(alone, value);
            try {
                alone.build().validate(prefix);
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidConfigurationPropertyValueException(prefix + "." + key, value,
                        reason(ex.getMessage(), key));
            }
            setter.accept(builder, value);
        }

        /** Keeps the rule ("must be positive") of the runtime's message, which also names the actor and value. */
        private static String reason(String message, String key) {
            int start = (message != null) ? message.indexOf(": " + key + " ") : -1;
            int end = (start >= 0) ? message.indexOf(" but was ", start) : -1;
            return (end >= 0) ? message.substring(start + key.length() + 3, end) : String.valueOf(message);
        }
    }

    /**
     * How often an actor may restart (failure policy 'restart') before it is stopped for good.
     */
    public static class Restart {

        /**
         * Most restarts within the window; one more stops the actor for good.
         */
        private Integer maxRestarts;

        /**
         * The window in which restarts are counted.
         */
        private Duration within;

        public Integer getMaxRestarts() {
            return this.maxRestarts;
        }

        public void setMaxRestarts(Integer maxRestarts) {
            this.maxRestarts = maxRestarts;
        }

        public Duration getWithin() {
            return this.within;
        }

        public void setWithin(Duration within) {
            this.within = within;
        }
    }

    /**
     * How a batch actor groups its messages; only for actors that implement {@link dev.actors.BatchActor}.
     */
    public static class Batch {

        /**
         * Most messages in one batch.
         */
        private Integer maxSize;

        /**
         * Longest a batch waits for more messages after its first one before it is handed to the actor.
         */
        private Duration maxTime;

        public Integer getMaxSize() {
            return this.maxSize;
        }

        public void setMaxSize(Integer maxSize) {
            this.maxSize = maxSize;
        }

        public Duration getMaxTime() {
            return this.maxTime;
        }

        public void setMaxTime(Duration maxTime) {
            this.maxTime = maxTime;
        }
    }
}
