package quickstart;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's quick start works as written: ten apples reserved, the eleventh refused with 409.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = QuickStartTests.Application.class,
        properties = "spring.config.name=quick-start")   // not the sample's application.yml
class QuickStartTests {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({ InventoryActor.class, InventoryController.class })
    static class Application {
    }

    @LocalServerPort
    private int port;

    @Test
    void reservesUntilTheStockRunsOutThenAnswers409() {
        RestClient client = RestClient.create("http://localhost:" + this.port);
        for (int i = 1; i <= 10; i++) {
            Reservation reservation = client.post().uri("/inventory/apple/reservations").retrieve()
                .body(Reservation.class);
            assertThat(reservation).isEqualTo(new Reservation("apple", true, 10 - i));
        }
        int status = client.post().uri("/inventory/apple/reservations")
            .exchange((request, response) -> response.getStatusCode().value());
        assertThat(status).isEqualTo(409);
    }
}
