package dev.actors.cluster;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.typesafe.config.ConfigFactory;

import dev.actors.Actor;
import dev.actors.ActorCallTimeoutException;
import dev.actors.ActorKind;
import dev.actors.ActorSettings;
import dev.actors.AsyncActor;
import dev.actors.spi.KeyedActorSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A relayed call gets one reply: from the handler's thread as the handler ends, or from the entity's continuation
 * when the call ended another way first (a timeout while the handler ran), never both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayedCallTests {

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

    private ActorSystem<Object> pekko;

    @BeforeAll
    void startPekko() {
        this.pekko = ActorSystem.create(Behaviors.receiveMessage((message) -> {
            this.received.add(message);
            return Behaviors.same();
        }), "relayed-call-tests", ConfigFactory.parseString("pekko.loglevel = WARNING")
            .withFallback(ConfigFactory.defaultReference()));
    }

    @AfterAll
    void stopPekko() {
        this.pekko.terminate();
    }

    @Test
    void theHandlerRepliesAsItReturnsAndTheContinuationThenHasNothingToSend() throws Exception {
        Actor<Object, Object> instance = replying((message) -> message + "!");
        RelayedCall call = new RelayedCall("hello", replyTo());

        assertThat(instance.handle(call)).isEqualTo("hello!");

        assertThat(next()).isEqualTo(new Reply("hello!", null, true));
        assertThat(call.claimReply()).isFalse();
    }

    @Test
    void theHandlersExceptionIsRepliedAndStillThrownForTheFailurePolicy() throws Exception {
        Actor<Object, Object> instance = replying((message) -> {
            throw new IllegalStateException("out of stock");
        });
        RelayedCall call = new RelayedCall("hello", replyTo());

        assertThatIllegalStateException().isThrownBy(() -> instance.handle(call)).withMessage("out of stock");

        Reply reply = (Reply) next();
        assertThat(reply.failure().className()).isEqualTo(IllegalStateException.class.getName());
        assertThat(reply.failure().message()).isEqualTo("out of stock");
        assertThat(call.claimReply()).isFalse();
    }

    @Test
    void aCallRepliedByTheContinuationFirstGetsNoSecondReplyFromItsHandler() throws Exception {
        Actor<Object, Object> instance = replying((message) -> message + "!");
        RelayedCall call = new RelayedCall("hello", replyTo());
        assertThat(call.claimReply()).isTrue();   // its timeout fired while the handler ran

        assertThat(instance.handle(call)).isEqualTo("hello!");

        // From this thread, Pekko keeps the order: a reply sent by the handler would arrive before the marker.
        this.pekko.tell("marker");
        assertThat(next()).isEqualTo("marker");
    }

    @Test
    void aCastPassesThroughAndClosingClosesTheInstance() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        Actor<Object, Object> instance = replying(new ClosingActor(closed));

        assertThat(instance.handle("cast")).isEqualTo("cast!");
        ((AutoCloseable) instance).close();

        assertThat(closed).isTrue();
        assertThat(this.received).isEmpty();
    }

    @Test
    void aHandlerThatJoinedAnotherCallRepliesWithTheCauseAsTheLocalCallsFutureWouldGiveIt() throws Exception {
        Actor<Object, Object> instance = replying((message) -> {
            throw new CompletionException(new ActorCallTimeoutException("inventory", Duration.ofSeconds(1)));
        });
        RelayedCall call = new RelayedCall("hello", replyTo());

        assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> instance.handle(call));

        Reply reply = (Reply) next();
        assertThat(reply.failure().kind()).isEqualTo(Reply.Kind.TIMEOUT);
    }

    @Test
    void onlyAPlainActorsInstancesReplyThemselvesAndTheEntityRelaysOnlyOnceOneIsMade() {
        Function<String, Object> instances = (key) -> (AsyncActor<Object, Object>) (message) -> null;
        KeyedActorSpec<Object, Object> async = new KeyedActorSpec<>("async", ActorKind.ACTOR,
                ActorSettings.defaults(), Object.class, Object.class, instances, true);
        KeyedActorSpec<Object, Object> batch = new KeyedActorSpec<>("batch", ActorKind.BATCH,
                ActorSettings.defaults(), Object.class, Object.class, instances, false);
        KeyedActorSpec<Object, Object> plain = new KeyedActorSpec<>("plain", ActorKind.ACTOR,
                ActorSettings.defaults(), Object.class, Object.class, (key) -> (Actor<Object, Object>) (m) -> m);
        AtomicBoolean made = new AtomicBoolean();

        assertThat(RelayedCall.replyingFromHandlers(async, made)).isSameAs(async);
        assertThat(RelayedCall.replyingFromHandlers(batch, made)).isSameAs(batch);
        KeyedActorSpec<Object, Object> replying = RelayedCall.replyingFromHandlers(plain, made);
        assertThat(made).isFalse();
        replying.instanceFactory().apply("k");
        assertThat(made).isTrue();
    }

    @Test
    void aFactorysNullGoesThroughForTheRuntimeToRefuse() {
        KeyedActorSpec<Object, Object> spec = new KeyedActorSpec<>("plain", ActorKind.ACTOR, ActorSettings.defaults(),
                Object.class, Object.class, (key) -> null);
        AtomicBoolean made = new AtomicBoolean();

        assertThat(RelayedCall.replyingFromHandlers(spec, made).instanceFactory().apply("k")).isNull();
        assertThat(made).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Actor<Object, Object> replying(Actor<Object, Object> actor) {
        KeyedActorSpec<Object, Object> spec = new KeyedActorSpec<>("plain", ActorKind.ACTOR, ActorSettings.defaults(),
                Object.class, Object.class, (key) -> actor);
        return (Actor<Object, Object>) RelayedCall.replyingFromHandlers(spec, new AtomicBoolean()).instanceFactory()
            .apply("k");
    }

    private ActorRef<Reply> replyTo() {
        return this.pekko.narrow();
    }

    private Object next() throws InterruptedException {
        Object message = this.received.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("a message within 10 s").isNotNull();
        return message;
    }

    /** Answers with an exclamation mark, and records its close. */
    private record ClosingActor(AtomicBoolean closed) implements Actor<Object, Object>, AutoCloseable {

        @Override
        public Object handle(Object message) {
            return message + "!";
        }

        @Override
        public void close() {
            this.closed.set(true);
        }
    }
}
