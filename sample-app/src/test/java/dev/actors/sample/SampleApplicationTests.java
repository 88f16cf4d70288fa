package dev.actors.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the three scenarios of the sample over real HTTP, as the README's curl examples do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // A wider batching window than the sample's 5 ms, so that concurrent requests surely share commits even on
        // a slow machine; the code path is the same.
        properties = "actors.workers.event-writer.batch.max-time=20ms")
class SampleApplicationTests {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meterRegistry;

    // ---------------------------------------------------------------- inventory: a stateful service

    @Test
    void inventoryStoresReservesAndRefusesWhatIsNotThere() throws Exception {
        assertThat(send("PUT", "/inventory/apple", "{\"quantity\": 10}").statusCode()).isEqualTo(200);
        HttpResponse<String> reserved = send("POST", "/inventory/apple/reservations", "{\"quantity\": 3}");
        assertThat(reserved.statusCode()).isEqualTo(200);
        assertThat(reserved.body()).contains("\"available\":7");
        HttpResponse<String> tooMany = send("POST", "/inventory/apple/reservations", "{\"quantity\": 8}");
        assertThat(tooMany.statusCode()).isEqualTo(409);
        assertThat(tooMany.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(tooMany.body()).contains("7 available, 8 requested");
        HttpResponse<String> read = send("GET", "/inventory/apple", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"sku\":\"apple\"").contains("\"available\":7");
        assertThat(send("GET", "/inventory/pear", null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/inventory/apple/reservations", "{\"quantity\": 0}").statusCode()).isEqualTo(400);
    }

    @Test
    void concurrentReservationsNeverOversell() throws Exception {
        send("PUT", "/inventory/ticket", "{\"quantity\": 30}");
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            responses.add(sendAsync("POST", "/inventory/ticket/reservations", "{\"quantity\": 1}"));
        }
        long ok = 0;
        long conflict = 0;
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            int status = response.get().statusCode();
            ok += (status == 200) ? 1 : 0;
            conflict += (status == 409) ? 1 : 0;
        }
        assertThat(ok).isEqualTo(30);
        assertThat(conflict).isEqualTo(20);
        assertThat(send("GET", "/inventory/ticket", null).body()).contains("\"available\":0");
    }

    // ---------------------------------------------------------------- imports: answer 202, work in the actor

    @Test
    void importAnswers202AtOnceAndTheJobRunsToDone() throws Exception {
        HttpResponse<String> accepted = send("POST", "/imports", "{\"source\": \"sample\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/imports/");
        assertThat(field(accepted.body(), "status")).isIn("QUEUED", "RUNNING", "DONE");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
            .until(() -> field(send("GET", location, null).body(), "status"), "DONE"::equals);
        assertThat(field(send("GET", location, null).body(), "rows")).isEqualTo("100000");
    }

    @Test
    void aFailingImportIsReportedAndTheActorGoesOn() throws Exception {
        HttpResponse<String> accepted = send("POST", "/imports", "{\"source\": \"/no/such/file.csv\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String failed = accepted.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(30))
            .until(() -> field(send("GET", failed, null).body(), "status"), "FAILED"::equals);
        assertThat(field(send("GET", failed, null).body(), "error")).contains("no such file");

        String next = send("POST", "/imports", "{\"source\": \"sample\"}").headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(60))
            .until(() -> field(send("GET", next, null).body(), "status"), "DONE"::equals);
    }

    @Test
    void aBlankOrMissingSourceIsA400ProblemAndAnUnknownJobA404() throws Exception {
        HttpResponse<String> blank = send("POST", "/imports", "{\"source\": \"  \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(blank.body()).contains("source is required");
        assertThat(send("POST", "/imports", "{}").statusCode()).isEqualTo(400);
        assertThat(send("GET", "/imports/nope", null).statusCode()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- events: group commit

    @Test
    void concurrentEventsAreAllCommittedInSharedBatches() throws Exception {
        long before = Long.parseLong(field(send("GET", "/events/count", null).body(), "count"));
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            responses.add(sendAsync("POST", "/events", "{\"type\": \"click\", \"payload\": \"" + i + "\"}"));
        }
        String lastLocation = null;
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            HttpResponse<String> created = response.get();
            assertThat(created.statusCode()).isEqualTo(201);
            lastLocation = created.headers().firstValue("Location").orElseThrow();
            assertThat(lastLocation).startsWith("/events/");
        }
        // The event is committed when its 201 arrives: it can be read back at its Location at once.
        HttpResponse<String> readBack = send("GET", lastLocation, null);
        assertThat(readBack.statusCode()).isEqualTo(200);
        assertThat(readBack.body()).contains("\"type\":\"click\"");
        assertThat(send("GET", "/events/no-such-id", null).statusCode()).isEqualTo(404);
        assertThat(field(send("GET", "/events/count", null).body(), "count")).isEqualTo(String.valueOf(before + 200));
        DistributionSummary batchSize = this.meterRegistry.get("actor.batch.size").tag("actor", "event-writer")
            .summary();
        assertThat(batchSize.max()).isGreaterThan(1);
        assertThat(batchSize.count()).isLessThan((long) batchSize.totalAmount());
    }

    @Test
    void anEventWithoutTypeIsA400Problem() throws Exception {
        HttpResponse<String> response = send("POST", "/events", "{\"payload\": \"x\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("type is required");
    }

    // ---------------------------------------------------------------- observability

    @Test
    void theActorsEndpointListsTheThreeActorsAndPrometheusShowsTheirMeters() throws Exception {
        HttpResponse<String> actors = send("GET", "/actuator/actors", null);
        assertThat(actors.statusCode()).isEqualTo(200);
        assertThat(actors.body()).contains("\"inventory\"").contains("\"import-jobs\"").contains("\"event-writer\"");
        assertThat(send("GET", "/actuator/actors/event-writer", null).body()).contains("\"batch\"");
        assertThat(send("GET", "/actuator/actors/nope", null).statusCode()).isEqualTo(404);
        HttpResponse<String> health = send("GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"actors\"");
        HttpResponse<String> prometheus = send("GET", "/actuator/prometheus", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("actor_mailbox_size").contains("actor=\"inventory\"");
    }

    // ---------------------------------------------------------------- HTTP plumbing

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return this.http.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String json) {
        return this.http.sendAsync(request(method, path, json), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String path, String json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .timeout(Duration.ofSeconds(30));
        if (json == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build();
    }

    /** Reads a top-level scalar field of a flat JSON object; enough for these small answers. */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?([^\",}]*)\"?").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }
}
