package dev.actors.autoconfigure.metrics;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.actors.autoconfigure.PlannedFailure;
import dev.actors.Actor;
import dev.actors.ActorCallTimeoutException;
import dev.actors.ActorClosedException;
import dev.actors.spi.ActorListener;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;
import dev.actors.spring.ActorWorker;
import dev.actors.BatchActor;
import dev.actors.BatchFailurePolicy;
import dev.actors.FailurePolicy;
import dev.actors.KeyedActorRef;
import dev.actors.MailboxFullException;
import dev.actors.autoconfigure.ActorSystemCustomizer;
import dev.actors.autoconfigure.ActorsAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ActorsMetricsAutoConfiguration}.
 */
class ActorsMetricsAutoConfigurationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final LoggingSystem LOGGING = LoggingSystem
        .get(ActorsMetricsAutoConfigurationTests.class.getClassLoader());

    @BeforeEach
    void silenceTheRuntimesLogOfFailuresCausedOnPurpose() {
        LOGGING.setLogLevel("dev.actors.internal", LogLevel.OFF);
    }

    @AfterEach
    void restoreTheRuntimesLog() {
        LOGGING.setLogLevel("dev.actors.internal", null);
    }

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorsMetricsAutoConfiguration.class))
        .withUserConfiguration(ActorSystemConfiguration.class);

    @Test
    void backsOffWithoutAMeterRegistry() {
        this.contextRunner.run((context) -> {
            assertThat(context).doesNotHaveBean("actorsMetricsActorSystemCustomizer");
            ActorRef<String, String> actor = context.getBean(ActorSystem.class).spawn("echo", Echo::new);
            assertThat(actor.call("hi").get(10, TimeUnit.SECONDS)).isEqualTo("hi");
        });
    }

    @Test
    void aKeyedActorsMetersAddUpOverItsKeysWithNoTagPerKey() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            KeyedActorRef<String, String> carts = context.getBean(ActorSystem.class)
                .spawnKeyed("carts", ActorSettings.builder().mailboxCapacity(7).build(), (key) -> new Echo());
            carts.forKey("a").call("x").get(10, TimeUnit.SECONDS);
            carts.forKey("b").call("y").get(10, TimeUnit.SECONDS);
            carts.forKey("b").call("z").get(10, TimeUnit.SECONDS);
            carts.passivate("a").get(10, TimeUnit.SECONDS);
            assertThat(registry.get("actor.keyed.active").tag("actor", "carts").gauge().value()).isEqualTo(1);
            assertThat(registry.get("actor.keyed.activations").tag("actor", "carts").counter().count()).isEqualTo(2);
            assertThat(registry.get("actor.keyed.passivations").tag("actor", "carts").tag("reason", "idle").counter()
                .count()).isEqualTo(1);
            assertThat(registry.get("actor.keyed.passivations").tag("actor", "carts").counters()).hasSize(3);
            assertThat(registry.get("actor.message.process").tag("actor", "carts").tag("outcome", "success").timer()
                .count()).isEqualTo(3);
            assertThat(registry.get("actor.mailbox.capacity").tag("actor", "carts").gauge().value()).isEqualTo(7);
            assertThat(registry.get("actor.mailbox.size").tag("actor", "carts").gauge().value()).isZero();
            assertThat(registry.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTags())
                .allSatisfy((tag) -> assertThat(tag.getKey()).isIn("actor", "reason", "outcome", "state")));
        });
    }

    @Test
    void aCloseThatThrowsIsCounted() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            PrintStream err = System.err;
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));   // an expected failure: no trace
            try {
                context.getBean(ActorSystem.class).spawn("leaky", () -> new BadClose()).stop().get(10,
                        TimeUnit.SECONDS);
            }
            finally {
                System.setErr(err);
            }
            assertThat(registry.get("actor.close.failures").tag("actor", "leaky").counter().count()).isEqualTo(1);
        });
    }

    @Test
    void aRunThatTheExecutorRefusesIsCounted() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            AtomicInteger refusals = new AtomicInteger(2);
            Executor refusesTwice = (task) -> {
                if (refusals.getAndDecrement() > 0) {
                    throw new RejectedExecutionException("planned: saturated");
                }
                pool.execute(task);
            };
            try {
                ActorRef<String, String> actor = context.getBean(ActorSystem.class).spawn("refused",
                        ActorSettings.builder().executor(refusesTwice).build(), Echo::new);
                assertThat(actor.call("a").get(10, TimeUnit.SECONDS)).isEqualTo("a");
                assertThat(registry.get("actor.runs.refused").tag("actor", "refused").counter().count())
                    .isEqualTo(2);
                actor.stop().get(10, TimeUnit.SECONDS);
            }
            finally {
                pool.shutdownNow();
            }
        });
    }

    static class BadClose extends Echo implements AutoCloseable {

        @Override
        public void close() {
            throw new IllegalStateException("close failed on purpose");
        }
    }

    @Test
    void registersMetersOfAPlainActorWhenItIsCreated() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(ActorSystem.class)
                .spawn("echo", ActorSettings.builder().mailboxCapacity(42).build(), Echo::new);
            assertThat(registry.get("actor.mailbox.capacity").tag("actor", "echo").gauge().value()).isEqualTo(42);
            assertThat(registry.get("actor.mailbox.size").tag("actor", "echo").gauge().value()).isZero();
            assertThat(registry.get("actor.message.wait").tag("actor", "echo").timer().count()).isZero();
            assertThat(registry.get("actor.message.process").tag("actor", "echo").timers()).hasSize(2);
            assertThat(registry.get("actor.messages.rejected").tag("actor", "echo").counters()).hasSize(2);
            assertThat(registry.get("actor.messages.expired").tag("actor", "echo").counter().count()).isZero();
            assertThat(registry.get("actor.restarts").tag("actor", "echo").counter().count()).isZero();
            assertThat(registry.find("actor.batch.flush").tag("actor", "echo").timers()).isEmpty();
            assertThat(registry.find("actor.batch.size").tag("actor", "echo").summaries()).isEmpty();
            assertThat(registry.get("actor.mailbox.size").gauge().getId().getDescription()).isNotBlank();
            assertThat(registry.get("actor.mailbox.size").gauge().getId().getBaseUnit()).isEqualTo("messages");
        });
    }

    @Test
    void registersBatchMetersOnlyForBatchActors() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(ActorSystem.class).spawnBatch("batch", ActorSettings.defaults(), EchoBatch::new);
            // Four triggers, two outcomes: 'bisected' and the retries counter only where failed batches bisect.
            assertThat(registry.get("actor.batch.flush").tag("actor", "batch").timers()).hasSize(8);
            assertThat(registry.find("actor.batch.flush").tag("outcome", "bisected").timers()).isEmpty();
            assertThat(registry.find("actor.batch.retries").counters()).isEmpty();
            assertThat(registry.get("actor.batch.size").tag("actor", "batch").summary().getId().getBaseUnit())
                .isEqualTo("messages");
            assertThat(registry.find("actor.message.process").tag("actor", "batch").timers()).isEmpty();
            assertThat(registry.get("actor.message.wait").tag("actor", "batch").timer()).isNotNull();
        });
    }

    @Test
    void recordsHandledAndFailedMessagesAndRestarts() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ActorSettings settings = ActorSettings.builder().onFailure(FailurePolicy.RESTART).maxRestarts(5).build();
            ActorRef<String, String> actor = context.getBean(ActorSystem.class).spawn("worker", settings, Echo::new);
            assertThat(actor.call("one").get(10, TimeUnit.SECONDS)).isEqualTo("one");
            assertThat(actor.call("fail")).failsWithin(WAIT);
            assertThat(actor.call("two").get(10, TimeUnit.SECONDS)).isEqualTo("two");
            assertThat(process(registry, "worker", "success").count()).isEqualTo(2);
            assertThat(process(registry, "worker", "failure").count()).isEqualTo(1);
            assertThat(registry.get("actor.message.wait").tag("actor", "worker").timer().count()).isEqualTo(3);
            await().atMost(WAIT)
                .untilAsserted(() -> assertThat(registry.get("actor.restarts").tag("actor", "worker").counter().count())
                    .isEqualTo(1));
        });
    }

    @Test
    void publishesTheStateAsOneSeriesPerStateWithTheCurrentOneAtOne() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ActorSettings settings = ActorSettings.builder().onFailure(FailurePolicy.STOP).build();
            ActorRef<String, String> actor = context.getBean(ActorSystem.class).spawn("fragile", settings, Echo::new);
            assertThat(registry.get("actor.state").tag("actor", "fragile").gauges()).hasSize(5);
            assertThat(state(registry, "fragile", "running")).isEqualTo(1);
            assertThat(state(registry, "fragile", "failed")).isZero();
            assertThat(actor.call("fail")).failsWithin(WAIT);
            actor.whenTerminated().get(10, TimeUnit.SECONDS);
            assertThat(state(registry, "fragile", "failed")).isEqualTo(1);
            assertThat(state(registry, "fragile", "running")).isZero();
            assertThat(registry.get("actor.state").tag("actor", "fragile").gauges()
                .stream()
                .mapToDouble(Gauge::value)
                .sum()).isEqualTo(1);
        });
    }

    @Test
    void countsRestartsWithinTheRestartWindowAgainstTheLimit() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ActorSettings settings = ActorSettings.builder()
                .onFailure(FailurePolicy.RESTART)
                .maxRestarts(4)
                .restartWithin(Duration.ofHours(1))
                .build();
            ActorRef<String, String> actor = context.getBean(ActorSystem.class).spawn("phoenix", settings, Echo::new);
            assertThat(gauge(registry, "actor.restarts.limit", "phoenix")).isEqualTo(4);
            assertThat(gauge(registry, "actor.restarts.recent", "phoenix")).isZero();
            assertThat(actor.call("fail")).failsWithin(WAIT);
            assertThat(actor.call("fail")).failsWithin(WAIT);
            // A call after the failures is handled by the instance that the last restart made.
            assertThat(actor.call("ok").get(10, TimeUnit.SECONDS)).isEqualTo("ok");
            assertThat(gauge(registry, "actor.restarts.recent", "phoenix")).isEqualTo(2);
        });
    }

    @Test
    void restartsOlderThanTheRestartWindowNoLongerCount() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ActorSettings settings = ActorSettings.builder()
                .onFailure(FailurePolicy.RESTART)
                .restartWithin(Duration.ofMillis(100))
                .build();
            ActorRef<String, String> actor = context.getBean(ActorSystem.class).spawn("healer", settings, Echo::new);
            assertThat(actor.call("fail")).failsWithin(WAIT);
            assertThat(actor.call("ok").get(10, TimeUnit.SECONDS)).isEqualTo("ok");
            assertThat(registry.get("actor.restarts").tag("actor", "healer").counter().count()).isEqualTo(1);
            await().atMost(WAIT)
                .untilAsserted(() -> assertThat(gauge(registry, "actor.restarts.recent", "healer")).isZero());
        });
    }

    @Test
    void recordsSizeTimeAndShutdownTriggeredFlushes() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ActorSystem system = context.getBean(ActorSystem.class);
            // A minute of max-time: this actor only ever flushes because a batch is full, or at its stop.
            ActorRef<String, String> sized = system.spawnBatch("sized",
                    ActorSettings.builder().batchMaxSize(3).batchMaxTime(Duration.ofMinutes(1)).build(),
                    EchoBatch::new);
            // Batches of 100 never fill here: this actor only ever flushes on time.
            ActorRef<String, String> timed = system.spawnBatch("timed",
                    ActorSettings.builder().batchMaxSize(100).batchMaxTime(Duration.ofMillis(50)).build(),
                    EchoBatch::new);
            sized.cast("a");
            sized.cast("b");
            sized.cast("slow");
            // The flush timer is recorded just before the batch size: wait for both.
            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(flush(registry, "sized", "size", "success").count()).isEqualTo(1);
                assertThat(batchSize(registry, "sized").count()).isEqualTo(1);
            });
            assertThat(batchSize(registry, "sized").totalAmount()).isEqualTo(3);
            // The flush's duration is the handler's: this batch slept for 20 ms.
            assertThat(flush(registry, "sized", "size", "success").totalTime(TimeUnit.MILLISECONDS))
                .isGreaterThanOrEqualTo(20);
            assertThat(timed.call("x").get(10, TimeUnit.SECONDS)).isEqualTo("x");
            assertThat(timed.call("fail")).failsWithin(WAIT);
            assertThat(flush(registry, "timed", "time", "success").count()).isEqualTo(1);
            assertThat(flush(registry, "timed", "time", "failure").count()).isEqualTo(1);
            assertThat(flush(registry, "timed", "size", "success").count()).isZero();
            assertThat(batchSize(registry, "timed").totalAmount()).isEqualTo(2);
            sized.cast("d");
            sized.stop().get(10, TimeUnit.SECONDS);
            assertThat(flush(registry, "sized", "shutdown", "success").count()).isEqualTo(1);
            assertThat(batchSize(registry, "sized").totalAmount()).isEqualTo(4);
            assertThat(registry.get("actor.message.wait").tag("actor", "sized").timer().count()).isEqualTo(4);
        });
    }

    @Test
    void aCallThatFindsABatchActorFreeIsAFlushTriggeredDrained() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ActorRef<String, String> adaptive = context.getBean(ActorSystem.class)
                .spawnBatch("adaptive", ActorSettings.defaults(), EchoBatch::new);
            assertThat(adaptive.call("x").get(10, TimeUnit.SECONDS)).isEqualTo("x");
            assertThat(flush(registry, "adaptive", "drained", "success").count()).isEqualTo(1);
            assertThat(flush(registry, "adaptive", "time", "success").count()).isZero();
        });
    }

    @Test
    void bisectingRecordsTheBisectedFlushItsRetriesAndTheOutcomeOfEachPart() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            ActorRef<String, String> bisecting = context.getBean(ActorSystem.class)
                .spawnBatch("bisecting", ActorSettings.builder()
                    .batchMaxSize(2)
                    .batchMaxTime(Duration.ofMinutes(1))
                    .batchOnFailure(BatchFailurePolicy.BISECT)
                    .build(), EchoBatch::new);
            CompletableFuture<String> good = bisecting.call("good");
            CompletableFuture<String> bad = bisecting.call("fail");
            assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo("good");
            assertThat(bad).failsWithin(WAIT);
            assertThat(flush(registry, "bisecting", "size", "bisected").count()).isEqualTo(1);
            assertThat(registry.get("actor.batch.retries").tag("actor", "bisecting").counter().count()).isEqualTo(2);
            assertThat(flush(registry, "bisecting", "size", "success").count()).isEqualTo(1);
            assertThat(flush(registry, "bisecting", "size", "failure").count()).isEqualTo(1);
        });
    }

    @Test
    void countsMessagesRejectedByAFullMailboxAndByAStoppedActor() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Gate gate = new Gate();
            ActorRef<String, String> tiny = context.getBean(ActorSystem.class)
                .spawn("tiny", ActorSettings.builder().mailboxCapacity(1).build(), () -> gate);
            tiny.cast("held");
            gate.awaitStarted();
            tiny.cast("queued");
            assertThat(registry.get("actor.mailbox.size").tag("actor", "tiny").gauge().value()).isEqualTo(1);
            assertThatExceptionOfType(MailboxFullException.class).isThrownBy(() -> tiny.cast("refused"));
            assertThat(rejected(registry, "tiny", "full")).isEqualTo(1);
            assertThat(rejected(registry, "tiny", "closed")).isZero();
            gate.open();
            tiny.stop().get(10, TimeUnit.SECONDS);
            assertThatExceptionOfType(ActorClosedException.class).isThrownBy(() -> tiny.cast("too late"));
            assertThat(rejected(registry, "tiny", "full")).isEqualTo(1);
            assertThat(rejected(registry, "tiny", "closed")).isEqualTo(1);
            assertThat(registry.get("actor.mailbox.size").tag("actor", "tiny").gauge().value()).isZero();
        });
    }

    @Test
    void countsCallsThatExpiredWhileQueued() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            Gate gate = new Gate();
            ActorRef<String, String> slow = context.getBean(ActorSystem.class)
                .spawn("slow", ActorSettings.defaults(), () -> gate);
            CompletableFuture<String> held = slow.call("held");
            gate.awaitStarted();
            CompletableFuture<String> late = slow.call("late", Duration.ofMillis(50));
            assertThat(late).failsWithin(WAIT)
                .withThrowableThat()
                .withCauseInstanceOf(ActorCallTimeoutException.class);
            assertThat(registry.get("actor.messages.expired").tag("actor", "slow").counter().count()).isZero();
            gate.open();
            assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("held");
            await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                        registry.get("actor.messages.expired").tag("actor", "slow").counter().count())
                    .isEqualTo(1));
            assertThat(process(registry, "slow", "success").count()).isEqualTo(1);
        });
    }

    @Test
    void applicationCustomizerAppliedLaterReplacesTheListenerFactory() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class)
            .withBean("noListener", ActorSystemCustomizer.class,
                    () -> (builder) -> builder.listenerFactory((actor) -> ActorListener.NONE))
            .run((context) -> {
                context.getBean(ActorSystem.class).spawn("quiet", Echo::new);
                assertThat(context.getBean(MeterRegistry.class).find("actor.mailbox.size").gauges()).isEmpty();
            });
    }

    @Test
    void givesMetersToTheActorWorkersOfTheAutoConfiguredActorSystem() {
        new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(ActorsAutoConfiguration.class, ActorsMetricsAutoConfiguration.class))
            .withUserConfiguration(MeterRegistryConfiguration.class, Greeter.class)
            .withPropertyValues("actors.workers.greeter.mailbox-capacity=7")
            .run((context) -> {
                MeterRegistry registry = context.getBean(MeterRegistry.class);
                @SuppressWarnings("unchecked")
                ActorRef<String, String> greeter = (ActorRef<String, String>) context.getBean(ActorSystem.class)
                    .find("greeter")
                    .orElseThrow();
                assertThat(greeter.call("Ada").get(10, TimeUnit.SECONDS)).isEqualTo("Hello Ada");
                assertThat(registry.get("actor.mailbox.capacity").tag("actor", "greeter").gauge().value())
                    .isEqualTo(7);
                assertThat(process(registry, "greeter", "success").count()).isEqualTo(1);
            });
    }

    @Test
    void backsOffWhenActorsAreDisabled() {
        this.contextRunner.withUserConfiguration(MeterRegistryConfiguration.class)
            .withPropertyValues("actors.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean("actorsMetricsActorSystemCustomizer"));
    }

    private static double state(MeterRegistry registry, String actor, String state) {
        return registry.get("actor.state").tag("actor", actor).tag("state", state).gauge().value();
    }

    private static double gauge(MeterRegistry registry, String name, String actor) {
        return registry.get(name).tag("actor", actor).gauge().value();
    }

    private static Timer process(MeterRegistry registry, String actor, String outcome) {
        return registry.get("actor.message.process").tag("actor", actor).tag("outcome", outcome).timer();
    }

    private static Timer flush(MeterRegistry registry, String actor, String trigger, String outcome) {
        return registry.get("actor.batch.flush")
            .tag("actor", actor)
            .tag("trigger", trigger)
            .tag("outcome", outcome)
            .timer();
    }

    private static DistributionSummary batchSize(MeterRegistry registry, String actor) {
        return registry.get("actor.batch.size").tag("actor", actor).summary();
    }

    private static double rejected(MeterRegistry registry, String actor, String reason) {
        return registry.get("actor.messages.rejected").tag("actor", actor).tag("reason", reason).counter().count();
    }

    @Configuration(proxyBeanMethods = false)
    static class ActorSystemConfiguration {

        @Bean
        ActorSystem actorSystem(ObjectProvider<ActorSystemCustomizer> customizers) {
            ActorSystem.Builder builder = ActorSystem.builder();
            customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
            return builder.build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class MeterRegistryConfiguration {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    static class Echo implements Actor<String, String> {

        @Override
        public String handle(String message) {
            if (message.equals("fail")) {
                throw new PlannedFailure();
            }
            return message;
        }
    }

    @ActorWorker("greeter")
    static class Greeter implements Actor<String, String> {

        @Override
        public String handle(String name) {
            return "Hello " + name;
        }
    }

    static class EchoBatch implements BatchActor<String, String> {

        @Override
        public List<String> handleBatch(List<String> messages) throws InterruptedException {
            if (messages.contains("slow")) {
                Thread.sleep(20);
            }
            if (messages.contains("fail")) {
                throw new PlannedFailure();
            }
            return messages;
        }
    }

    /** Holds its first message in the handler until opened. */
    static class Gate implements Actor<String, String> {

        private final CountDownLatch started = new CountDownLatch(1);

        private final CountDownLatch opened = new CountDownLatch(1);

        @Override
        public String handle(String message) throws InterruptedException {
            this.started.countDown();
            this.opened.await(10, TimeUnit.SECONDS);
            return message;
        }

        void awaitStarted() throws InterruptedException {
            assertThat(this.started.await(10, TimeUnit.SECONDS)).as("handler started").isTrue();
        }

        void open() {
            this.opened.countDown();
        }
    }
}
