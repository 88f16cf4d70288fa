package dev.actors.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metric names that the Grafana dashboard and the Prometheus rules in {@code observability/} use, each with the
 * places that use it, and the names in a Prometheus scrape: what {@link ObservabilityFilesTests} (the sample as it
 * starts) and {@link ClusterObservabilityFilesTests} (the sample with the cluster on) compare.
 */
final class ObservabilityFiles {

    /** The prefix of the cluster's metrics, which only a context with {@code actors.cluster.enabled=true} has. */
    static final String CLUSTER_PREFIX = "actor_cluster_";

    private static final Path OBSERVABILITY = Path.of("..", "observability");

    /** A metric name in PromQL; label names, functions and keywords never start with "actor_". */
    private static final Pattern METRIC_NAME = Pattern.compile("\\bactor_[a-z0-9_]+");

    private static final Pattern RULES_QUERY = Pattern.compile("^\\s*(?:expr|- series):\\s*(.+)$");

    private static final Pattern RULES_PLACE = Pattern.compile("^\\s*- (alert|name):\\s*(.+)$");

    private ObservabilityFiles() {
    }

    /**
     * Returns every metric name the dashboard's queries (each panel target's expr, each variable's query) and the
     * rules' expressions (and the series their unit tests feed) use, with where each is used.
     *
     * @return the places that use each name, by name
     * @throws IOException when a file cannot be read
     */
    static Map<String, Set<String>> usedNames() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        dashboardNames(used);
        rulesNames(used);
        return used;
    }

    /**
     * Returns the used names that the scrape lacks, with where each is used: empty when the files are true to it.
     *
     * @param used the names used, with their places
     * @param scraped the names scraped
     * @return the names missing from the scrape, with their places
     */
    static Map<String, Set<String>> missingFrom(Map<String, Set<String>> used, Set<String> scraped) {
        Map<String, Set<String>> missing = new TreeMap<>(used);
        missing.keySet().removeAll(scraped);
        return missing;
    }

    /**
     * Returns the sample names of a Prometheus text exposition: each non-comment line up to its labels or value.
     *
     * @param exposition the text of a scrape
     * @return the names
     */
    static Set<String> scrapedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    /**
     * Returns the value of the first sample of a name whose labels contain the given text (empty: any sample).
     *
     * @param exposition the text of a scrape
     * @param name the sample name
     * @param label text its labels contain, as {@code status="up"}
     * @return the value, or NaN when there is no such sample
     */
    static double value(String exposition, String name, String label) {
        for (String line : exposition.split("\n")) {
            String[] nameAndRest = line.split("[{ ]", 2);
            if (nameAndRest[0].equals(name) && line.contains(label)) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    private static void dashboardNames(Map<String, Set<String>> used) throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(OBSERVABILITY.resolve("grafana/actors.json").toFile());
        List<String> queries = new ArrayList<>();
        collectQueries(dashboard, "grafana/actors.json", queries, used);
        assertThat(queries).as("queries of the dashboard").hasSizeGreaterThan(10);
    }

    /** Walks the dashboard: each expr and definition is a query of the nearest panel (title) or variable (name). */
    private static void collectQueries(JsonNode node, String place, List<String> queries,
            Map<String, Set<String>> used) {
        if (node.isObject()) {
            String here = place;
            if (node.hasNonNull("title") && node.has("type")) {
                here = "grafana/actors.json, panel \"" + node.get("title").asString() + "\"";
            }
            else if (node.hasNonNull("name") && node.has("type")) {
                here = "grafana/actors.json, variable $" + node.get("name").asString();
            }
            for (String field : List.of("expr", "definition")) {
                JsonNode query = node.get(field);
                if (query != null && query.isString()) {
                    queries.add(query.asString());
                    addNames(query.asString(), here, used);
                }
            }
            for (JsonNode child : node.values()) {
                collectQueries(child, here, queries, used);
            }
        }
        else if (node.isArray()) {
            for (JsonNode child : node.values()) {
                collectQueries(child, place, queries, used);
            }
        }
    }

    private static void rulesNames(Map<String, Set<String>> used) throws IOException {
        int before = used.values().stream().mapToInt(Set::size).sum();
        for (String file : List.of("actors-rules.yml", "actors-rules-tests.yml")) {
            String place = "prometheus/" + file;
            for (String line : Files.readAllLines(OBSERVABILITY.resolve("prometheus").resolve(file))) {
                Matcher placeLine = RULES_PLACE.matcher(line);
                if (placeLine.matches()) {
                    place = "prometheus/" + file + ", " + (placeLine.group(1).equals("alert") ? "alert " : "")
                            + placeLine.group(2);
                }
                Matcher query = RULES_QUERY.matcher(line);
                if (query.matches()) {
                    addNames(query.group(1), place, used);
                }
            }
        }
        assertThat(used.values().stream().mapToInt(Set::size).sum()).as("uses of metrics in the rules")
            .isGreaterThan(before);
    }

    private static void addNames(String query, String place, Map<String, Set<String>> used) {
        Matcher matcher = METRIC_NAME.matcher(query);
        while (matcher.find()) {
            used.computeIfAbsent(matcher.group(), (name) -> new TreeSet<>()).add(place);
        }
    }
}
