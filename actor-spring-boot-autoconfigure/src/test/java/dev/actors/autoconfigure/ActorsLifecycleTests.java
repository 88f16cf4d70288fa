package dev.actors.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.actors.Actor;
import dev.actors.ActorHandle;
import dev.actors.spring.ActorWorker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ActorsLifecycle} in a running web application with graceful shutdown.
 */
class ActorsLifecycleTests {

    @Test
    void requestsBeingDrainedAtShutdownCanStillTalkToTheirActors() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
            .properties("server.port=0", "server.shutdown=graceful", "spring.main.banner-mode=off")
            .run();
        try {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            Shutdown shutdown = context.getBean(Shutdown.class);
            CompletableFuture<HttpResponse<String>> response = HttpClient.newHttpClient()
                .sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/twice"))
                    .timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(shutdown.firstCallDone.await(30, TimeUnit.SECONDS)).isTrue();
            context.close();
            assertThat(response.get(30, TimeUnit.SECONDS)).satisfies((reply) -> {
                assertThat(reply.statusCode()).isEqualTo(200);
                assertThat(reply.body()).isEqualTo("echo one, echo two");
            });
        }
        finally {
            context.close();
        }
    }

    /**
     * Lets the request of {@link TwiceController} go on once the context is closing.
     */
    static class Shutdown implements ApplicationListener<ContextClosedEvent> {

        final CountDownLatch firstCallDone = new CountDownLatch(1);

        final CountDownLatch closing = new CountDownLatch(1);

        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            this.closing.countDown();
        }
    }

    @ActorWorker("echo")
    static class EchoActor implements Actor<String, String> {

        @Override
        public String handle(String message) {
            return "echo " + message;
        }
    }

    @RestController
    static class TwiceController {

        private final ActorHandle<String, String> echo;

        private final Shutdown shutdown;

        TwiceController(ActorHandle<String, String> echo, Shutdown shutdown) {
            this.echo = echo;
            this.shutdown = shutdown;
        }

        @GetMapping("/twice")
        String twice() throws InterruptedException {
            String first = this.echo.call("one").join();
            this.shutdown.firstCallDone.countDown();
            this.shutdown.closing.await(30, TimeUnit.SECONDS);
            // Actors stopping before the web server had drained this request would be stopped by now.
            Thread.sleep(500);
            return first + ", " + this.echo.call("two").join();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ Shutdown.class, EchoActor.class, TwiceController.class })
    static class Application {

    }
}
