package dev.actors.sample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link ObservabilityFilesTests} with the cluster on: the sample as a cluster of one (a free cluster port, no seed
 * nodes), so that its scrape has the {@code actor_cluster_*} meters. Every metric name the dashboard and the rules
 * use, the cluster's included, must be in it. The context is closed after the class: its Pekko cluster does not
 * outlive the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "actors.cluster.enabled=true", "actors.cluster.port=0" })
@DirtiesContext
class ClusterObservabilityFilesTests {

    @LocalServerPort
    private int port;

    private SampleHttp http;

    @BeforeEach
    void client() {
        this.http = new SampleHttp(this.port);
    }

    @Test
    void withTheClusterOnEveryMetricTheDashboardAndTheRulesUseIsInTheScrape() throws Exception {
        assertThat(this.http.send("PUT", "/inventory/plum", "{\"quantity\": 5}").statusCode()).isEqualTo(200);
        assertThat(this.http.send("POST", "/inventory/plum/reservations", "{\"quantity\": 2}").statusCode())
            .isEqualTo(200);
        assertThat(this.http.send("POST", "/events", "{\"type\": \"click\", \"payload\": \"home\"}").statusCode())
            .isEqualTo(201);
        // A key of the carts, now an entity of the cluster, hosted here.
        assertThat(this.http.send("POST", "/carts/observed-cluster-cart/items", "{\"sku\": \"plum\", \"quantity\": 1}")
            .statusCode()).isEqualTo(200);
        // The shard count is read in the background, at most once a second: scrape until it shows the cart's shard.
        AtomicReference<String> scrape = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> response = this.http.send("GET", "/actuator/prometheus", null);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(ObservabilityFiles.value(response.body(), "actor_cluster_shards", "")).isGreaterThanOrEqualTo(1);
            scrape.set(response.body());
        });
        assertThat(ObservabilityFiles.value(scrape.get(), "actor_cluster_members", "status=\"up\"")).isEqualTo(1);
        assertThat(ObservabilityFiles.value(scrape.get(), "actor_cluster_entities", "")).isGreaterThanOrEqualTo(1);
        Set<String> scraped = ObservabilityFiles.scrapedNames(scrape.get());

        Map<String, Set<String>> used = ObservabilityFiles.usedNames();
        assertThat(ObservabilityFiles.missingFrom(used, scraped))
            .as("metric names the dashboard or the rules use (with where) that the scrape of the sample with the "
                    + "cluster on lacks")
            .isEmpty();
        // The dashboard's cluster row (and the rules) use the cluster's meters: this test is what vouches for them.
        assertThat(used.keySet()).as("the cluster's metric names the dashboard and the rules use")
            .contains("actor_cluster_members", "actor_cluster_shards", "actor_cluster_entities");
    }
}
