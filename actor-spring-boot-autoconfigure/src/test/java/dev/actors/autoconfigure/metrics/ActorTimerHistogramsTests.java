package dev.actors.autoconfigure.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.actors.ActorRef;
import dev.actors.ActorSystem;
import dev.actors.autoconfigure.metrics.ActorsMetricsAutoConfigurationTests.ActorSystemConfiguration;
import dev.actors.autoconfigure.metrics.ActorsMetricsAutoConfigurationTests.Echo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ActorTimerHistograms}, applied as Spring Boot applies meter filters to its registries.
 */
class ActorTimerHistogramsTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class, ActorsMetricsAutoConfiguration.class))
        .withUserConfiguration(ActorSystemConfiguration.class);

    @Test
    void waitAndProcessTimersHaveSixteenBucketsByDefault() {
        this.contextRunner.run((context) -> {
            MeterRegistry registry = callOnce(context.getBean(ActorSystem.class), context.getBean(MeterRegistry.class));
            Timer process = registry.get("actor.message.process").tag("outcome", "success").timer();
            assertThat(process.takeSnapshot().histogramCounts()).hasSize(16);
            assertThat(process.takeSnapshot().histogramCounts()[0].bucket(TimeUnit.MICROSECONDS)).isEqualTo(100);
            assertThat(registry.get("actor.message.wait").timer().takeSnapshot().histogramCounts()).hasSize(16);
            assertThat(registry.get("actor.mailbox.size").gauge()).isNotNull();
        });
    }

    @Test
    void histogramsCanBeSwitchedOff() {
        this.contextRunner.withPropertyValues("actors.metrics.histograms=false").run((context) -> {
            assertThat(context).doesNotHaveBean(ActorTimerHistograms.class);
            MeterRegistry registry = callOnce(context.getBean(ActorSystem.class), context.getBean(MeterRegistry.class));
            assertThat(registry.get("actor.message.wait").timer().takeSnapshot().histogramCounts()).isEmpty();
        });
    }

    @Test
    void bucketsTheApplicationConfiguresWin() {
        this.contextRunner.withPropertyValues("management.metrics.distribution.slo.actor.message.wait=1ms,1s")
            .run((context) -> {
                MeterRegistry registry = callOnce(context.getBean(ActorSystem.class),
                        context.getBean(MeterRegistry.class));
                assertThat(registry.get("actor.message.wait").timer().takeSnapshot().histogramCounts()).hasSize(2);
                assertThat(registry.get("actor.message.process").tag("outcome", "success").timer().takeSnapshot()
                    .histogramCounts()).hasSize(16);
            });
    }

    private static MeterRegistry callOnce(ActorSystem system, MeterRegistry registry) throws Exception {
        ActorRef<String, String> echo = system.spawn("echo", Echo::new);
        assertThat(echo.call("hi").get(10, TimeUnit.SECONDS)).isEqualTo("hi");
        return registry;
    }
}
