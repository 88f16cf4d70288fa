package dev.actors.cluster.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;

import dev.actors.ActorKind;
import dev.actors.ActorSettings;
import dev.actors.KeyedActorHandle;
import dev.actors.autoconfigure.ActorsAutoConfiguration;
import dev.actors.autoconfigure.ActorsLifecycle;
import dev.actors.autoconfigure.actuate.ActorsHealthContributorAutoConfiguration;
import dev.actors.autoconfigure.actuate.ActorsHealthIndicator;
import dev.actors.cluster.ActorCluster;
import dev.actors.cluster.Counter;
import dev.actors.cluster.Counter.Count;
import dev.actors.cluster.Counter.Counted;
import dev.actors.spi.KeyedActorHost;
import dev.actors.spi.KeyedActorSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ActorsClusterAutoConfiguration} and the health and metrics of a cluster member: each context is
 * a cluster of one, on a free port.
 */
class ActorsClusterAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorsClusterAutoConfiguration.class, ActorsAutoConfiguration.class,
                ActorsClusterHealthContributorAutoConfiguration.class, ActorsHealthContributorAutoConfiguration.class,
                ActorsClusterMetricsAutoConfiguration.class))
        .withUserConfiguration(CounterConfiguration.class)
        .withPropertyValues("actors.cluster.port=0", "actors.cluster.name=spring");

    @Test
    void whenTheClusterIsNotEnabledThenNothingOfItIsCreatedAndKeysLiveInThisJvm() {
        this.contextRunner.run((context) -> {
            assertThat(context).doesNotHaveBean(ActorCluster.class).doesNotHaveBean(ActorClusterLifecycle.class);
            assertThat(context.getBean(KeyedActorHost.class)).isNotInstanceOf(ActorCluster.class);
            assertThat(context).getBean("actorsHealthIndicator").isExactlyInstanceOf(ActorsHealthIndicator.class);
            assertThat(counter(context).forKey("a").call(new Count("add", 1)).join().total()).isEqualTo(1);
        });
    }

    @Test
    void whenTheClusterIsEnabledThenTheInstanceIsUpWhenTheContextHasStartedAndItsKeysAnswer() {
        this.contextRunner.withPropertyValues("actors.cluster.enabled=true").run((context) -> {
            ActorCluster cluster = context.getBean(ActorCluster.class);
            assertThat(context).getBean(KeyedActorHost.class).isSameAs(cluster);
            assertThat(cluster.isUp()).isTrue();
            assertThat(cluster.members()).singleElement()
                .satisfies((member) -> assertThat(member.status()).isEqualTo("up"));
            Counted counted = counter(context).forKey("a").call(new Count("add", 2)).join();
            assertThat(counted.total()).isEqualTo(2);
        });
    }

    @Test
    void propertiesReachTheClusterSettings() {
        new ApplicationContextRunner().withUserConfiguration(PropertiesConfiguration.class)
            .withPropertyValues("actors.cluster.number-of-shards=7",
                    "actors.cluster.downing=keep-oldest", "actors.cluster.stable-after=3s",
                    "actors.cluster.seed-nodes=127.0.0.1:1,127.0.0.1:2",
                    "actors.cluster.pekko.cluster.sharding.passivation.strategy=none")
            .run((context) -> {
                ActorsClusterProperties properties = context.getBean(ActorsClusterProperties.class);
                assertThat(properties.toSettings().numberOfShards()).isEqualTo(7);
                assertThat(properties.toSettings().downing()).isEqualTo(dev.actors.cluster.Downing.KEEP_OLDEST);
                assertThat(properties.toSettings().stableAfter()).isEqualTo(Duration.ofSeconds(3));
                assertThat(properties.toSettings().seedNodes()).containsExactly("127.0.0.1:1", "127.0.0.1:2");
                assertThat(properties.toSettings().pekko())
                    .isEqualTo(Map.of("cluster.sharding.passivation.strategy", "none"));
            });
    }

    @Test
    void anInvalidSettingFailsTheStartNamingTheProperty() {
        this.contextRunner.withPropertyValues("actors.cluster.enabled=true", "actors.cluster.seed-nodes=nowhere")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("actors.cluster.seed-nodes must be host:port but was 'nowhere'"));
    }

    @Test
    void aKeyedActorWhoseMessageTypeCannotCrossTheWireFailsTheStart() {
        this.contextRunner.withPropertyValues("actors.cluster.enabled=true")
            .withUserConfiguration(OpaqueConfiguration.class)
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("Keyed actor 'opaque' cannot run on the cluster")
                .hasMessageContaining("message type java.util.Optional"));
    }

    @Test
    void healthIsDownWhileThisInstanceIsNotAnUpMember() {
        this.contextRunner.withPropertyValues("actors.cluster.enabled=true").run((context) -> {
            ActorsHealthIndicator health = context.getBean("actorsHealthIndicator", ActorsHealthIndicator.class);
            assertThat(health).isInstanceOf(ClusterActorsHealthIndicator.class);
            assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
            assertThat(health.health(true).getDetails()).containsKey("cluster");
            context.getBean(ActorCluster.class).leave().join();
            assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void gaugesShowTheMembersAndThisInstancesShardsAndEntities() {
        this.contextRunner.withPropertyValues("actors.cluster.enabled=true").run((context) -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(ActorClusterMetrics.class).bindTo(registry);
            counter(context).forKey("a").call(new Count("add", 1)).join();
            counter(context).forKey("b").call(new Count("add", 1)).join();
            assertThat(registry.get("actor.cluster.members").tag("status", "up").gauge().value()).isEqualTo(1);
            assertThat(registry.get("actor.cluster.members").tag("status", "leaving").gauge().value()).isZero();
            assertThat(registry.get("actor.cluster.entities").gauge().value()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(registry.get("actor.cluster.shards").gauge().value())
                    .isBetween(1.0, 2.0));
        });
    }

    @Test
    void onShutdownTheInstanceLeavesAndPassivatesItsKeysBeforeTheLocalActorsStop() {
        this.contextRunner.withPropertyValues("actors.cluster.enabled=true")
            .withUserConfiguration(ShutdownProbeConfiguration.class)
            .run((context) -> {
                for (int i = 0; i < 5; i++) {
                    counter(context).forKey("k" + i).call(new Count("add", 1)).join();
                }
                Counter.World world = context.getBean(Counter.World.class);
                ActorCluster cluster = context.getBean(ActorCluster.class);
                context.close();
                assertThat(cluster.selfStatus()).isEqualTo("terminated");
                assertThat(List.copyOf(world.events)).as("every key closed by the leave, before the local actors stop")
                    .hasSize(6)
                    .endsWith(ShutdownProbeConfiguration.BETWEEN);
            });
    }

    @SuppressWarnings("unchecked")
    private static KeyedActorHandle<Count, Counted> counter(org.springframework.context.ApplicationContext context) {
        return context.getBean("counter", KeyedActorHandle.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class CounterConfiguration {

        @Bean
        Counter.World world() {
            return new Counter.World();
        }

        // What the actors' auto-configuration does for an @ActorWorker(keyed = true).
        @Bean
        KeyedActorHandle<Count, Counted> counter(KeyedActorHost host, Counter.World world) {
            return host.host(new KeyedActorSpec<>("counter", ActorKind.ACTOR, ActorSettings.defaults(), Count.class,
                    Counted.class, (key) -> new Counter("spring", key, world)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ActorsClusterProperties.class)
    static class PropertiesConfiguration {
    }

    /** Marks the stop of a lifecycle between the cluster's and the local actors'. */
    @Configuration(proxyBeanMethods = false)
    static class ShutdownProbeConfiguration {

        static final String BETWEEN = "after the cluster, before the actors";

        @Bean
        SmartLifecycle shutdownProbe(Counter.World world) {
            return new SmartLifecycle() {

                private volatile boolean running;

                @Override
                public void start() {
                    this.running = true;
                }

                @Override
                public void stop() {
                    world.events.add(BETWEEN);
                    this.running = false;
                }

                @Override
                public boolean isRunning() {
                    return this.running;
                }

                @Override
                public int getPhase() {
                    return (ActorClusterLifecycle.SMART_LIFECYCLE_PHASE + ActorsLifecycle.SMART_LIFECYCLE_PHASE) / 2;
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OpaqueConfiguration {

        @Bean
        @SuppressWarnings({ "rawtypes", "unchecked" })
        KeyedActorHandle<?, ?> opaque(KeyedActorHost host) {
            return host.host(new KeyedActorSpec("opaque", ActorKind.ACTOR, ActorSettings.defaults(),
                    java.util.Optional.class, String.class, (key) -> null));
        }
    }
}
