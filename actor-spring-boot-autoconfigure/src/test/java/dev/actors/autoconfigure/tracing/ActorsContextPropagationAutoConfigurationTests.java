package dev.actors.autoconfigure.tracing;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.actors.Actor;
import dev.actors.ActorRef;
import dev.actors.ActorSystem;
import dev.actors.spi.ContextPropagator;
import dev.actors.autoconfigure.ActorSystemCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ActorsContextPropagationAutoConfiguration}.
 */
class ActorsContextPropagationAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                ActorsContextPropagationAutoConfiguration.class))
        .withUserConfiguration(ActorSystemConfiguration.class, TraceIdInMdcConfiguration.class);

    @Test
    void handlerOfACallSeesTheCallersObservationAndItsMdc() {
        this.contextRunner.run((context) -> {
            ObservationRegistry observationRegistry = context.getBean(ObservationRegistry.class);
            Seen seen = new Seen(observationRegistry);
            ActorRef<String, String> actor = context.getBean(ActorSystem.class).spawn("traced", () -> seen);
            Observation request = Observation.start("http.server.requests", observationRegistry);
            try (Observation.Scope scope = request.openScope()) {
                actor.call("hello").get(10, TimeUnit.SECONDS);
            }
            request.stop();
            Sight sight = seen.next();
            assertThat(sight.observation()).isSameAs(request);
            assertThat(sight.traceId()).isNotNull().isEqualTo(TraceIdInMdcHandler.traceIdOf(request));
        });
    }

    @Test
    void handlerOfACastSeesTheCallersObservation() {
        this.contextRunner.run((context) -> {
            ObservationRegistry observationRegistry = context.getBean(ObservationRegistry.class);
            Seen seen = new Seen(observationRegistry);
            ActorRef<String, String> actor = context.getBean(ActorSystem.class).spawn("traced", () -> seen);
            Observation request = Observation.start("http.server.requests", observationRegistry);
            try (Observation.Scope scope = request.openScope()) {
                actor.cast("hello");
            }
            assertThat(seen.next().observation()).isSameAs(request);
            request.stop();
        });
    }

    @Test
    void noObservationReachesAHandlerWhoseCallerHadNone() {
        this.contextRunner.run((context) -> {
            ObservationRegistry observationRegistry = context.getBean(ObservationRegistry.class);
            Seen seen = new Seen(observationRegistry);
            // One thread runs every handler, so a context left behind by the first would show in the second.
            ActorRef<String, String> actor = context.getBean(ActorSystem.class).spawn("traced", () -> seen);
            Observation request = Observation.start("http.server.requests", observationRegistry);
            try (Observation.Scope scope = request.openScope()) {
                actor.call("first").get(10, TimeUnit.SECONDS);
            }
            request.stop();
            assertThat(seen.next().observation()).isSameAs(request);
            assertThat(observationRegistry.getCurrentObservation()).isNull();
            actor.call("second").get(10, TimeUnit.SECONDS);
            Sight sight = seen.next();
            assertThat(sight.observation()).isNull();
            assertThat(sight.traceId()).isNull();
        });
    }

    @Test
    void contextLeftOnTheActorsThreadDoesNotReachTheNextHandler() {
        this.contextRunner.run((context) -> {
            ObservationRegistry observationRegistry = context.getBean(ObservationRegistry.class);
            Seen seen = new Seen(observationRegistry);
            ActorRef<String, String> actor = context.getBean(ActorSystem.class).spawn("traced", () -> seen);
            Observation stray = Observation.start("stray", observationRegistry);
            seen.leaveOpen(stray);
            actor.call("leaves a scope open").get(10, TimeUnit.SECONDS);
            assertThat(seen.next().observation()).isSameAs(stray);
            actor.call("next").get(10, TimeUnit.SECONDS);
            assertThat(seen.next().observation()).isNull();
            stray.stop();
        });
    }

    @Test
    void usesTheApplicationsContextPropagator() {
        this.contextRunner.withBean("myPropagator", ContextPropagator.class, NoContext::new).run((context) -> {
            assertThat(context).getBean(ContextPropagator.class).isInstanceOf(NoContext.class);
            ObservationRegistry observationRegistry = context.getBean(ObservationRegistry.class);
            Seen seen = new Seen(observationRegistry);
            ActorRef<String, String> actor = context.getBean(ActorSystem.class).spawn("traced", () -> seen);
            Observation request = Observation.start("http.server.requests", observationRegistry);
            try (Observation.Scope scope = request.openScope()) {
                actor.call("hello").get(10, TimeUnit.SECONDS);
            }
            request.stop();
            assertThat(seen.next().observation()).isNull();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class ActorSystemConfiguration {

        @Bean(destroyMethod = "shutdown")
        ExecutorService actorExecutor() {
            return Executors.newSingleThreadExecutor();
        }

        @Bean
        ActorSystem actorSystem(ExecutorService actorExecutor, ObjectProvider<ActorSystemCustomizer> customizers) {
            ActorSystem.Builder builder = ActorSystem.builder().executor(actorExecutor);
            customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
            return builder.build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TraceIdInMdcConfiguration {

        @Bean
        TraceIdInMdcHandler traceIdInMdcHandler() {
            return new TraceIdInMdcHandler();
        }
    }

    /** Puts a trace id in the MDC while an observation is in scope, as tracing does. */
    static class TraceIdInMdcHandler implements ObservationHandler<Observation.Context> {

        static String traceIdOf(Observation observation) {
            return Integer.toHexString(System.identityHashCode(observation.getContext()));
        }

        @Override
        public void onScopeOpened(Observation.Context context) {
            MDC.put("traceId", Integer.toHexString(System.identityHashCode(context)));
        }

        @Override
        public void onScopeClosed(Observation.Context context) {
            MDC.remove("traceId");
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    /** Records what each handled message saw. */
    static class Seen implements Actor<String, String> {

        private final ObservationRegistry observationRegistry;

        private final BlockingQueue<Sight> sights = new LinkedBlockingQueue<>();

        private volatile Observation toLeaveOpen;

        Seen(ObservationRegistry observationRegistry) {
            this.observationRegistry = observationRegistry;
        }

        @Override
        public String handle(String message) {
            Observation stray = this.toLeaveOpen;
            if (stray != null) {
                this.toLeaveOpen = null;
                stray.openScope();
            }
            this.sights.add(new Sight(this.observationRegistry.getCurrentObservation(), MDC.get("traceId")));
            return message;
        }

        /** Makes the next handler open a scope on the observation and never close it. */
        void leaveOpen(Observation observation) {
            this.toLeaveOpen = observation;
        }

        Sight next() throws InterruptedException {
            Sight sight = this.sights.poll(10, TimeUnit.SECONDS);
            assertThat(sight).as("what a handled message saw").isNotNull();
            return sight;
        }
    }

    record Sight(@Nullable Observation observation, @Nullable String traceId) {
    }

    static class NoContext implements ContextPropagator {

        @Override
        public Object capture() {
            return null;
        }

        @Override
        public Scope restore(Object snapshot) {
            return () -> {
            };
        }
    }
}
