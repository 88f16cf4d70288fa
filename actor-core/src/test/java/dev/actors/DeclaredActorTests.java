package dev.actors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A declared actor is an address first: it queues messages before its instance exists, and handles them once
 * started. A spawned one is created at once.
 */
class DeclaredActorTests extends ActorSystemTestSupport {

    @Test
    void spawnCreatesTheInstanceAtOnce() {
        AtomicInteger created = new AtomicInteger();
        this.system.spawn("eager", () -> {
            created.incrementAndGet();
            return (message) -> message;
        });
        assertThat(created).hasValue(1);
    }

    @Test
    void aDeclaredActorQueuesUntilItsStartCreatesTheInstance() throws Exception {
        AtomicInteger created = new AtomicInteger();
        ActorRef<String, String> actor = this.system.declare("later", settings().build(), () -> {
            created.incrementAndGet();
            return (message) -> "handled " + message;
        });
        actor.cast("early cast");
        CompletableFuture<String> early = actor.call("early call");
        assertThat(created).hasValue(0);
        assertThat(early).isNotDone();
        assertThat(actor.stats().mailboxSize()).isEqualTo(2);
        this.system.startDeclared();
        assertThat(created).hasValue(1);
        assertThat(early.get(10, TimeUnit.SECONDS)).isEqualTo("handled early call");
        assertThat(actor.call("late").get(10, TimeUnit.SECONDS)).isEqualTo("handled late");
        assertThat(actor.stats().handled()).isEqualTo(3);
    }

    @Test
    void startDeclaredStartsEachActorOnce() throws Exception {
        AtomicInteger created = new AtomicInteger();
        ActorRef<String, String> first = this.system.declare("first", settings().build(), () -> {
            created.incrementAndGet();
            return (message) -> message;
        });
        this.system.startDeclared();
        this.system.startDeclared();
        assertThat(created).hasValue(1);
        assertThat(first.call("x").get(10, TimeUnit.SECONDS)).isEqualTo("x");
    }

    @Test
    void aThrowingFactoryFailsTheStartOnTheStartingThread() {
        this.system.declare("broken", settings().build(), () -> {
            throw new IllegalStateException("constructor failed on purpose");
        });
        assertThatIllegalStateException().isThrownBy(this.system::startDeclared)
            .withMessage("constructor failed on purpose");
    }

    @Test
    void stoppingAnActorThatNeverStartedFailsWhatItQueued() throws Exception {
        ActorRef<String, String> actor = this.system.declare("never", settings().build(), () -> (message) -> message);
        CompletableFuture<String> queued = actor.call("queued");
        actor.stop().get(10, TimeUnit.SECONDS);
        assertThat(actor.state()).isEqualTo(ActorState.STOPPED);
        assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(ActorClosedException.class);
        assertThat(actor.stats().rejectedClosed()).isEqualTo(1);
    }
}
