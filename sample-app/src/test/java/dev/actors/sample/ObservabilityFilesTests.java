package dev.actors.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the Grafana dashboard and the Prometheus rules in {@code observability/} true to the metrics: every metric
 * name their queries use (and the rules' unit tests feed) appears in a real scrape of this application's
 * {@code /actuator/prometheus}, after some traffic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ObservabilityFilesTests {

    private static final Path OBSERVABILITY = Path.of("..", "observability");

    /** A metric name in PromQL; label names, functions and keywords never start with "actor_". */
    private static final Pattern METRIC_NAME = Pattern.compile("\\bactor_[a-z0-9_]+");

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
        Set<String> scraped = scrapedNames(scrape.body());

        Set<String> used = new TreeSet<>();
        used.addAll(dashboardNames());
        used.addAll(rulesNames());
        // Every panel kind and every alert is covered: a missing group would mean a file lost its queries.
        assertThat(used).contains("actor_mailbox_size_messages", "actor_mailbox_capacity_messages",
                "actor_message_wait_seconds_bucket", "actor_message_process_seconds_bucket",
                "actor_messages_rejected_messages_total", "actor_messages_expired_messages_total",
                "actor_batch_flush_seconds_count", "actor_batch_size_messages_sum", "actor_restarts_total",
                "actor_restarts_recent", "actor_restarts_limit", "actor_state", "actor_keyed_active",
                "actor_keyed_activations_total", "actor_keyed_passivations_total", "actor_close_failures_total");
        assertThat(scraped).containsAll(used);
    }

    /** The names in the dashboard's queries: each panel target's expr and the variables' queries. */
    private static Set<String> dashboardNames() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(OBSERVABILITY.resolve("grafana/actors.json").toFile());
        List<String> queries = new ArrayList<>();
        dashboard.findValues("expr").forEach((expr) -> queries.add(expr.asString()));
        dashboard.findValues("definition").forEach((definition) -> queries.add(definition.asString()));
        assertThat(queries).hasSizeGreaterThan(10);
        return names(String.join("\n", queries));
    }

    /** The names in the rules' expressions and in the series their unit tests feed. */
    private static Set<String> rulesNames() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern expr = Pattern.compile("^\\s*(?:expr|- series):\\s*(.+)$", Pattern.MULTILINE);
        for (String file : List.of("actors-rules.yml", "actors-rules-tests.yml")) {
            Matcher matcher = expr.matcher(Files.readString(OBSERVABILITY.resolve("prometheus").resolve(file)));
            while (matcher.find()) {
                names.addAll(names(matcher.group(1)));
            }
        }
        assertThat(names).isNotEmpty();
        return names;
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC_NAME.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** The sample names of a Prometheus text exposition: each non-comment line up to its labels or value. */
    private static Set<String> scrapedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
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
