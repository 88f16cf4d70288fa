package dev.actors.test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.actors.ActorHandle;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Waiting for idle actors in a system that runs on real threads, as a Spring application's does.
 */
class IdleActorsTests {

    private final ActorSystem system = ActorSystem.create();

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        this.release.countDown();
        this.system.close();
    }

    @Test
    void returnsOnceWhatWasCastAndWhatItSetOffIsHandled() {
        AtomicInteger received = new AtomicInteger();
        ActorHandle<Integer, Void> downstream = this.system.<Integer, Void>spawn("downstream", () -> (message) -> {
            received.incrementAndGet();
            return null;
        }).handle();
        ActorRef<Integer, Void> upstream = this.system.spawn("upstream", () -> (message) -> {
            downstream.cast(message);
            return null;
        });

        for (int i = 0; i < 500; i++) {
            upstream.cast(i);
        }
        IdleActors.await(this.system, Duration.ofSeconds(30));

        assertThat(received).hasValue(500);
    }

    @Test
    void waitsWhileAHandlerRuns() throws Exception {
        ActorRef<String, Void> held = this.system.spawn("held", () -> (message) -> {
            this.release.await(60, TimeUnit.SECONDS);
            return null;
        });
        held.cast("held until released");

        CompletableFuture<Void> idle = CompletableFuture.runAsync(
                () -> IdleActors.await(this.system, Duration.ofSeconds(30), held));
        assertThat(idle).isNotDone();
        this.release.countDown();

        idle.get(30, TimeUnit.SECONDS);
        assertThat(held.stats().handled()).isEqualTo(1);
    }

    @Test
    void failsNamingTheBusyActorWhenTheTimeoutPasses() {
        ActorRef<String, Void> held = this.system.spawn("stuck", () -> (message) -> {
            this.release.await(60, TimeUnit.SECONDS);
            return null;
        });
        held.cast("held until the test ends");

        assertThatExceptionOfType(AssertionError.class)
            .isThrownBy(() -> IdleActors.await(this.system, Duration.ofMillis(50)))
            .withMessageContaining("stuck");
    }

    @Test
    void aBatchWaitingForItsDeadlineIsBusy() {
        ActorRef<String, Void> lingering = this.system.spawnBatch("lingering",
                ActorSettings.builder().batchMaxSize(10).batchMaxTime(Duration.ofHours(1)).build(),
                () -> (messages) -> null);
        lingering.cast("held for an hour");

        assertThatExceptionOfType(AssertionError.class)
            .isThrownBy(() -> IdleActors.await(this.system, Duration.ofMillis(50), lingering))
            .withMessageContaining("lingering");
    }

    @Test
    void refusesAnActorOfAnotherSystem() {
        try (ActorTestKit kit = ActorTestKit.create()) {
            TestActor<String, String> other = kit.spawn("elsewhere", () -> (message) -> message);

            assertThatIllegalArgumentException()
                .isThrownBy(() -> IdleActors.await(this.system, Duration.ofSeconds(1), other.ref()))
                .withMessageContaining("elsewhere");
        }
    }
}
