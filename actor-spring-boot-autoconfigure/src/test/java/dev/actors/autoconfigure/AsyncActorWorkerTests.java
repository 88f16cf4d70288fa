package dev.actors.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import dev.actors.ActorHandle;
import dev.actors.ActorKind;
import dev.actors.ActorRef;
import dev.actors.ActorSystem;
import dev.actors.AsyncActor;
import dev.actors.AsyncBatchActor;
import dev.actors.autoconfigure.actuate.ActorsEndpoint;
import dev.actors.autoconfigure.actuate.ActorsEndpointAutoConfiguration;
import dev.actors.autoconfigure.metrics.ActorsMetricsAutoConfiguration;
import dev.actors.spring.ActorWorker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @ActorWorker} classes that implement {@link AsyncActor} or {@link AsyncBatchActor} register like the
 * others: handles, settings (with {@code async-timeout}), metrics and the endpoint.
 */
class AsyncActorWorkerTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class, ActorsMetricsAutoConfiguration.class,
                ActorsEndpointAutoConfiguration.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues("management.endpoints.web.exposure.include=actors");

    @Test
    void asyncActorsAreInjectedAsHandlesAndAnswerWithTheirStagesValues() {
        this.contextRunner.withUserConfiguration(LookupActor.class, BulkActor.class).run((context) -> {
            assertThat(context).hasNotFailed();
            ActorHandle<String, Integer> lookup = handle(context, "lookup");
            assertThat(lookup.call("four").get(10, TimeUnit.SECONDS)).isEqualTo(4);
            ActorHandle<Integer, Integer> bulk = handle(context, "bulk");
            assertThat(bulk.call(21).get(10, TimeUnit.SECONDS)).isEqualTo(42);
            ActorSystem system = context.getBean(ActorSystem.class);
            assertThat(system.find("lookup").map(ActorRef::stats).orElseThrow().kind()).isEqualTo(ActorKind.ACTOR);
            assertThat(system.find("bulk").map(ActorRef::stats).orElseThrow().kind()).isEqualTo(ActorKind.BATCH);
        });
    }

    @Test
    void asyncActorsHaveTheirMetersAndEndpointEntries() {
        this.contextRunner.withUserConfiguration(LookupActor.class, BulkActor.class).run((context) -> {
            handle(context, "lookup").call("four").get(10, TimeUnit.SECONDS);
            handle(context, "bulk").call(1).get(10, TimeUnit.SECONDS);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            await().untilAsserted(() -> {
                assertThat(registry.get("actor.message.process").tag("actor", "lookup").tag("outcome", "success")
                    .timer().count()).isEqualTo(1);
                assertThat(registry.get("actor.batch.flush").tag("actor", "bulk").tag("outcome", "success")
                    .timers().stream().mapToLong(Timer::count).sum()).isEqualTo(1);
            });
            ActorsEndpoint endpoint = context.getBean(ActorsEndpoint.class);
            assertThat(((ActorsEndpoint.ActorDescriptor) endpoint.actor("lookup")).counts().handled()).isEqualTo(1);
            assertThat(((ActorsEndpoint.ActorDescriptor) endpoint.actor("bulk")).batch().flushes()).isEqualTo(1);
        });
    }

    @Test
    void theAsyncTimeoutDefaultsToThirtySecondsAndIsSetPerWorkerOrForAllAsyncActors() {
        this.contextRunner.withUserConfiguration(LookupActor.class, BulkActor.class, PlainActor.class)
            .withPropertyValues("actors.defaults.async-timeout=10s", "actors.workers.lookup.async-timeout=2s")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                ActorSystem system = context.getBean(ActorSystem.class);
                assertThat(system.find("lookup").orElseThrow().settings().asyncTimeout())
                    .isEqualTo(Duration.ofSeconds(2));
                assertThat(system.find("bulk").orElseThrow().settings().asyncTimeout())
                    .isEqualTo(Duration.ofSeconds(10));
                // Under the defaults it is no mistake for a plain actor: it just has no stage to wait for.
                assertThat(context.getBean(ActorSystem.class).find("plain")).isPresent();
            });
        this.contextRunner.withUserConfiguration(LookupActor.class).run((context) -> assertThat(
                context.getBean(ActorSystem.class).find("lookup").orElseThrow().settings().asyncTimeout())
            .isEqualTo(Duration.ofSeconds(30)));
    }

    @Test
    void startFailsWhenTheAsyncTimeoutIsGivenForAnActorThatIsNotAsync() {
        this.contextRunner.withUserConfiguration(PlainActor.class)
            .withPropertyValues("actors.workers.plain.async-timeout=2s")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(ActorWorkerConfigurationException.class)
                .hasMessageContaining("actors.workers.plain.async-timeout is set, but actor 'plain' ("
                        + PlainActor.class.getName() + ") is not an AsyncActor or AsyncBatchActor")
                .hasMessageContaining("Remove actors.workers.plain.async-timeout, or make PlainActor implement "
                        + "dev.actors.AsyncActor"));
    }

    @Test
    void startFailsWhenBatchSettingsAreGivenForAnAsyncActorThatDoesNotBatch() {
        this.contextRunner.withUserConfiguration(LookupActor.class)
            .withPropertyValues("actors.workers.lookup.batch.max-size=5")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(ActorWorkerConfigurationException.class)
                .hasMessageContaining("actors.workers.lookup.batch is set")
                .hasMessageContaining("make LookupActor implement dev.actors.AsyncBatchActor instead of "
                        + "dev.actors.AsyncActor"));
    }

    @Test
    void startFailsWithThePropertyNameWhenTheAsyncTimeoutIsNotPositive() {
        this.contextRunner.withUserConfiguration(LookupActor.class)
            .withPropertyValues("actors.workers.lookup.async-timeout=0s")
            .run((context) -> assertThat(context).getFailure()
                .hasMessageContaining("actors.workers.lookup.async-timeout")
                .hasMessageContaining("must be positive"));
    }

    @SuppressWarnings("unchecked")
    private static <M, R> ActorHandle<M, R> handle(ApplicationContext context, String name) {
        return (ActorHandle<M, R>) context.getBean(ActorWorkerRegistrar.handleBeanName(name));
    }

    @ActorWorker("lookup")
    static class LookupActor implements AsyncActor<String, Integer> {

        @Override
        public CompletionStage<Integer> handle(String message) {
            return CompletableFuture.supplyAsync(message::length);
        }
    }

    @ActorWorker("bulk")
    static class BulkActor implements AsyncBatchActor<Integer, Integer> {

        @Override
        public CompletionStage<List<Integer>> handleBatch(List<Integer> messages) {
            return CompletableFuture.supplyAsync(() -> messages.stream().map((m) -> m * 2).toList());
        }
    }

    @ActorWorker("plain")
    static class PlainActor implements dev.actors.Actor<String, String> {

        @Override
        public String handle(String message) {
            return message;
        }
    }
}
