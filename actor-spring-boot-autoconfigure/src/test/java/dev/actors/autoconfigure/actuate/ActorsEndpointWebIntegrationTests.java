package dev.actors.autoconfigure.actuate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

import dev.actors.autoconfigure.PlannedFailure;
import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorState;
import dev.actors.ActorSystem;
import dev.actors.FailurePolicy;
import dev.actors.KeyedActorRef;
import dev.actors.autoconfigure.ActorSystemCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code actors} endpoint and health contributor over HTTP, in a web application on a random port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "management.endpoints.web.exposure.include=actors,health",
                "management.endpoint.health.show-details=always" })
@AutoConfigureRestTestClient
class ActorsEndpointWebIntegrationTests {

    @Autowired
    private RestTestClient client;

    @Autowired
    private ActorSystem actorSystem;

    @Test
    void listsEveryActor() {
        this.client.get()
            .uri("/actuator/actors")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.actors[0].name")
            .isEqualTo("orders")
            .jsonPath("$.actors[0].kind")
            .isEqualTo("actor")
            .jsonPath("$.actors[1].name")
            .isEqualTo("events")
            .jsonPath("$.actors[1].kind")
            .isEqualTo("batch")
            .jsonPath("$.actors[1].batch.maxSize")
            .isEqualTo(20)
            .jsonPath("$.actors[1].batch.maxTime")
            .isEqualTo("PT0.1S");
    }

    @Test
    void describesOneActor() throws Exception {
        ActorRef<?, ?> orders = this.actorSystem.find("orders").orElseThrow();
        @SuppressWarnings("unchecked")
        ActorRef<String, String> typed = (ActorRef<String, String>) orders;
        typed.call("one").get(10, TimeUnit.SECONDS);
        typed.call("two").get(10, TimeUnit.SECONDS);
        this.client.get()
            .uri("/actuator/actors/orders")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.name")
            .isEqualTo("orders")
            .jsonPath("$.kind")
            .isEqualTo("actor")
            .jsonPath("$.state")
            .isEqualTo("running")
            .jsonPath("$.mailboxSize")
            .isEqualTo(0)
            .jsonPath("$.mailboxCapacity")
            .isEqualTo(50)
            .jsonPath("$.overflow")
            .isEqualTo("reject")
            .jsonPath("$.callTimeout")
            .isEqualTo("PT3S")
            .jsonPath("$.onFailure")
            .isEqualTo("restart")
            .jsonPath("$.counts.handled")
            .isEqualTo(2)
            .jsonPath("$.counts.failed")
            .isEqualTo(0)
            .jsonPath("$.counts.rejected")
            .isEqualTo(0)
            .jsonPath("$.counts.expired")
            .isEqualTo(0)
            .jsonPath("$.counts.restarts")
            .isEqualTo(0)
            .jsonPath("$.lastError")
            .doesNotExist()
            .jsonPath("$.batch")
            .doesNotExist();
    }

    @Test
    void describesAKeyedActorWithItsDeepestKeysAndOneKey() throws Exception {
        @SuppressWarnings("unchecked")
        KeyedActorRef<String, String> carts = (KeyedActorRef<String, String>) this.actorSystem.findKeyed("carts")
            .orElseThrow();
        carts.forKey("c1").call("one").get(10, TimeUnit.SECONDS);
        carts.forKey("c2").call("two").get(10, TimeUnit.SECONDS);
        this.client.get()
            .uri("/actuator/actors")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.keyedActors[0].name")
            .isEqualTo("carts")
            .jsonPath("$.keyedActors[0].activeCount")
            .isEqualTo(2)
            .jsonPath("$.keyedActors[0].maxActive")
            .isEqualTo(500)
            .jsonPath("$.keyedActors[0].passivateAfter")
            .isEqualTo("PT2M")
            .jsonPath("$.keyedActors[0].deepestKeys.length()")
            .isEqualTo(2);
        this.client.get()
            .uri("/actuator/actors/carts")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.activeCount")
            .isEqualTo(2);
        this.client.get()
            .uri("/actuator/actors/carts/keys/c1")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.key")
            .isEqualTo("c1")
            .jsonPath("$.state")
            .isEqualTo("running")
            .jsonPath("$.mailboxSize")
            .isEqualTo(0)
            .jsonPath("$.counts.handled")
            .isEqualTo(1);
    }

    @Test
    void answersNotFoundForAKeyWithoutALiveInstance() {
        this.client.get().uri("/actuator/actors/carts/keys/never").exchange().expectStatus().isNotFound();
        this.client.get().uri("/actuator/actors/nobody/keys/c1").exchange().expectStatus().isNotFound();
        this.client.get().uri("/actuator/actors/carts/other/c1").exchange().expectStatus().isNotFound();
    }

    @Test
    void answersNotFoundForAnUnknownActor() {
        this.client.get().uri("/actuator/actors/nobody").exchange().expectStatus().isNotFound();
    }

    @Test
    void healthGoesDownWhenAFailureStopsAnActor() {
        this.client.get()
            .uri("/actuator/health/actors")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP");
        ActorRef<String, String> fragile = this.actorSystem.spawn("fragile",
                ActorSettings.builder().onFailure(FailurePolicy.STOP).build(), TestActors::echo);
        assertThat(fragile.call("fail")).failsWithin(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> fragile.state() == ActorState.FAILED);
        this.client.get()
            .uri("/actuator/health")
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("DOWN")
            .jsonPath("$.components.actors.status")
            .isEqualTo("DOWN")
            .jsonPath("$.components.actors.details.failed.fragile")
            .isEqualTo(PlannedFailure.LAST_ERROR);
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        ActorSystem actorSystem(ObjectProvider<ActorSystemCustomizer> customizers) {
            ActorSystem.Builder builder = ActorSystem.builder();
            customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
            ActorSystem system = builder.build();
            system.spawn("orders", ActorSettings.builder()
                .mailboxCapacity(50)
                .callTimeout(Duration.ofSeconds(3))
                .onFailure(FailurePolicy.RESTART)
                .build(), TestActors::echo);
            system.spawnBatch("events",
                    ActorSettings.builder().batchMaxSize(20).batchMaxTime(Duration.ofMillis(100)).build(),
                    TestActors::batchEcho);
            system.spawnKeyed("carts", ActorSettings.builder().maxActive(500).build(), (key) -> TestActors.echo());
            return system;
        }
    }
}
