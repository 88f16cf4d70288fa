package dev.actors.sample.carts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.actors.ActorSystem;
import dev.actors.KeyedActorRef;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyed scenario of the sample over real HTTP: one actor per shopping cart, stored when it passivates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The same as SampleApplicationTests, so that both share one application context.
        properties = "actors.workers.event-writer.batch.max-time=20ms")
class CartsTests {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    private int port;

    @Autowired
    private ActorSystem actorSystem;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void itemsAddUpPerCartAndAnUntouchedCartIsNotFound() throws Exception {
        send("PUT", "/inventory/cart-apple", "{\"quantity\": 10}");
        send("PUT", "/inventory/cart-pear", "{\"quantity\": 10}");
        HttpResponse<String> added = send("POST", "/carts/c1/items", "{\"sku\": \"cart-apple\", \"quantity\": 2}");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("\"cart-apple\":2").contains("\"status\":\"OPEN\"");
        send("POST", "/carts/c1/items", "{\"sku\": \"cart-pear\", \"quantity\": 1}");
        send("POST", "/carts/c1/items", "{\"sku\": \"cart-apple\", \"quantity\": 3}");
        send("POST", "/carts/c2/items", "{\"sku\": \"cart-pear\", \"quantity\": 4}");
        HttpResponse<String> c1 = send("GET", "/carts/c1", null);
        assertThat(c1.statusCode()).isEqualTo(200);
        assertThat(c1.body()).contains("\"items\":{\"cart-apple\":5,\"cart-pear\":1}");
        assertThat(send("GET", "/carts/c2", null).body()).contains("\"items\":{\"cart-pear\":4}");
        HttpResponse<String> never = send("GET", "/carts/never-touched", null);
        assertThat(never.statusCode()).isEqualTo(404);
        assertThat(never.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aCartIsStoredWhenItPassivatesAndLoadedWhenItActivates() throws Exception {
        send("PUT", "/inventory/stored-plum", "{\"quantity\": 10}");
        send("POST", "/carts/kept/items", "{\"sku\": \"stored-plum\", \"quantity\": 2}");
        KeyedActorRef<?, ?> carts = this.actorSystem.findKeyed("carts").orElseThrow();
        assertThat(carts.stats("kept")).isPresent();
        carts.passivate("kept").join();
        assertThat(carts.stats("kept")).isEmpty();
        assertThat(this.jdbc.sql("SELECT quantity FROM cart_items WHERE cart_id = 'kept'").query(Integer.class)
            .single()).isEqualTo(2);
        HttpResponse<String> reloaded = send("POST", "/carts/kept/items", "{\"sku\": \"stored-plum\", \"quantity\": 1}");
        assertThat(reloaded.statusCode()).isEqualTo(200);
        assertThat(reloaded.body()).contains("\"stored-plum\":3");
        // A cart only read is not written: an untouched id leaves no row behind.
        send("GET", "/carts/only-read", null);
        carts.passivate("only-read").join();
        assertThat(this.jdbc.sql("SELECT COUNT(*) FROM carts WHERE id = 'only-read'").query(Integer.class).single())
            .isZero();
    }

    @Test
    void checkoutReservesEveryItemThroughTheInventoryOrNone() throws Exception {
        send("PUT", "/inventory/co-fig", "{\"quantity\": 5}");
        send("PUT", "/inventory/co-kiwi", "{\"quantity\": 1}");
        send("POST", "/carts/buyer/items", "{\"sku\": \"co-fig\", \"quantity\": 3}");
        HttpResponse<String> checkedOut = send("POST", "/carts/buyer/checkout", null);
        assertThat(checkedOut.statusCode()).isEqualTo(200);
        assertThat(checkedOut.body()).contains("\"status\":\"CHECKED_OUT\"");
        assertThat(send("GET", "/inventory/co-fig", null).body()).contains("\"available\":2");
        assertThat(send("POST", "/carts/buyer/items", "{\"sku\": \"co-fig\", \"quantity\": 1}").statusCode())
            .isEqualTo(409);
        // Not enough kiwis: the figs taken first are given back, and the cart stays open.
        send("POST", "/carts/late/items", "{\"sku\": \"co-fig\", \"quantity\": 2}");
        send("POST", "/carts/late/items", "{\"sku\": \"co-kiwi\", \"quantity\": 2}");
        HttpResponse<String> refused = send("POST", "/carts/late/checkout", null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(send("GET", "/inventory/co-fig", null).body()).contains("\"available\":2");
        assertThat(send("GET", "/carts/late", null).body()).contains("\"status\":\"OPEN\"");
        assertThat(send("POST", "/carts/empty/checkout", null).statusCode()).isEqualTo(409);
    }

    @Test
    void badInputIsABadRequestThatDoesNotEchoWhatWasSent() throws Exception {
        send("PUT", "/inventory/bad-apple", "{\"quantity\": 10}");
        assertBadRequest(send("POST", "/carts/%20/items", "{\"sku\": \"bad-apple\", \"quantity\": 1}"), "cart id");
        assertBadRequest(send("GET", "/carts/%20", null), "cart id");
        assertBadRequest(send("POST", "/carts/b1/items", "{\"sku\": \"bad-apple\", \"quantity\": -1}"), "quantity");
        assertBadRequest(send("POST", "/carts/b1/items", "{\"sku\": \"bad-apple\", \"quantity\": 1001}"), "quantity");
        assertBadRequest(send("POST", "/carts/b1/items", "{\"sku\": \"bad-apple\"}"), "quantity");
        assertBadRequest(send("POST", "/carts/b1/items", "{\"sku\": \"no-such-sku\", \"quantity\": 1}"),
                "unknown SKU");
        String huge = "x".repeat(5000);
        HttpResponse<String> longId = send("POST", "/carts/" + huge + "/items",
                "{\"sku\": \"bad-apple\", \"quantity\": 1}");
        assertBadRequest(longId, "cart id");
        assertThat(longId.body()).doesNotContain(huge);
        HttpResponse<String> longSku = send("POST", "/carts/b1/items", "{\"sku\": \"" + huge + "\", \"quantity\": 1}");
        assertBadRequest(longSku, "sku");
        assertThat(longSku.body()).doesNotContain(huge);
        assertThat(send("GET", "/carts/b1", null).statusCode()).isEqualTo(404);
    }

    private static void assertBadRequest(HttpResponse<String> response, String about) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(about);
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .timeout(Duration.ofSeconds(30));
        HttpRequest request = (json != null)
                ? builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json))
                    .build()
                : builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
