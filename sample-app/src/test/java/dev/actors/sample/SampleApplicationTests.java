package dev.actors.sample;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.actors.ActorSystem;
import dev.actors.test.IdleActors;

import static dev.actors.sample.SampleHttp.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the three scenarios of the sample over real HTTP, as the README's curl examples do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // A linger, which the sample does not use, so that concurrent requests surely share commits even on a
        // slow machine (without one, they share commits only as far as they arrive during another's commit).
        properties = "actors.workers.event-writer.batch.max-time=20ms")
class SampleApplicationTests {

    private SampleHttp http;

    @LocalServerPort
    private int port;

    @Autowired
    private MeterRegistry meterRegistry;

    @Autowired
    private ActorSystem actors;

    @BeforeEach
    void client() {
        this.http = new SampleHttp(this.port);
    }

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
        // The job was cast to the import actor before the 202: once the actors are idle, it has run.
        IdleActors.await(this.actors, Duration.ofSeconds(60));
        String job = send("GET", location, null).body();
        assertThat(field(job, "status")).isEqualTo("DONE");
        assertThat(field(job, "rows")).isEqualTo("100000");
    }

    @Test
    void anUploadedCsvIsImported() throws Exception {
        HttpResponse<String> job = this.http.awaitFinishedJob(this.http
            .startImport(HttpRequest.BodyPublishers.ofString("sku,quantity\r\napple,3\r\n\r\npear,0\r\n")));
        assertThat(field(job.body(), "status")).isEqualTo("DONE");
        assertThat(field(job.body(), "source")).isEqualTo("upload");
        assertThat(field(job.body(), "rows")).isEqualTo("2");
    }

    @Test
    void aFailingImportIsReportedByLineAndTheActorGoesOn() throws Exception {
        HttpResponse<String> job = this.http.awaitFinishedJob(
                this.http.startImport(HttpRequest.BodyPublishers.ofString("sku,quantity\napple,3\npear,many\n")));
        assertThat(field(job.body(), "status")).isEqualTo("FAILED");
        assertThat(field(job.body(), "error")).isEqualTo("line 3: the quantity is not a whole number");
        assertThat(field(job.body(), "rows")).isEqualTo("1");

        String next = send("POST", "/imports", "{\"source\": \"sample\"}").headers().firstValue("Location").orElseThrow();
        assertThat(field(this.http.awaitFinishedJob(next).body(), "status")).isEqualTo("DONE");
    }

    @Test
    void aMissingOrUnknownSourceIsA400ProblemAndAnUnknownJobA404() throws Exception {
        HttpResponse<String> blank = send("POST", "/imports", "{\"source\": \"  \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(blank.body()).contains("source is required");
        assertThat(send("POST", "/imports", "{}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "/imports", "{\"source\": \"/no/such/file.csv\"}").statusCode()).isEqualTo(400);
        assertThat(this.http.send("POST", "/imports", "text/csv", HttpRequest.BodyPublishers.noBody()).body())
            .contains("the body is empty");
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
    void badEventsAmongManyValidOnesAreRefusedAloneAndEveryValidOneIsStored() throws Exception {
        long before = Long.parseLong(field(send("GET", "/events/count", null).body(), "count"));
        String longType = "t".repeat(101);
        String longPayload = "p".repeat(4001);
        List<CompletableFuture<HttpResponse<String>>> valid = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> bad = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            valid.add(sendAsync("POST", "/events", "{\"type\": \"view\", \"payload\": \"mixed-" + i + "\"}"));
            if (i == 40) {
                bad.add(sendAsync("POST", "/events", "{\"type\": \"" + longType + "\", \"payload\": \"x\"}"));
            }
            if (i == 80) {
                bad.add(sendAsync("POST", "/events", "{\"type\": \"view\", \"payload\": \"" + longPayload + "\"}"));
            }
        }
        List<String> locations = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : valid) {
            HttpResponse<String> created = response.get();
            assertThat(created.statusCode()).isEqualTo(201);
            locations.add(created.headers().firstValue("Location").orElseThrow());
        }
        HttpResponse<String> badType = bad.get(0).get();
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(badType.body()).contains("type must be at most 100 characters, but has 101")
            .doesNotContain(longType);
        HttpResponse<String> badPayload = bad.get(1).get();
        assertThat(badPayload.statusCode()).isEqualTo(400);
        assertThat(badPayload.body()).contains("payload must be at most 4000 characters, but has 4001")
            .doesNotContain(longPayload);
        assertThat(field(send("GET", "/events/count", null).body(), "count")).isEqualTo(String.valueOf(before + 120));
        for (int i = 0; i < locations.size(); i++) {
            assertThat(send("GET", locations.get(i), null).body()).contains("\"payload\":\"mixed-" + i + "\"");
        }
    }

    @Test
    void anEventWithoutTypeIsA400Problem() throws Exception {
        HttpResponse<String> response = send("POST", "/events", "{\"payload\": \"x\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("type is required");
    }

    // ---------------------------------------------------------------- one error format

    @Test
    void springMvcsOwnErrorsAreProblemDetailsToo() throws Exception {
        assertProblem(send("POST", "/inventory/apple/reservations", "{\"quantity\": "), 400);
        assertProblem(send("GET", "/no/such/page", null), 404);
        assertProblem(send("DELETE", "/imports/some-job", null), 405);
        assertProblem(this.http.send("POST", "/imports", "text/plain", HttpRequest.BodyPublishers.ofString("x")), 415);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/problem+json"));
        assertThat(field(response.body(), "status")).isEqualTo(String.valueOf(status));
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
        return this.http.send(method, path, json);
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String json) {
        return this.http.sendAsync(method, path, json);
    }
}
