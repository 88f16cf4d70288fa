package dev.actors;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input is refused with a message that names the actor and the setting.
 */
class SettingsValidationTests extends ActorSystemTestSupport {

    @Test
    void nonPositiveCapacityIsRefusedNamingActorAndSetting() {
        assertThatThrownBy(() -> this.system.spawn("orders", settings().mailboxCapacity(0).build(),
                () -> (message) -> message))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'orders'")
            .hasMessageContaining("mailbox-capacity")
            .hasMessageContaining("0");
        assertThat(this.system.find("orders")).isEmpty();
    }

    @Test
    void negativeDurationsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> this.system.spawn("a", settings().callTimeout(Duration.ofSeconds(-1)).build(),
                () -> (message) -> message))
            .hasMessageContaining("'a'")
            .hasMessageContaining("call-timeout");
        assertThatThrownBy(() -> this.system.spawn("b", settings().offerTimeout(Duration.ofMillis(-5)).build(),
                () -> (message) -> message))
            .hasMessageContaining("offer-timeout");
        assertThatThrownBy(() -> this.system.spawn("c", settings().shutdownTimeout(Duration.ofMillis(-5)).build(),
                () -> (message) -> message))
            .hasMessageContaining("shutdown-timeout");
        assertThatThrownBy(() -> this.system.spawnBatch("d", settings().batchMaxTime(Duration.ofMillis(-5)).build(),
                () -> (messages) -> null))
            .hasMessageContaining("batch.max-time");
        assertThatThrownBy(() -> this.system.spawn("e", settings().spinBeforeIdle(Duration.ofNanos(-1)).build(),
                () -> (message) -> message))
            .hasMessageContaining("'e'")
            .hasMessageContaining("spin-before-idle");
        assertThatThrownBy(() -> this.system.spawnBatch("e", settings().batchMaxSize(0).build(),
                () -> (messages) -> null))
            .hasMessageContaining("batch.max-size");
        assertThatThrownBy(() -> this.system.spawn("f", settings().maxRestarts(-1).build(),
                () -> (message) -> message))
            .hasMessageContaining("restart.max-restarts");
        assertThatThrownBy(() -> this.system.spawn("g", settings().restartWithin(Duration.ZERO).build(),
                () -> (message) -> message))
            .hasMessageContaining("restart.within");
    }

    @Test
    void nullMessagesAreRefusedNamingTheActor() {
        ActorRef<String, String> actor = this.system.spawn("strict", settings().build(), () -> (message) -> message);
        assertThatThrownBy(() -> actor.cast(null)).isInstanceOf(NullPointerException.class)
            .hasMessageContaining("'strict'")
            .hasMessageContaining("message");
        assertThatThrownBy(() -> actor.call(null)).isInstanceOf(NullPointerException.class)
            .hasMessageContaining("'strict'");
    }

    @Test
    void duplicateAndBlankNamesAreRefused() {
        this.system.spawn("once", settings().build(), () -> (message) -> message);
        assertThatThrownBy(() -> this.system.spawn("once", settings().build(), () -> (message) -> message))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'once' already exists");
        assertThatThrownBy(() -> this.system.spawn(" ", settings().build(), () -> (message) -> message))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void factoryReturningNullIsRefusedNamingTheActor() {
        assertThatThrownBy(() -> this.system.spawn("nothing", settings().build(), () -> null))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("'nothing'")
            .hasMessageContaining("factory returned null");
    }
}
