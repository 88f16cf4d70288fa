package dev.actors.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the Grafana dashboard and the Prometheus rules in {@code observability/} true to the metrics: every metric
 * name their queries use (and the rules' unit tests feed) appears in a real scrape of this application's
 * {@code /actuator/prometheus}, after some traffic. The sample starts without the cluster, so its scrape has no
 * {@code actor_cluster_*} meters: {@link ClusterObservabilityFilesTests} checks those names against the sample with
 * the cluster on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ObservabilityFilesTests {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    private int port;

    @Test
    void everyMetricTheDashboardAndTheRulesUseIsInTheScrape() throws Exception {
        assertThat(send("PUT", "/inventory/plum", "{\"quantity\": 5}").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/inventory/plum/reservations", "{\"quantity\": 2}").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/events", "{\"type\": \"click\", \"payload\": \"home\"}").statusCode())
            .isEqualTo(201);
        // A keyed actor: the carts, one instance per cart id.
        assertThat(send("POST", "/carts/observed-cart/items", "{\"sku\": \"plum\", \"quantity\": 1}").statusCode())
            .isEqualTo(200);
        HttpResponse<String> scrape = send("GET", "/actuator/prometheus", null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        Set<String> scraped = ObservabilityFiles.scrapedNames(scrape.body());

        Map<String, Set<String>> used = ObservabilityFiles.usedNames();
        // Without the cluster there are no cluster meters: ClusterObservabilityFilesTests checks those names.
        assertThat(scraped.stream().filter((name) -> name.startsWith(ObservabilityFiles.CLUSTER_PREFIX)))
            .as("the cluster's meters in the scrape of the sample without the cluster")
            .isEmpty();
        Map<String, Set<String>> withoutCluster = new TreeMap<>(used);
        withoutCluster.keySet().removeIf((name) -> name.startsWith(ObservabilityFiles.CLUSTER_PREFIX));
        assertThat(ObservabilityFiles.missingFrom(withoutCluster, scraped))
            .as("metric names the dashboard or the rules use (with where) that the scrape of the sample lacks")
            .isEmpty();
        // Every panel kind and every alert is covered: a missing group would mean a file lost its queries.
        assertThat(used.keySet()).as("the metric names the dashboard and the rules use")
            .contains("actor_mailbox_size_messages", "actor_mailbox_capacity_messages",
                    "actor_message_wait_seconds_bucket", "actor_message_process_seconds_bucket",
                    "actor_messages_rejected_messages_total", "actor_messages_expired_messages_total",
                    "actor_batch_flush_seconds_count", "actor_batch_size_messages_sum", "actor_restarts_total",
                    "actor_restarts_recent", "actor_restarts_limit", "actor_state", "actor_keyed_active",
                    "actor_keyed_activations_total", "actor_keyed_passivations_total", "actor_close_failures_total");
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpRequest.BodyPublisher body = (json != null) ? HttpRequest.BodyPublishers.ofString(json)
                : HttpRequest.BodyPublishers.noBody();
        return this.http.send(request.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
