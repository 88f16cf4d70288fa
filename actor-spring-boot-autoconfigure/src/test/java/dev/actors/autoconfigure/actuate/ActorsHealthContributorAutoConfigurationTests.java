package dev.actors.autoconfigure.actuate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.actors.autoconfigure.PlannedFailure;
import dev.actors.Actor;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorState;
import dev.actors.ActorSystem;
import dev.actors.spring.ActorWorker;
import dev.actors.FailurePolicy;
import dev.actors.autoconfigure.ActorsAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ActorsHealthContributorAutoConfiguration} and {@link ActorsHealthIndicator}.
 */
class ActorsHealthContributorAutoConfigurationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorsHealthContributorAutoConfiguration.class))
        .withUserConfiguration(ActorSystemConfiguration.class);

    @Test
    void providesAHealthIndicatorNamedActors() {
        this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ActorsHealthIndicator.class)
            .hasBean("actorsHealthIndicator"));
    }

    @Test
    void backsOffWhenTheHealthIndicatorIsDisabled() {
        this.contextRunner.withPropertyValues("management.health.actors.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(ActorsHealthIndicator.class));
    }

    @Test
    void backsOffWithoutAnActorSystem() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ActorsHealthContributorAutoConfiguration.class))
            .run((context) -> assertThat(context).doesNotHaveBean(ActorsHealthIndicator.class));
    }

    @Test
    void watchesTheActorWorkersOfTheAutoConfiguredActorSystem() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ActorsHealthContributorAutoConfiguration.class,
                    ActorsAutoConfiguration.class))
            .withUserConfiguration(Fragile.class)
            .withPropertyValues("actors.workers.fragile.on-failure=stop")
            .run((context) -> {
                ActorsHealthIndicator indicator = context.getBean(ActorsHealthIndicator.class);
                assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                @SuppressWarnings("unchecked")
                ActorRef<String, String> fragile = (ActorRef<String, String>) context.getBean(ActorSystem.class)
                    .find("fragile")
                    .orElseThrow();
                assertThat(fragile.call("fail")).failsWithin(WAIT);
                await().atMost(WAIT).until(() -> fragile.state() == ActorState.FAILED);
                assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
            });
    }

    @Test
    void isUpWhileEveryActorRunsOrWasAskedToStop() {
        this.contextRunner.run((context) -> {
            ActorSystem system = context.getBean(ActorSystem.class);
            ActorRef<String, String> resumed = system.spawn("resumed",
                    ActorSettings.builder().onFailure(FailurePolicy.RESUME).build(), TestActors::echo);
            ActorRef<String, String> restarted = system.spawn("restarted",
                    ActorSettings.builder().onFailure(FailurePolicy.RESTART).build(), TestActors::echo);
            ActorRef<String, String> stopped = system.spawn("stopped", TestActors::echo);
            assertThat(resumed.call("fail")).failsWithin(WAIT);
            assertThat(restarted.call("fail")).failsWithin(WAIT);
            await().atMost(WAIT).until(() -> restarted.stats().restarts() == 1);
            stopped.stop().get(10, TimeUnit.SECONDS);
            Health health = context.getBean(ActorsHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).isEmpty();
        });
    }

    @Test
    void isDownWithTheNamesAndLastErrorsOfActorsThatFailuresStopped() {
        this.contextRunner.run((context) -> {
            ActorSystem system = context.getBean(ActorSystem.class);
            system.spawn("healthy", TestActors::echo);
            ActorRef<String, String> fragile = system.spawn("fragile",
                    ActorSettings.builder().onFailure(FailurePolicy.STOP).build(), TestActors::echo);
            ActorsHealthIndicator indicator = context.getBean(ActorsHealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            assertThat(fragile.call("fail")).failsWithin(WAIT);
            await().atMost(WAIT).until(() -> fragile.state() == ActorState.FAILED);
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsOnlyKeys("failed");
            assertThat(health.getDetails().get("failed"))
                .isEqualTo(Map.of("fragile", PlannedFailure.LAST_ERROR));
        });
    }

    @ActorWorker("fragile")
    static class Fragile implements Actor<String, String> {

        @Override
        public String handle(String message) {
            throw new PlannedFailure();
        }
    }
}
