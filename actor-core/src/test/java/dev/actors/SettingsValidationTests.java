package dev.actors;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad input is refused where it is given: a setting by its builder, naming the setting; a message or a name by the
 * actor system, naming the actor. The longest durations the builder accepts work at run time.
 */
class SettingsValidationTests extends ActorSystemTestSupport {

    @Test
    void outOfRangeValuesAreRefusedWhereTheyAreSetNamingTheSetting() {
        assertRefused(() -> settings().mailboxCapacity(0), "mailbox-capacity", 0, "must be positive");
        assertRefused(() -> settings().batchMaxSize(-1), "batch.max-size", -1, "must be positive");
        assertRefused(() -> settings().throughput(0), "throughput", 0, "must be positive");
        assertRefused(() -> settings().maxRestarts(-1), "restart.max-restarts", -1, "must not be negative");
        assertRefused(() -> settings().callTimeout(Duration.ofSeconds(-1)), "call-timeout", Duration.ofSeconds(-1),
                "must not be negative");
        assertRefused(() -> settings().callTimeout(Duration.ZERO), "call-timeout", Duration.ZERO, "must be positive");
        assertRefused(() -> settings().restartWithin(Duration.ZERO), "restart.within", Duration.ZERO,
                "must be positive");
        assertRefused(() -> settings().offerTimeout(Duration.ofMillis(-5)), "offer-timeout", Duration.ofMillis(-5),
                "must not be negative");
        assertRefused(() -> settings().shutdownTimeout(Duration.ofMillis(-5)), "shutdown-timeout",
                Duration.ofMillis(-5), "must not be negative");
        assertRefused(() -> settings().batchMaxTime(Duration.ofMillis(-5)), "batch.max-time", Duration.ofMillis(-5),
                "must not be negative");
        assertRefused(() -> settings().spinBeforeIdle(Duration.ofNanos(-1)), "spin-before-idle",
                Duration.ofNanos(-1), "must not be negative");
    }

    @Test
    void zeroIsAllowedWhereItMeansNone() {
        ActorSettings settings = settings().maxRestarts(0)
            .offerTimeout(Duration.ZERO)
            .shutdownTimeout(Duration.ZERO)
            .batchMaxTime(Duration.ZERO)
            .spinBeforeIdle(Duration.ZERO)
            .build();
        assertThat(settings.maxRestarts()).isZero();
        assertThat(settings.spinBeforeIdle()).isZero();
    }

    @Test
    void durationsWhoseNanosecondsOverflowAreRefusedNamingTheSetting() {
        Duration forever = ChronoUnit.FOREVER.getDuration();
        Duration justOver = ActorSettings.MAX_DURATION.plusNanos(1);
        Map<String, Function<Duration, ActorSettings.Builder>> setters = new LinkedHashMap<>();
        setters.put("shutdown-timeout", (value) -> settings().shutdownTimeout(value));
        setters.put("restart.within", (value) -> settings().restartWithin(value));
        setters.put("call-timeout", (value) -> settings().callTimeout(value));
        setters.put("batch.max-time", (value) -> settings().batchMaxTime(value));
        setters.put("offer-timeout", (value) -> settings().offerTimeout(value));
        setters.put("spin-before-idle", (value) -> settings().spinBeforeIdle(value));
        setters.forEach((setting, setter) -> {
            for (Duration tooLong : List.of(forever, justOver)) {
                assertRefused(() -> setter.apply(tooLong), setting, tooLong,
                        "must be at most PT2562047H47M16.854775807S (Long.MAX_VALUE nanoseconds)");
            }
            assertThat(setter.apply(ActorSettings.MAX_DURATION).build()).isNotNull();
        });
    }

    @Test
    void theLongestShutdownTimeoutStopsAnActorAndClosesTheSystem() {
        ActorSettings patient = settings().shutdownTimeout(ActorSettings.MAX_DURATION).build();
        try (ActorSystem own = ActorSystem.builder().defaults(patient).build()) {
            ActorRef<String, String> actor = own.spawn("patient", () -> (message) -> message);
            assertThat(actor.call("hello")).succeedsWithin(Duration.ofMinutes(1)).isEqualTo("hello");
            assertThat(actor.stop()).succeedsWithin(Duration.ofMinutes(1));
            assertThat(actor.state()).isEqualTo(ActorState.STOPPED);
        }
    }

    @Test
    void theLongestCallTimeoutAndBatchTimeStillAnswerCalls() {
        ActorRef<String, String> plain = this.system.spawn("long-call",
                settings().callTimeout(ActorSettings.MAX_DURATION).build(), () -> (message) -> message + "!");
        assertThat(plain.call("hi")).succeedsWithin(Duration.ofMinutes(1)).isEqualTo("hi!");
        ActorRef<Integer, Integer> batch = this.system.spawnBatch("long-batch",
                settings().batchMaxSize(2).batchMaxTime(ActorSettings.MAX_DURATION).build(),
                () -> (messages) -> messages.stream().map((value) -> value * 2).toList());
        CompletableFuture<Integer> first = batch.call(1);
        CompletableFuture<Integer> second = batch.call(2);
        assertThat(first).succeedsWithin(Duration.ofMinutes(1)).isEqualTo(2);
        assertThat(second).succeedsWithin(Duration.ofMinutes(1)).isEqualTo(4);
    }

    @Test
    void theLongestRestartWindowStillReplacesTheInstance() {
        AtomicInteger instances = new AtomicInteger();
        ActorRef<String, Integer> actor = this.system.spawn("long-window",
                settings().onFailure(FailurePolicy.RESTART).restartWithin(ActorSettings.MAX_DURATION).build(), () -> {
                    int instance = instances.incrementAndGet();
                    return (message) -> {
                        if (message.equals("fail")) {
                            throw new StacklessFailure();
                        }
                        return instance;
                    };
                });
        assertThat(actor.call("fail")).failsWithin(Duration.ofMinutes(1))
            .withThrowableOfType(ExecutionException.class)
            .withCauseInstanceOf(StacklessFailure.class);
        assertThat(actor.call("which")).succeedsWithin(Duration.ofMinutes(1)).isEqualTo(2);
        assertThat(actor.stats().restarts()).isEqualTo(1);
    }

    @Test
    void theLongestOfferTimeoutStillLetsABlockedSenderIn() throws Exception {
        Gate gate = new Gate();
        ActorRef<String, String> actor = this.system.spawn("long-offer", settings().mailboxCapacity(1)
            .overflow(OverflowPolicy.BLOCK)
            .offerTimeout(ActorSettings.MAX_DURATION)
            .build(), () -> (message) -> {
                if (message.equals("held")) {
                    gate.pass();
                }
                return message;
            });
        CompletableFuture<String> held = actor.call("held");
        gate.awaitEntered();
        actor.cast("queued");
        CompletableFuture<CompletableFuture<String>> blocked = CompletableFuture.supplyAsync(() -> actor.call("late"));
        gate.open();
        assertThat(held).succeedsWithin(Duration.ofMinutes(1)).isEqualTo("held");
        assertThat(blocked).succeedsWithin(Duration.ofMinutes(1));
        assertThat(blocked.join()).succeedsWithin(Duration.ofMinutes(1)).isEqualTo("late");
    }

    private static void assertRefused(ThrowingCallable setting, String name, Object value, String reason) {
        assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(setting)
            .withMessage(name + " " + reason + " but was " + value)
            .satisfies((ex) -> {
                assertThat(ex.setting()).isEqualTo(name);
                assertThat(ex.value()).isEqualTo(value);
                assertThat(ex.reason()).isEqualTo(reason);
            });
    }

    /** A planned failure: one line in the log, no stack trace. */
    private static final class StacklessFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StacklessFailure() {
            super("failed on purpose", null, false, false);
        }
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
