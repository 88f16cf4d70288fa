package dev.actors.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import dev.actors.Actor;
import dev.actors.ActorExecutors;
import dev.actors.ActorHandle;
import dev.actors.spi.ActorListener;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorState;
import dev.actors.ActorSystem;
import dev.actors.spring.ActorWorker;
import dev.actors.BatchActor;
import dev.actors.BatchFailurePolicy;
import dev.actors.FailurePolicy;
import dev.actors.OverflowPolicy;
import dev.actors.autoconfigure.scan.ScannedActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ActorsAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActorsAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class));

    // ---------------------------------------------------------------- handles

    @Test
    void actorIsInjectedAsAHandleOfItsMessageAndReplyTypes() {
        this.contextRunner.withUserConfiguration(InventoryActor.class, PricingActor.class)
            .withBean(InventoryClient.class)
            .run((context) -> {
                ActorHandle<InventoryCommand, InventoryReply> inventory = context.getBean(InventoryClient.class).inventory;
                assertThat(inventory.name()).isEqualTo("inventory");
                assertThat(inventory.call(new InventoryCommand("apple", 3)).join())
                    .isEqualTo(new InventoryReply("apple", 3, 42));
                assertThat(inventory.call(new InventoryCommand("apple", 2)).join())
                    .isEqualTo(new InventoryReply("apple", 5, 42));
            });
    }

    @Test
    void batchActorIsInjectedAsAHandleOfItsMessageAndReplyTypes() {
        this.contextRunner.withUserConfiguration(EventWriterActor.class).withBean(EventClient.class).run((context) -> {
            ActorHandle<String, Integer> events = context.getBean(EventClient.class).events;
            assertThat(events.name()).isEqualTo("event-writer");
            assertThat(events.call("click").join()).isEqualTo(5);
        });
    }

    @Test
    void qualifierWithTheActorNamePicksOneOfTwoActorsOfTheSameTypes() {
        this.contextRunner.withUserConfiguration(ImportJobsActor.class, ExportJobsActor.class)
            .withBean(JobsClient.class)
            .run((context) -> {
                JobsClient client = context.getBean(JobsClient.class);
                assertThat(client.imports.name()).isEqualTo("import-jobs");
                assertThat(client.imports.call("a").join()).isEqualTo("imported a");
                assertThat(client.exports.name()).isEqualTo("export-jobs");
                assertThat(client.exports.call("b").join()).isEqualTo("exported b");
            });
    }

    @Test
    void twoActorsOfTheSameTypesNeedAQualifier() {
        this.contextRunner.withUserConfiguration(ImportJobsActor.class, ExportJobsActor.class)
            .withBean(UnqualifiedJobsClient.class)
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(NoUniqueBeanDefinitionException.class)
                .hasMessageContaining("actorHandle#import-jobs")
                .hasMessageContaining("actorHandle#export-jobs"));
    }

    @Test
    void handleBeanIsNamedAfterTheActor() {
        this.contextRunner.withUserConfiguration(PricingActor.class).run((context) -> {
            assertThat(context).hasBean("actorHandle#pricing");
            assertThat(context.getBean("actorHandle#pricing")).isSameAs(context.getBean(ActorSystem.class)
                .find("pricing")
                .orElseThrow()
                .handle());
        });
    }

    @Test
    void injectedHandleIsOnlyAnAddress() {
        this.contextRunner.withUserConfiguration(PricingActor.class).run((context) -> {
            Object handle = context.getBean("actorHandle#pricing");
            assertThat(handle).isInstanceOf(ActorHandle.class)
                .isNotInstanceOf(Runnable.class)
                .isNotInstanceOf(ActorRef.class);
        });
    }

    @Test
    void actorObjectCannotBeInjected() {
        this.contextRunner.withUserConfiguration(PricingActor.class)
            .withBean(PricingActorThief.class)
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(NoSuchBeanDefinitionException.class)
                .hasMessageContaining(PricingActor.class.getName()));
    }

    @Test
    void actorObjectIsNotAnInjectionCandidateOfAnyType() {
        this.contextRunner.withUserConfiguration(PricingActor.class).withBean(ActorFinder.class).run((context) -> {
            ActorFinder finder = context.getBean(ActorFinder.class);
            assertThat(finder.byClass.getIfAvailable()).isNull();
            assertThat(finder.actors.stream()).isEmpty();
            assertThat(finder.handles.stream()).hasSize(1);
        });
    }

    @Test
    void actorIsNamedAfterItsBeanWhenTheAnnotationHasNoName() {
        this.contextRunner.withBean("counter", UnnamedActor.class).run((context) -> {
            assertThat(context.getBean(ActorSystem.class).find("counter")).isPresent();
            assertThat(context).hasBean("actorHandle#counter");
        });
    }

    @Test
    void actorsAreFoundByComponentScanning() {
        this.contextRunner.withUserConfiguration(ScannedActors.class)
            .withPropertyValues("greeting=Hi")
            .run((context) -> {
                ActorHandle<?, ?> handle = context.getBean("actorHandle#greetingActor", ActorHandle.class);
                @SuppressWarnings("unchecked")
                ActorHandle<String, String> greeting = (ActorHandle<String, String>) handle;
                assertThat(greeting.call("Ada").join()).isEqualTo("Hi Ada #1");
                assertThat(greeting.call("Bob").join()).isEqualTo("Hi Bob #2");
            });
    }

    // ---------------------------------------------------------------- instances

    @Test
    void springCreatesTheActorWithConstructorInjectionAndValues() {
        this.contextRunner.withUserConfiguration(InventoryActor.class, PricingActor.class)
            .withBean(InventoryClient.class)
            .withPropertyValues("inventory.initial-stock=10")
            .run((context) -> assertThat(
                    context.getBean(InventoryClient.class).inventory.call(new InventoryCommand("pear", 1)).join())
                .isEqualTo(new InventoryReply("pear", 11, 42)));
    }

    @Test
    void restartGetsAFreshInstanceFromSpring() {
        this.contextRunner.withUserConfiguration(FlakyActor.class)
            .withBean(InstanceCounter.class)
            .withPropertyValues("actors.workers.flaky.on-failure=restart")
            .run((context) -> {
                ActorRef<?, ?> ref = context.getBean(ActorSystem.class).find("flaky").orElseThrow();
                @SuppressWarnings("unchecked")
                ActorHandle<String, Integer> flaky = (ActorHandle<String, Integer>) ref;
                assertThat(flaky.call("which").join()).isEqualTo(1);
                assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> flaky.call("fail").join())
                    .withCauseInstanceOf(IllegalStateException.class);
                assertThat(flaky.call("which").join()).isEqualTo(2);
                assertThat(ref.stats().restarts()).isEqualTo(1);
                assertThat(context.getBean(InstanceCounter.class).created.get()).isEqualTo(2);
            });
    }

    @Test
    void actorInstanceIsCreatedOnlyWhenTheActorIsSpawned() {
        this.contextRunner.withUserConfiguration(FlakyActor.class).withBean(InstanceCounter.class).run((context) -> {
            assertThat(context.getBean(InstanceCounter.class).created.get()).isEqualTo(1);
            String beanName = context.getBeanNamesForType(FlakyActor.class)[0];
            assertThat(context.getBeanFactory().getBeanDefinition(beanName).isPrototype()).isTrue();
        });
    }

    // ---------------------------------------------------------------- settings

    @Test
    void actorsRunWithTheRuntimeDefaultsWhenNothingIsConfigured() {
        this.contextRunner.withUserConfiguration(PricingActor.class).run((context) -> {
            ActorSystem system = context.getBean(ActorSystem.class);
            assertThat(system.find("pricing").orElseThrow().settings()).hasToString(ActorSettings.defaults().toString());
            assertThat(system.defaults()).hasToString(ActorSettings.defaults().toString());
        });
    }

    @Test
    void workerSettingsOverrideTheDefaultsWhichOverrideTheRuntimeDefaults() {
        this.contextRunner.withUserConfiguration(InventoryActor.class, PricingActor.class, EventWriterActor.class)
            .withPropertyValues("actors.defaults.mailbox-capacity=50", "actors.defaults.call-timeout=2s",
                    "actors.workers.inventory.mailbox-capacity=7", "actors.workers.inventory.overflow=block",
                    "actors.workers.inventory.offer-timeout=50ms", "actors.workers.inventory.on-failure=restart",
                    "actors.workers.inventory.restart.max-restarts=5",
                    "actors.workers.inventory.restart.within=10s", "actors.workers.inventory.shutdown-timeout=3s",
                    "actors.workers.inventory.spin-before-idle=50us", "actors.workers.inventory.throughput=5",
                    "actors.workers.event-writer.batch.max-size=10", "actors.workers.event-writer.batch.max-time=5ms",
                    "actors.workers.event-writer.batch.on-failure=bisect")
            .run((context) -> {
                ActorSystem system = context.getBean(ActorSystem.class);
                ActorSettings inventory = system.find("inventory").orElseThrow().settings();
                assertThat(inventory.mailboxCapacity()).isEqualTo(7);
                assertThat(inventory.overflow()).isEqualTo(OverflowPolicy.BLOCK);
                assertThat(inventory.offerTimeout()).isEqualTo(Duration.ofMillis(50));
                assertThat(inventory.callTimeout()).isEqualTo(Duration.ofSeconds(2));
                assertThat(inventory.onFailure()).isEqualTo(FailurePolicy.RESTART);
                assertThat(inventory.maxRestarts()).isEqualTo(5);
                assertThat(inventory.restartWithin()).isEqualTo(Duration.ofSeconds(10));
                assertThat(inventory.shutdownTimeout()).isEqualTo(Duration.ofSeconds(3));
                assertThat(inventory.spinBeforeIdle()).isEqualTo(Duration.ofNanos(50_000));
                assertThat(inventory.throughput()).isEqualTo(5);
                ActorSettings pricing = system.find("pricing").orElseThrow().settings();
                assertThat(pricing.mailboxCapacity()).isEqualTo(50);
                assertThat(pricing.callTimeout()).isEqualTo(Duration.ofSeconds(2));
                assertThat(pricing.overflow()).isEqualTo(OverflowPolicy.REJECT);
                assertThat(pricing.shutdownTimeout()).isEqualTo(ActorSettings.DEFAULT_SHUTDOWN_TIMEOUT);
                assertThat(pricing.spinBeforeIdle()).isEqualTo(ActorSettings.DEFAULT_SPIN_BEFORE_IDLE);
                assertThat(pricing.throughput()).isEqualTo(ActorSettings.DEFAULT_THROUGHPUT);
                ActorSettings events = system.find("event-writer").orElseThrow().settings();
                assertThat(events.batchMaxSize()).isEqualTo(10);
                assertThat(events.batchMaxTime()).isEqualTo(Duration.ofMillis(5));
                assertThat(events.batchOnFailure()).isEqualTo(BatchFailurePolicy.BISECT);
                assertThat(events.mailboxCapacity()).isEqualTo(50);
                assertThat(system.defaults().mailboxCapacity()).isEqualTo(50);
            });
    }

    @Test
    void defaultBatchSettingsApplyToBatchActors() {
        this.contextRunner.withUserConfiguration(EventWriterActor.class, PricingActor.class)
            .withPropertyValues("actors.defaults.batch.max-size=25")
            .run((context) -> assertThat(
                    context.getBean(ActorSystem.class).find("event-writer").orElseThrow().settings().batchMaxSize())
                .isEqualTo(25));
    }

    // ---------------------------------------------------------------- start-up failures

    @Test
    void startFailsWhenSettingsNameAnActorThatDoesNotExist() {
        this.contextRunner.withUserConfiguration(InventoryActor.class, PricingActor.class)
            .withPropertyValues("actors.workers.invntory.mailbox-capacity=5")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(ActorWorkerConfigurationException.class)
                .hasMessageContaining("actors.workers.invntory configures an actor named 'invntory', but there is "
                        + "no such actor")
                .hasMessageContaining("The known actors are: inventory, pricing")
                .hasMessageContaining("Correct the name under actors.workers"));
    }

    @Test
    void startFailsWhenSettingsNameAnActorButThereAreNone() {
        this.contextRunner.withPropertyValues("actors.workers.inventory.call-timeout=1s")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("actors.workers.inventory")
                .hasMessageContaining("There are no @ActorWorker actors in this application"));
    }

    @Test
    void startFailsWithThePropertyNameWhenAWorkerValueIsOutOfRange() {
        this.contextRunner.withUserConfiguration(PricingActor.class)
            .withPropertyValues("actors.workers.pricing.mailbox-capacity=0")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessage("Property actors.workers.pricing.mailbox-capacity with value '0' is invalid: "
                        + "must be positive"));
    }

    @Test
    void startFailsWithThePropertyNameWhenADefaultValueIsOutOfRange() {
        this.contextRunner.withUserConfiguration(PricingActor.class)
            .withPropertyValues("actors.defaults.restart.within=0s")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("actors.defaults.restart.within")
                .hasMessageContaining("must be positive"));
    }

    @Test
    void startFailsWithThePropertyNameWhenANegativeDurationIsGiven() {
        this.contextRunner.withUserConfiguration(EventWriterActor.class)
            .withPropertyValues("actors.workers.event-writer.batch.max-time=-5ms")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                .hasMessageContaining("actors.workers.event-writer.batch.max-time")
                .hasMessageContaining("must not be negative"));
    }

    @Test
    void startFailsWithThePropertyNameWhenAValueCannotBeConverted() {
        this.contextRunner.withUserConfiguration(PricingActor.class)
            .withPropertyValues("actors.defaults.overflow=sideways")
            .run((context) -> assertThat(context).getFailure()
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .rootCause()
                .hasMessageContaining("sideways"));
        this.contextRunner.withUserConfiguration(PricingActor.class)
            .withPropertyValues("actors.defaults.overflow=sideways")
            .run((context) -> assertThat(findCause(context.getStartupFailure(), BindException.class))
                .hasMessageContaining("actors.defaults.overflow"));
    }

    @Test
    void startFailsOnAMisspelledDefaultKeyNamingItAndTheNearestValidOne() {
        this.contextRunner.withUserConfiguration(PricingActor.class)
            .withPropertyValues("actors.defaults.mailbox-capcity=5")
            .run((context) -> assertThat(new ActorsPropertiesFailureAnalyzer().analyze(context.getStartupFailure()))
                .satisfies((analysis) -> {
                    assertThat(analysis.getDescription()).startsWith("actors.defaults.mailbox-capcity is not a "
                            + "property of actors").endsWith("did you mean actors.defaults.mailbox-capacity?");
                    assertThat(analysis.getAction()).startsWith("Rename actors.defaults.mailbox-capcity to "
                            + "actors.defaults.mailbox-capacity, or remove it.");
                }));
    }

    @Test
    void startFailsOnAMisspelledWorkerKeyNamingItAndTheNearestValidOne() {
        this.contextRunner.withUserConfiguration(InventoryActor.class, PricingActor.class)
            .withPropertyValues("actors.workers.inventory.call-timout=1s", "actors.workers.inventory.restart.whithin=1s")
            .run((context) -> {
                assertThat(context).getFailure()
                    .rootCause()
                    .hasMessageContaining("actors.workers.inventory.call-timout");
                FailureAnalysis analysis = new ActorsPropertiesFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getDescription())
                    .contains("actors.workers.inventory.call-timout is not a property of actors")
                    .contains("did you mean actors.workers.inventory.call-timeout?")
                    .contains("did you mean actors.workers.inventory.restart.within?");
            });
    }

    @Test
    void misspelledKeyIsReportedWithItsSuggestionWhenTheApplicationFailsToStart(CapturedOutput output) {
        SpringApplication application = new SpringApplication(MisspelledKeyApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setDefaultProperties(Map.of("actors.workers.pricing.mailbox-capacty", "5"));
        assertThatExceptionOfType(RuntimeException.class).isThrownBy(application::run);
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("did you mean actors.workers.pricing.mailbox-capacity?");
    }

    @Test
    void unknownKeysOutsideActorsAreLeftToSpringBoot() {
        assertThat(new ActorsPropertiesFailureAnalyzer().analyze(new IllegalStateException("unrelated"))).isNull();
    }

    @Test
    void startFailsWhenBatchSettingsAreGivenForAnActorThatDoesNotBatch() {
        this.contextRunner.withUserConfiguration(PricingActor.class)
            .withPropertyValues("actors.workers.pricing.batch.max-size=10")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(ActorWorkerConfigurationException.class)
                .hasMessageContaining("actors.workers.pricing.batch is set, but actor 'pricing' ("
                        + PricingActor.class.getName() + ") is not a BatchActor")
                .hasMessageContaining("Remove actors.workers.pricing.batch.*, or make PricingActor implement "
                        + "dev.actors.BatchActor"));
    }

    @Test
    void startFailsWhenAnActorWorkerClassIsNotAnActor() {
        this.contextRunner.withUserConfiguration(NotAnActor.class)
            .run((context) -> assertThat(context).getFailure()
                .isInstanceOf(ActorWorkerConfigurationException.class)
                .hasMessageContaining(NotAnActor.class.getName()
                        + " is annotated with @ActorWorker but implements none of dev.actors.Actor, "
                        + "dev.actors.BatchActor, dev.actors.AsyncActor, dev.actors.AsyncBatchActor")
                .hasMessageContaining("Make NotAnActor implement Actor<M, R>"));
    }

    @Test
    void startFailsWhenAnActorWorkerClassIsBothKindsOfActor() {
        this.contextRunner.withUserConfiguration(BothKindsActor.class)
            .run((context) -> assertThat(context).getFailure()
                .isInstanceOf(ActorWorkerConfigurationException.class)
                .hasMessageContaining("implements more than one actor interface: dev.actors.Actor, dev.actors.BatchActor")
                .hasMessageContaining("Implement only one of them"));
    }

    @Test
    void startFailsWhenTwoActorsHaveTheSameName() {
        this.contextRunner.withUserConfiguration(ImportJobsActor.class, ImpostorImportJobsActor.class)
            .run((context) -> assertThat(context).getFailure().hasMessageContaining("'import-jobs'"));
        this.contextRunner.withBean("importer", ImportJobsActor.class)
            .withBean("impostor", ImpostorImportJobsActor.class)
            .run((context) -> assertThat(context).getFailure()
                .isInstanceOf(ActorWorkerConfigurationException.class)
                .hasMessageContaining("Two @ActorWorker classes are both named 'import-jobs'")
                .hasMessageContaining(ImportJobsActor.class.getName())
                .hasMessageContaining(ImpostorImportJobsActor.class.getName())
                .hasMessageContaining("Give each actor its own name"));
    }

    @Test
    void failureAnalyzerReportsTheDescriptionAndTheAction() {
        ActorWorkerConfigurationException failure = new ActorWorkerConfigurationException("What is wrong.",
                "How to fix it.");
        assertThat(new ActorWorkerConfigurationFailureAnalyzer().analyze(new IllegalStateException(failure)))
            .satisfies((analysis) -> {
                assertThat(analysis.getDescription()).isEqualTo("What is wrong.");
                assertThat(analysis.getAction()).isEqualTo("How to fix it.");
            });
    }

    // ---------------------------------------------------------------- switched off

    @Test
    void actorsEnabledFalseSwitchesEverythingOffAndLeavesActorClassesInert() {
        this.contextRunner.withUserConfiguration(FlakyActor.class)
            .withBean(InstanceCounter.class)
            .withBean(ActorFinder.class)
            .withPropertyValues("actors.enabled=false", "actors.workers.nobody.mailbox-capacity=0")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(ActorSystem.class);
                assertThat(context).doesNotHaveBean(ActorHandle.class);
                assertThat(context).doesNotHaveBean(ActorsProperties.class);
                assertThat(context).doesNotHaveBean(ActorsAutoConfiguration.EXECUTOR_BEAN_NAME);
                assertThat(context).doesNotHaveBean(ActorsLifecycle.class);
                assertThat(context.getBean(InstanceCounter.class).created.get()).isZero();
                assertThat(context.getBean(ActorFinder.class).actors.stream()).isEmpty();
            });
    }

    // ---------------------------------------------------------------- threads

    @Test
    void handlersRunOnABoundedPoolOfPlatformThreadsByDefault() {
        this.contextRunner.withUserConfiguration(ThreadActor.class).run((context) -> {
            assertThat(context.getBean(ActorsAutoConfiguration.EXECUTOR_BEAN_NAME))
                .isInstanceOfSatisfying(java.util.concurrent.ThreadPoolExecutor.class, (pool) -> assertThat(
                        pool.getMaximumPoolSize())
                    .isEqualTo(ActorExecutors.defaultThreadCount()));
            Thread thread = handlerThread(context.getBean(ActorSystem.class));
            assertThat(ActorExecutors.isVirtual(thread)).isFalse();
            assertThat(thread.getName()).startsWith("actor-");
        });
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void handlersRunOnVirtualThreadsWhenTheyAreEnabled() {
        this.contextRunner.withUserConfiguration(ThreadActor.class)
            .withPropertyValues("spring.threads.virtual.enabled=true")
            .run((context) -> {
                assertThat(context.getBean(ActorsAutoConfiguration.EXECUTOR_BEAN_NAME))
                    .isInstanceOf(SimpleAsyncTaskExecutor.class);
                Thread thread = handlerThread(context.getBean(ActorSystem.class));
                assertThat(ActorExecutors.isVirtual(thread)).isTrue();
                assertThat(thread.getName()).startsWith("actor-");
            });
    }

    @Test
    void handlersRunOnTheApplicationsOwnExecutor() {
        this.contextRunner.withUserConfiguration(ThreadActor.class, CustomExecutorConfiguration.class)
            .run((context) -> assertThat(handlerThread(context.getBean(ActorSystem.class)).getName())
                .startsWith("custom-actor-"));
    }

    @Test
    void actorExecutorLeavesSpringBootsApplicationTaskExecutorInPlace() {
        this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
            .withUserConfiguration(ThreadActor.class)
            .run((context) -> {
                assertThat(context).hasBean("applicationTaskExecutor");
                assertThat(context).hasBean(ActorsAutoConfiguration.EXECUTOR_BEAN_NAME);
            });
    }

    // ---------------------------------------------------------------- actor system

    @Test
    void customizersAreAppliedInOrder() {
        this.contextRunner.withUserConfiguration(PricingActor.class, CustomizerConfiguration.class).run((context) -> {
            CustomizerConfiguration customizers = context.getBean(CustomizerConfiguration.class);
            assertThat(customizers.applied).containsExactly("first", "second");
            assertThat(customizers.listenedTo).containsExactly("pricing");
        });
    }

    @Test
    void actorsLiveInTheApplicationsOwnActorSystem() {
        this.contextRunner.withUserConfiguration(PricingActor.class)
            .withBean("myActorSystem", ActorSystem.class, ActorSystem::create)
            .run((context) -> {
                assertThat(context).getBeans(ActorSystem.class).containsOnlyKeys("myActorSystem");
                assertThat(context.getBean(ActorSystem.class).find("pricing")).isPresent();
            });
    }

    // ---------------------------------------------------------------- shutdown

    @Test
    void closingTheContextHandlesEveryQueuedMessage() {
        this.contextRunner.withUserConfiguration(SlowActor.class).withBean(Recorder.class).run((context) -> {
            Recorder recorder = context.getBean(Recorder.class);
            ActorRef<?, ?> ref = context.getBean(ActorSystem.class).find("slow").orElseThrow();
            @SuppressWarnings("unchecked")
            ActorHandle<Integer, Void> slow = (ActorHandle<Integer, Void>) ref;
            for (int i = 0; i < 40; i++) {
                slow.cast(i);
            }
            // The first message holds the actor until the close has begun: at least 39 are still queued then,
            // however slowly this thread sent them.
            CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
            await().atMost(Duration.ofSeconds(10)).until(() -> ref.state() == ActorState.STOPPING);
            assertThat(ref.stats().mailboxSize()).as("messages still queued when the context closes")
                .isGreaterThanOrEqualTo(39);
            recorder.open.countDown();
            closed.get(30, TimeUnit.SECONDS);
            assertThat(recorder.handled).hasSize(40);
            assertThat(recorder.handled).isSorted();
            assertThat(ref.state().isTerminal()).isTrue();
        });
    }

    @Test
    void actorsDrainBeforeTheBeansTheyUseAreDestroyedEvenPastTheShutdownPhaseTimeout() {
        this.contextRunner.withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class))
            .withUserConfiguration(StoreActor.class)
            .withBean(Store.class)
            .withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=50ms")
            .run((context) -> {
                Store store = context.getBean(Store.class);
                @SuppressWarnings("unchecked")
                ActorHandle<Integer, Void> writer = context.getBean("actorHandle#store-writer", ActorHandle.class);
                for (int i = 0; i < 20; i++) {
                    writer.cast(i);
                }
                context.close();
                assertThat(store.closed).isTrue();
                assertThat(store.written).hasSize(20);
                assertThat(store.writtenAfterClose).isZero();
            });
    }

    @Test
    void actorsStopAfterTheWebServerHasDrainedItsRequestsAndStopped() {
        assertThat(ActorsLifecycle.SMART_LIFECYCLE_PHASE)
            .isLessThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE)
            .isLessThan(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE);
        this.contextRunner.withUserConfiguration(PricingActor.class).run((context) -> {
            ActorsLifecycle lifecycle = context.getBean(ActorsLifecycle.class);
            assertThat(lifecycle.getPhase()).isEqualTo(ActorsLifecycle.SMART_LIFECYCLE_PHASE);
            assertThat(lifecycle.isRunning()).isTrue();
            assertThat(lifecycle.isPauseable()).isFalse();
        });
    }

    private static Thread handlerThread(ActorSystem system) {
        @SuppressWarnings("unchecked")
        ActorHandle<String, Thread> actor = (ActorHandle<String, Thread>) system.find("thread").orElseThrow();
        return actor.call("which").join();
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
            if (type.isInstance(candidate)) {
                return type.cast(candidate);
            }
        }
        throw new AssertionError("No " + type.getName() + " in " + failure);
    }

    // ---------------------------------------------------------------- the application's classes

    record InventoryCommand(String sku, int delta) {
    }

    record InventoryReply(String sku, int stock, int price) {
    }

    @ActorWorker("inventory")
    static class InventoryActor implements Actor<InventoryCommand, InventoryReply> {

        private final Map<String, Integer> stock = new HashMap<>();

        private final ActorHandle<String, Integer> pricing;

        private final int initialStock;

        InventoryActor(@Qualifier("pricing") ActorHandle<String, Integer> pricing, @Value("${inventory.initial-stock:0}") int initialStock) {
            this.pricing = pricing;
            this.initialStock = initialStock;
        }

        @Override
        public InventoryReply handle(InventoryCommand command) {
            int stock = this.stock.merge(command.sku(), this.initialStock + command.delta(),
                    (old, initial) -> old + command.delta());
            return new InventoryReply(command.sku(), stock, this.pricing.call(command.sku()).join());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ActorsAutoConfiguration.class)
    @Import(PricingActor.class)
    static class MisspelledKeyApplication {

    }

    @ActorWorker("pricing")
    static class PricingActor implements Actor<String, Integer> {

        @Override
        public Integer handle(String sku) {
            return 42;
        }
    }

    static class InventoryClient {

        final ActorHandle<InventoryCommand, InventoryReply> inventory;

        InventoryClient(ActorHandle<InventoryCommand, InventoryReply> inventory) {
            this.inventory = inventory;
        }
    }

    @ActorWorker("event-writer")
    static class EventWriterActor implements BatchActor<String, Integer> {

        @Override
        public List<Integer> handleBatch(List<String> events) {
            return events.stream().map(String::length).toList();
        }
    }

    static class EventClient {

        final ActorHandle<String, Integer> events;

        EventClient(ActorHandle<String, Integer> events) {
            this.events = events;
        }
    }

    @ActorWorker("import-jobs")
    static class ImportJobsActor implements Actor<String, String> {

        @Override
        public String handle(String job) {
            return "imported " + job;
        }
    }

    @ActorWorker("export-jobs")
    static class ExportJobsActor implements Actor<String, String> {

        @Override
        public String handle(String job) {
            return "exported " + job;
        }
    }

    @ActorWorker("import-jobs")
    static class ImpostorImportJobsActor implements Actor<String, String> {

        @Override
        public String handle(String job) {
            return job;
        }
    }

    static class JobsClient {

        final ActorHandle<String, String> imports;

        final ActorHandle<String, String> exports;

        JobsClient(@Qualifier("import-jobs") ActorHandle<String, String> imports,
                @Qualifier("export-jobs") ActorHandle<String, String> exports) {
            this.imports = imports;
            this.exports = exports;
        }
    }

    static class UnqualifiedJobsClient {

        UnqualifiedJobsClient(ActorHandle<String, String> jobs) {
        }
    }

    static class PricingActorThief {

        PricingActorThief(PricingActor actor) {
        }
    }

    static class ActorFinder {

        final ObjectProvider<PricingActor> byClass;

        final ObjectProvider<Actor<?, ?>> actors;

        final ObjectProvider<ActorHandle<?, ?>> handles;

        ActorFinder(ObjectProvider<PricingActor> byClass, ObjectProvider<Actor<?, ?>> actors,
                ObjectProvider<ActorHandle<?, ?>> handles) {
            this.byClass = byClass;
            this.actors = actors;
            this.handles = handles;
        }
    }

    @ActorWorker
    static class UnnamedActor implements Actor<String, String> {

        @Override
        public String handle(String message) {
            return message;
        }
    }

    static class InstanceCounter {

        final AtomicInteger created = new AtomicInteger();
    }

    @ActorWorker("flaky")
    static class FlakyActor implements Actor<String, Integer> {

        private final int instance;

        FlakyActor(InstanceCounter counter) {
            this.instance = counter.created.incrementAndGet();
        }

        @Override
        public Integer handle(String message) {
            if (message.equals("fail")) {
                throw new PlannedFailure();
            }
            return this.instance;
        }
    }

    @ActorWorker
    static class NotAnActor {

    }

    @ActorWorker
    static class BothKindsActor implements Actor<String, String>, BatchActor<String, String> {

        @Override
        public String handle(String message) {
            return message;
        }

        @Override
        public List<String> handleBatch(List<String> messages) {
            return messages;
        }
    }

    @ActorWorker("thread")
    static class ThreadActor implements Actor<String, Thread> {

        @Override
        public Thread handle(String message) {
            return Thread.currentThread();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomExecutorConfiguration {

        @Bean(defaultCandidate = false, destroyMethod = "shutdown")
        ExecutorService actorExecutor() {
            return Executors.newFixedThreadPool(2, (task) -> new Thread(task, "custom-actor-thread"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfiguration {

        final List<String> applied = Collections.synchronizedList(new ArrayList<>());

        final List<String> listenedTo = Collections.synchronizedList(new ArrayList<>());

        @Bean
        @Order(2)
        ActorSystemCustomizer secondCustomizer() {
            return (builder) -> this.applied.add("second");
        }

        @Bean
        @Order(1)
        ActorSystemCustomizer firstCustomizer() {
            return (builder) -> {
                this.applied.add("first");
                builder.listenerFactory((actor) -> {
                    this.listenedTo.add(actor.name());
                    return ActorListener.NONE;
                });
            };
        }
    }

    static class Recorder {

        final List<Integer> handled = Collections.synchronizedList(new ArrayList<>());

        final CountDownLatch open = new CountDownLatch(1);
    }

    @ActorWorker("slow")
    static class SlowActor implements Actor<Integer, Void> {

        private final Recorder recorder;

        SlowActor(Recorder recorder) {
            this.recorder = recorder;
        }

        @Override
        public Void handle(Integer message) throws InterruptedException {
            if (message == 0) {
                this.recorder.open.await(60, TimeUnit.SECONDS);
            }
            this.recorder.handled.add(message);
            return null;
        }
    }

    static class Store implements AutoCloseable {

        final List<Integer> written = Collections.synchronizedList(new ArrayList<>());

        volatile boolean closed;

        volatile int writtenAfterClose;

        void write(int value) {
            if (this.closed) {
                this.writtenAfterClose++;
            }
            this.written.add(value);
        }

        @Override
        public void close() {
            this.closed = true;
        }
    }

    @ActorWorker("store-writer")
    static class StoreActor implements Actor<Integer, Void> {

        private final Store store;

        StoreActor(Store store) {
            this.store = store;
        }

        @Override
        public Void handle(Integer message) throws InterruptedException {
            Thread.sleep(10);
            this.store.write(message);
            return null;
        }
    }
}
