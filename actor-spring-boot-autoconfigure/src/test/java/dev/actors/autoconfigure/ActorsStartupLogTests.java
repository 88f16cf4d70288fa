package dev.actors.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.actors.autoconfigure.ActorsAutoConfigurationTests.EventWriterActor;
import dev.actors.autoconfigure.ActorsAutoConfigurationTests.PricingActor;
import dev.actors.autoconfigure.KeyedActorsAutoConfigurationTests.CartActor;
import dev.actors.autoconfigure.KeyedActorsAutoConfigurationTests.Journal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ActorsStartupLog}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActorsStartupLogTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class));

    @Test
    void logsOneInfoLineWithTheActorsTheirKindsAndMailboxCapacities(CapturedOutput output) {
        this.contextRunner.withUserConfiguration(PricingActor.class, EventWriterActor.class)
            .withPropertyValues("actors.workers.event-writer.mailbox-capacity=10000")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(output).containsOnlyOnce("2 actors started: ")
                    .contains("INFO")
                    .contains("2 actors started: pricing (actor, mailbox 1000), event-writer (batch, mailbox 10000)");
            });
    }

    @Test
    void listsKeyedActorsWithTheirMailboxPerKey(CapturedOutput output) {
        this.contextRunner.withUserConfiguration(PricingActor.class, CartActor.class)
            .withBean(Journal.class)
            .withPropertyValues("actors.workers.cart.mailbox-capacity=50")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(output).containsOnlyOnce("2 actors started: ")
                    .contains("2 actors started: pricing (actor, mailbox 1000), cart (keyed actor, mailbox 50 per key)");
            });
    }

    @Test
    void logsNothingWithoutActors(CapturedOutput output) {
        this.contextRunner.run((context) -> {
            assertThat(context).hasSingleBean(ActorsStartupLog.class);
            assertThat(output).doesNotContain("started: ");
        });
    }
}
