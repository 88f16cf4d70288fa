package dev.actors.autoconfigure.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.actors.Actor;
import dev.actors.ActorHandle;
import dev.actors.ActorRef;
import dev.actors.ActorSystem;
import dev.actors.AsyncActor;
import dev.actors.spring.ActorWorker;

import static org.awaitility.Awaitility.await;

/**
 * Actors and a controller that put each of the actors' exceptions in front of Spring MVC.
 */
final class WebTestActors {

    private WebTestActors() {
    }

    /**
     * Makes the mailbox of actor "gate" (capacity 1) full, with its handler held, and stops actor "retired".
     *
     * @param system the actor system
     * @param latches the latches of the application context
     */
    static void prepare(ActorSystem system, Latches latches) throws InterruptedException {
        ActorRef<?, ?> gate = system.find("gate").orElseThrow();
        if (latches.gateBlocked.getCount() > 0) {
            cast(gate, "block");
            assertThatInTime(latches.gateBlocked.await(10, TimeUnit.SECONDS));
            cast(gate, "fill");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> gate.stats().mailboxSize() == 1);
        system.find("retired").orElseThrow().stop().join();
    }

    private static void assertThatInTime(boolean inTime) {
        if (!inTime) {
            throw new AssertionError("Actor 'gate' did not start its first message in time");
        }
    }

    @SuppressWarnings("unchecked")
    private static void cast(ActorRef<?, ?> actor, String message) {
        ((ActorHandle<String, String>) actor).cast(message);
    }

    /**
     * Holds the handlers of "gate" and "slow" until the application context closes.
     */
    static class Latches implements ApplicationListener<ContextClosedEvent> {

        final CountDownLatch gateBlocked = new CountDownLatch(1);

        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            this.release.countDown();
        }
    }

    @ActorWorker("gate")
    static class GateActor implements Actor<String, String> {

        private final Latches latches;

        GateActor(Latches latches) {
            this.latches = latches;
        }

        @Override
        public String handle(String message) throws InterruptedException {
            if (message.equals("block")) {
                this.latches.gateBlocked.countDown();
                this.latches.release.await(30, TimeUnit.SECONDS);
            }
            return message;
        }
    }

    @ActorWorker("slow")
    static class SlowActor implements Actor<String, String> {

        private final Latches latches;

        SlowActor(Latches latches) {
            this.latches = latches;
        }

        @Override
        public String handle(String message) throws InterruptedException {
            this.latches.release.await(30, TimeUnit.SECONDS);
            return message;
        }
    }

    @ActorWorker("retired")
    static class RetiredActor implements Actor<String, String> {

        @Override
        public String handle(String message) {
            return message;
        }
    }

    /** An async actor whose stage is a call to itself: a call cycle, which fails at once. */
    @ActorWorker("circle")
    static class CircleActor implements AsyncActor<String, String> {

        private final ActorHandle<String, String> self;

        CircleActor(@Qualifier("circle") ActorHandle<String, String> self) {
            this.self = self;
        }

        @Override
        public CompletionStage<String> handle(String message) {
            return this.self.call("again");
        }
    }

    /** An async actor whose stage completes only when the context closes: past its async-timeout. */
    @ActorWorker("sluggish")
    static class SluggishActor implements AsyncActor<String, String> {

        private final CompletableFuture<String> never = new CompletableFuture<>();

        @Override
        public CompletionStage<String> handle(String message) {
            return this.never;
        }
    }

    @RestController
    static class ActorController {

        private final ActorSystem system;

        ActorController(ActorSystem system) {
            this.system = system;
        }

        /** Returns the call's future: a failure reaches Spring MVC as the future's own exception. */
        @GetMapping("/actors/{name}/future")
        CompletableFuture<String> future(@PathVariable String name) {
            return handle(name).call("hello");
        }

        /** Chains on the call: a failure reaches Spring MVC wrapped in a CompletionException. */
        @GetMapping("/actors/{name}/then")
        CompletableFuture<String> then(@PathVariable String name) {
            return handle(name).call("hello").thenApply(String::toUpperCase);
        }

        /** Waits for the reply: join() throws a CompletionException. */
        @GetMapping("/actors/{name}/join")
        String join(@PathVariable String name) {
            return handle(name).call("hello").join();
        }

        /** Sends without a reply: cast throws the exception itself. */
        @GetMapping("/actors/{name}/cast")
        String cast(@PathVariable String name) {
            handle(name).cast("hello");
            return "sent";
        }

        @SuppressWarnings("unchecked")
        private ActorHandle<String, String> handle(String name) {
            return (ActorHandle<String, String>) this.system.find(name).orElseThrow();
        }
    }
}
