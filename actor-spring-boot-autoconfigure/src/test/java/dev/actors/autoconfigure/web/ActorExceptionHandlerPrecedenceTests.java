package dev.actors.autoconfigure.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.actors.ActorSystem;
import dev.actors.MailboxFullException;

/**
 * Tests that the application's own exception handlers win over {@link ActorExceptionHandler}.
 */
@SpringBootTest(classes = ActorExceptionHandlerPrecedenceTests.Application.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "actors.workers.gate.mailbox-capacity=1", "actors.defaults.shutdown-timeout=1s" })
class ActorExceptionHandlerPrecedenceTests {

    @LocalServerPort
    private int port;

    @Autowired
    private ActorSystem actorSystem;

    @Autowired
    private WebTestActors.Latches latches;

    @BeforeEach
    void prepare() throws InterruptedException {
        WebTestActors.prepare(this.actorSystem, this.latches);
    }

    @Test
    void applicationsOwnExceptionHandlerWins() {
        client().get()
            .uri("/actors/gate/join")
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
            .expectBody(String.class)
            .isEqualTo("Too busy: gate");
    }

    @Test
    void exceptionsTheApplicationDoesNotHandleAreStillMapped() {
        client().get().uri("/actors/retired/join").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    private org.springframework.test.web.servlet.client.RestTestClient client() {
        return org.springframework.test.web.servlet.client.RestTestClient.bindToServer()
            .baseUrl("http://localhost:" + this.port)
            .build();
    }

    @RestControllerAdvice
    static class ApplicationExceptionHandler {

        @ExceptionHandler
        ResponseEntity<String> handle(MailboxFullException ex) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).body("Too busy: " + ex.actorName());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({ WebTestActors.Latches.class, WebTestActors.GateActor.class, WebTestActors.RetiredActor.class, WebTestActors.ActorController.class,
            ApplicationExceptionHandler.class })
    static class Application {

    }
}
