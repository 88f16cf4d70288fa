package dev.actors.autoconfigure.actuate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.actors.autoconfigure.PlannedFailure;
import dev.actors.Actor;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;
import dev.actors.spring.ActorWorker;
import dev.actors.FailurePolicy;
import dev.actors.OverflowPolicy;
import dev.actors.autoconfigure.ActorsAutoConfiguration;
import dev.actors.autoconfigure.actuate.ActorsEndpoint.ActorDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ActorsEndpointAutoConfiguration} and {@link ActorsEndpoint}.
 */
class ActorsEndpointAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorsEndpointAutoConfiguration.class))
        .withUserConfiguration(ActorSystemConfiguration.class)
        .withPropertyValues("management.endpoints.web.exposure.include=actors");

    @Test
    void providesTheEndpointWhenItIsExposed() {
        this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ActorsEndpoint.class));
    }

    @Test
    void backsOffWhenTheEndpointIsNotExposed() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ActorsEndpointAutoConfiguration.class))
            .withUserConfiguration(ActorSystemConfiguration.class)
            .run((context) -> assertThat(context).doesNotHaveBean(ActorsEndpoint.class));
    }

    @Test
    void backsOffWhenTheEndpointIsDisabled() {
        this.contextRunner.withPropertyValues("management.endpoint.actors.access=NONE")
            .run((context) -> assertThat(context).doesNotHaveBean(ActorsEndpoint.class));
    }

    @Test
    void backsOffWithoutAnActorSystem() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ActorsEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoints.web.exposure.include=actors")
            .run((context) -> assertThat(context).doesNotHaveBean(ActorsEndpoint.class));
    }

    @Test
    void describesAPlainActor() {
        this.contextRunner.run((context) -> {
            ActorSettings settings = ActorSettings.builder()
                .mailboxCapacity(50)
                .overflow(OverflowPolicy.BLOCK)
                .callTimeout(Duration.ofSeconds(2))
                .onFailure(FailurePolicy.RESTART)
                .build();
            ActorRef<String, String> orders = context.getBean(ActorSystem.class)
                .spawn("orders", settings, TestActors::echo);
            orders.call("one").get(10, TimeUnit.SECONDS);
            assertThat(orders.call("fail")).failsWithin(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> orders.stats().restarts() == 1);
            ActorDescriptor descriptor = (ActorDescriptor) context.getBean(ActorsEndpoint.class).actor("orders");
            assertThat(descriptor.name()).isEqualTo("orders");
            assertThat(descriptor.kind()).isEqualTo("actor");
            assertThat(descriptor.state()).isEqualTo("running");
            assertThat(descriptor.mailboxSize()).isZero();
            assertThat(descriptor.mailboxCapacity()).isEqualTo(50);
            assertThat(descriptor.overflow()).isEqualTo("block");
            assertThat(descriptor.callTimeout()).isEqualTo("PT2S");
            assertThat(descriptor.onFailure()).isEqualTo("restart");
            assertThat(descriptor.counts()).isEqualTo(new ActorsEndpoint.CountsDescriptor(1, 1, 0, 0, 1));
            assertThat(descriptor.lastError()).isEqualTo(PlannedFailure.LAST_ERROR);
            assertThat(descriptor.batch()).isNull();
        });
    }

    @Test
    void describesABatchActor() {
        this.contextRunner.run((context) -> {
            ActorSettings settings = ActorSettings.builder()
                .batchMaxSize(2)
                .batchMaxTime(Duration.ofMinutes(1))
                .build();
            ActorRef<String, String> events = context.getBean(ActorSystem.class)
                .spawnBatch("events", settings, TestActors::batchEcho);
            events.cast("a");
            events.cast("b");
            // Handled is counted last, after the flush itself: waiting for it leaves nothing in flight.
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stats().handled() == 2);
            ActorDescriptor descriptor = (ActorDescriptor) context.getBean(ActorsEndpoint.class).actor("events");
            assertThat(descriptor.kind()).isEqualTo("batch");
            assertThat(descriptor.counts().handled()).isEqualTo(2);
            assertThat(descriptor.lastError()).isNull();
            assertThat(descriptor.batch()).isEqualTo(new ActorsEndpoint.BatchDescriptor(2, "PT1M", "fail-batch", 1, 0, 2));
        });
    }

    @Test
    void listsEveryActorInCreationOrder() {
        this.contextRunner.run((context) -> {
            ActorSystem system = context.getBean(ActorSystem.class);
            system.spawn("b-first", TestActors::echo);
            system.spawnBatch("a-second", ActorSettings.defaults(), TestActors::batchEcho);
            ActorRef<String, String> stopped = system.spawn("c-third", TestActors::echo);
            stopped.stop().get(10, TimeUnit.SECONDS);
            assertThat(context.getBean(ActorsEndpoint.class).actors().actors())
                .extracting(ActorDescriptor::name, ActorDescriptor::kind, ActorDescriptor::state)
                .containsExactly(tuple("b-first", "actor", "running"),
                        tuple("a-second", "batch", "running"),
                        tuple("c-third", "actor", "stopped"));
        });
    }

    @Test
    void describesTheActorWorkersOfTheAutoConfiguredActorSystem() {
        new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(ActorsEndpointAutoConfiguration.class, ActorsAutoConfiguration.class))
            .withUserConfiguration(Greeter.class)
            .withPropertyValues("management.endpoints.web.exposure.include=actors",
                    "actors.workers.greeter.call-timeout=3s")
            .run((context) -> {
                ActorDescriptor greeter = (ActorDescriptor) context.getBean(ActorsEndpoint.class).actor("greeter");
                assertThat(greeter).isNotNull();
                assertThat(greeter.callTimeout()).isEqualTo("PT3S");
            });
    }

    @Test
    void describesNoActorForAnUnknownName() {
        this.contextRunner.run((context) -> assertThat(context.getBean(ActorsEndpoint.class).actor("nobody")).isNull());
    }

    @ActorWorker("greeter")
    static class Greeter implements Actor<String, String> {

        @Override
        public String handle(String name) {
            return "Hello " + name;
        }
    }
}
