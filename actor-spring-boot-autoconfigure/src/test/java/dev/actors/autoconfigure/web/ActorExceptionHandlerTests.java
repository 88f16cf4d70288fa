package dev.actors.autoconfigure.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.actors.ActorSystem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ActorExceptionHandler} in a running web application.
 */
@SpringBootTest(classes = ActorExceptionHandlerTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "actors.workers.gate.mailbox-capacity=1", "actors.workers.slow.call-timeout=200ms",
                "actors.workers.sluggish.async-timeout=200ms",
                "actors.defaults.shutdown-timeout=1s" })
class ActorExceptionHandlerTests {

    @LocalServerPort
    private int port;

    @Autowired
    private ActorSystem actorSystem;

    @Autowired
    private WebTestActors.Latches latches;

    private RestTestClient client;

    @BeforeEach
    void prepare() throws InterruptedException {
        WebTestActors.prepare(this.actorSystem, this.latches);
        this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
    }

    @ParameterizedTest
    @ValueSource(strings = { "future", "then", "join", "cast" })
    void fullMailboxIsServiceUnavailableWithRetryAfter(String style) {
        assertProblem("gate", style, 503, "Service Unavailable",
                "Actor 'gate' cannot take the request now: its mailbox is full.");
        this.client.get()
            .uri("/actors/gate/" + style)
            .exchange()
            .expectHeader()
            .valueEquals("Retry-After", "1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "future", "then", "join", "cast" })
    void stoppedActorIsServiceUnavailableWithRetryAfter(String style) {
        assertProblem("retired", style, 503, "Service Unavailable",
                "Actor 'retired' is not taking requests: it is stopping or stopped.");
        this.client.get()
            .uri("/actors/retired/" + style)
            .exchange()
            .expectHeader()
            .valueEquals("Retry-After", "1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "future", "then", "join" })
    void callTimeoutIsGatewayTimeout(String style) {
        assertProblem("slow", style, 504, "Gateway Timeout", "Actor 'slow' did not reply within 200 ms.");
        this.client.get()
            .uri("/actors/slow/" + style)
            .exchange()
            .expectHeader()
            .doesNotExist("Retry-After");
    }

    @ParameterizedTest
    @ValueSource(strings = { "future", "then", "join" })
    void callCycleIsInternalServerErrorNamingTheCycle(String style) {
        assertProblem("circle", style, 500, "Internal Server Error",
                "Actors call each other in a cycle: circle -> circle.");
        this.client.get()
            .uri("/actors/circle/" + style)
            .exchange()
            .expectHeader()
            .doesNotExist("Retry-After")
            .expectBody()
            .jsonPath("$.cycle")
            .isEqualTo("circle -> circle");
    }

    @ParameterizedTest
    @ValueSource(strings = { "future", "then", "join" })
    void asyncTimeoutIsGatewayTimeout(String style) {
        assertProblem("sluggish", style, 504, "Gateway Timeout",
                "Actor 'sluggish' did not complete its work within 200 ms.");
    }

    private void assertProblem(String actor, String style, int status, String title, String detail) {
        this.client.get()
            .uri("/actors/" + actor + "/" + style)
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo(status)
            .jsonPath("$.title")
            .isEqualTo(title)
            .jsonPath("$.detail")
            .isEqualTo(detail)
            .jsonPath("$.actor")
            .isEqualTo(actor)
            .jsonPath("$.instance")
            .value((instance) -> assertThat(instance).isEqualTo("/actors/" + actor + "/" + style));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ WebTestActors.Latches.class, WebTestActors.GateActor.class, WebTestActors.SlowActor.class, WebTestActors.RetiredActor.class,
            WebTestActors.CircleActor.class, WebTestActors.SluggishActor.class, WebTestActors.ActorController.class })
    static class Application {

    }
}
