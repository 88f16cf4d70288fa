package dev.actors.autoconfigure;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import dev.actors.Actor;
import dev.actors.ActorHandle;
import dev.actors.ActorSystem;
import dev.actors.spring.ActorWorker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handle is only an address: actors that inject each other's handles, or their own, start and talk.
 */
class ActorsThatWorkTogetherTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class))
        .withBean(Rally.class);

    @Test
    void twoActorsThatInjectEachOthersHandlesStartAndExchangeMessages() {
        this.contextRunner.withUserConfiguration(PingActor.class, PongActor.class).run((context) -> {
            assertThat(context).hasNotFailed();
            ActorHandle<Ping, Integer> ping = handle(context, "ping");
            ping.cast(new Ping(10));
            Rally rally = context.getBean(Rally.class);
            assertThat(rally.done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(rally.hops).hasValue(11);
        });
    }

    @Test
    void threeActorsInACycleOfHandlesStartAndPassATokenAround() {
        this.contextRunner.withUserConfiguration(FirstActor.class, SecondActor.class, ThirdActor.class)
            .run((context) -> {
                assertThat(context).hasNotFailed();
                ActorsThatWorkTogetherTests.<ToFirst>handle(context, "first").cast(new ToFirst(9));
                Rally rally = context.getBean(Rally.class);
                assertThat(rally.done.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(rally.hops).hasValue(10);
            });
    }

    @Test
    void anActorThatInjectsItsOwnHandleCastsItselfAFollowUp() {
        this.contextRunner.withUserConfiguration(CountdownActor.class).run((context) -> {
            assertThat(context).hasNotFailed();
            ActorsThatWorkTogetherTests.<Tick>handle(context, "countdown").cast(new Tick(5));
            Rally rally = context.getBean(Rally.class);
            assertThat(rally.done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(rally.hops).hasValue(6);
        });
    }

    @Test
    void theActorObjectStaysNonInjectableWhenActorsInjectEachOther() {
        this.contextRunner.withUserConfiguration(PingActor.class, PongActor.class)
            .withBean(PingThief.class)
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(NoSuchBeanDefinitionException.class)
                .hasMessageContaining(PingActor.class.getName()));
    }

    @Test
    void aThrowingConstructorFailsTheStartNamingTheActorsBean() {
        this.contextRunner.withUserConfiguration(BrokenActor.class).run((context) -> {
            assertThat(context).getFailure()
                .hasMessageContaining("actorsThatWorkTogetherTests.BrokenActor")
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("broken on purpose");
        });
    }

    @Test
    void instancesAreCreatedOnlyAfterEveryHandleExists() {
        this.contextRunner.withUserConfiguration(PingActor.class, PongActor.class).run((context) -> {
            assertThat(context).hasNotFailed();
            ActorSystem system = context.getBean(ActorSystem.class);
            assertThat(system.actors()).hasSize(2);
            // Each constructor saw the other's handle already there: the instances came after both handles.
            assertThat(context.getBean(Rally.class).handlesSeenByConstructors).hasValue(2);
        });
    }

    @SuppressWarnings("unchecked")
    private static <M> ActorHandle<M, Integer> handle(ApplicationContext context, String actorName) {
        return context.getBean(ActorWorkerRegistrar.handleBeanName(actorName), ActorHandle.class);
    }

    /** What the actors report to the test. */
    static class Rally {

        final AtomicInteger hops = new AtomicInteger();

        final AtomicInteger handlesSeenByConstructors = new AtomicInteger();

        final CountDownLatch done = new CountDownLatch(1);

        void hop(int left) {
            this.hops.incrementAndGet();
            if (left == 0) {
                this.done.countDown();
            }
        }
    }

    /** A message that says how many hops are left. */
    interface Hop {

        int left();
    }

    /** Counts a hop and passes the message on, one hop fewer, until none is left. */
    abstract static class Relay<I extends Hop, O extends Hop> implements Actor<I, Integer> {

        private final ActorHandle<O, Integer> next;

        private final Rally rally;

        private final IntFunction<O> nextMessage;

        Relay(ActorHandle<O, Integer> next, Rally rally, IntFunction<O> nextMessage) {
            this.next = next;
            this.rally = rally;
            this.nextMessage = nextMessage;
            if (next != null) {
                rally.handlesSeenByConstructors.incrementAndGet();
            }
        }

        @Override
        public Integer handle(I message) {
            this.rally.hop(message.left());
            if (message.left() > 0) {
                this.next.cast(this.nextMessage.apply(message.left() - 1));
            }
            return message.left();
        }
    }

    record Ping(int left) implements Hop {
    }

    record Pong(int left) implements Hop {
    }

    @ActorWorker("ping")
    static class PingActor extends Relay<Ping, Pong> {

        PingActor(ActorHandle<Pong, Integer> pong, Rally rally) {
            super(pong, rally, Pong::new);
        }
    }

    @ActorWorker("pong")
    static class PongActor extends Relay<Pong, Ping> {

        PongActor(ActorHandle<Ping, Integer> ping, Rally rally) {
            super(ping, rally, Ping::new);
        }
    }

    record ToFirst(int left) implements Hop {
    }

    record ToSecond(int left) implements Hop {
    }

    record ToThird(int left) implements Hop {
    }

    @ActorWorker("first")
    static class FirstActor extends Relay<ToFirst, ToSecond> {

        FirstActor(ActorHandle<ToSecond, Integer> next, Rally rally) {
            super(next, rally, ToSecond::new);
        }
    }

    @ActorWorker("second")
    static class SecondActor extends Relay<ToSecond, ToThird> {

        SecondActor(ActorHandle<ToThird, Integer> next, Rally rally) {
            super(next, rally, ToThird::new);
        }
    }

    @ActorWorker("third")
    static class ThirdActor extends Relay<ToThird, ToFirst> {

        ThirdActor(ActorHandle<ToFirst, Integer> next, Rally rally) {
            super(next, rally, ToFirst::new);
        }
    }

    record Tick(int left) implements Hop {
    }

    /** Injects its own handle, to cast itself the next tick. */
    @ActorWorker("countdown")
    static class CountdownActor extends Relay<Tick, Tick> {

        CountdownActor(ActorHandle<Tick, Integer> self, Rally rally) {
            super(self, rally, Tick::new);
        }
    }

    @ActorWorker
    static class BrokenActor implements Actor<String, String> {

        BrokenActor() {
            throw new IllegalStateException("broken on purpose");
        }

        @Override
        public String handle(String message) {
            return message;
        }
    }

    static class PingThief {

        PingThief(PingActor actor) {
        }
    }
}
