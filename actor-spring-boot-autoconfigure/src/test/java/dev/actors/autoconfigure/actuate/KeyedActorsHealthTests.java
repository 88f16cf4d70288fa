package dev.actors.autoconfigure.actuate;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import dev.actors.ActorSettings;
import dev.actors.ActorSystem;
import dev.actors.FailurePolicy;
import dev.actors.KeyedActorRef;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health rule of keyed actors: one key's failure leaves the actor UP; a kind that cannot serve (its factory
 * threw at its last activations in a row) is DOWN, and UP again once an activation succeeds.
 */
class KeyedActorsHealthTests {

    @Test
    void aKeyedActorIsDownOnlyWhileItsFactoryFailsForEveryKey() throws Exception {
        PrintStream err = System.err;
        // The failures below are expected: keep their stack traces out of the test log.
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try (ActorSystem system = ActorSystem.create()) {
            AtomicBoolean broken = new AtomicBoolean();
            KeyedActorRef<String, String> carts = system.spawnKeyed("carts",
                    ActorSettings.builder().onFailure(FailurePolicy.STOP).build(), (key) -> {
                        if (broken.get()) {
                            throw new IllegalStateException("database down");
                        }
                        return TestActors.echo();
                    });
            ActorsHealthIndicator health = new ActorsHealthIndicator(system);
            // One key stopped by its failure policy: the others still serve.
            assertThat(carts.forKey("a").call("fail")).failsWithin(10, TimeUnit.SECONDS);
            assertThat(carts.forKey("b").call("ok").get(10, TimeUnit.SECONDS)).isEqualTo("ok");
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            broken.set(true);
            for (int i = 0; i < 3; i++) {
                assertThat(carts.forKey("new" + i).call("x")).failsWithin(10, TimeUnit.SECONDS);
            }
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsKey("failed");
            broken.set(false);
            assertThat(carts.forKey("new0").call("x").get(10, TimeUnit.SECONDS)).isEqualTo("x");
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
        finally {
            System.setErr(err);
        }
    }
}
