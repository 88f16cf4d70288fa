package dev.actors.sample;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README's reference tables true to the code: the properties table against the generated configuration
 * metadata, the metrics table against the meters a running application registers, and the quick start's code, imports
 * included, against the copy that {@code quickstart.QuickStartTests} compiles and runs.
 */
@SpringBootTest
class ReadmeTests {

    private static final Path README = Path.of("..", "README.md");

    @Autowired
    private MeterRegistry meterRegistry;

    @Test
    void propertiesTableMatchesTheConfigurationMetadata() throws IOException {
        Map<String, String> documented = tableRows("### Properties");
        Map<String, String> metadata = actorsMetadataDefaults();
        Map<String, String> expected = new LinkedHashMap<>();
        metadata.forEach((name, defaultValue) -> {
            String key = name.startsWith("actors.defaults.") ? name.substring("actors.defaults.".length()) : name;
            expected.put(key, defaultValue);
        });
        expected.remove("actors.workers");
        assertThat(expected).isNotEmpty();
        assertThat(documented).isEqualTo(expected);
    }

    @Test
    void quickStartShowsTheCodeThatQuickStartTestsCompilesAndRuns() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("```java\n", readme.indexOf("## Quick start"));
        assertThat(start).as("the quick start's Java block").isNotNegative();
        String shown = readme.substring(start + "```java\n".length(), readme.indexOf("```", start + 7));
        String tested = Files.readString(Path.of("src", "test", "java", "quickstart", "QuickStart.java"));
        // From the first import on: the README shows the imports too, so that the code compiles when pasted.
        String code = tested.substring(tested.indexOf("\nimport ") + 1);
        assertThat(shown).isEqualTo(code);
    }

    @Test
    void metricsTableNamesEveryMeterTheApplicationRegisters() throws IOException {
        List<String> documented = new ArrayList<>(tableRows("### Metrics").keySet());
        List<String> registered = this.meterRegistry.getMeters()
            .stream()
            .map((meter) -> meter.getId().getName())
            .filter((name) -> name.startsWith("actor."))
            .distinct()
            .sorted()
            .toList();
        Collections.sort(documented);
        assertThat(documented).isEqualTo(registered);
    }

    /** First column (without backticks) to second column of the first table under a heading. */
    private static Map<String, String> tableRows(String heading) throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf(heading);
        assertThat(start).as("README section " + heading).isNotNegative();
        Map<String, String> rows = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*)\\|", Pattern.MULTILINE);
        String section = readme.substring(start);
        int end = section.indexOf("\n### ", heading.length());
        Matcher matcher = row.matcher((end > 0) ? section.substring(0, end) : section);
        while (matcher.find()) {
            rows.put(matcher.group(1), matcher.group(2).replace("`", "").trim());
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> actorsMetadataDefaults() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (URL url : Collections.list(ReadmeTests.class.getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                Map<String, Object> metadata = json.readValue(in, Map.class);
                for (Map<String, Object> property : (List<Map<String, Object>>) metadata.get("properties")) {
                    String name = (String) property.get("name");
                    if (name.startsWith("actors.")) {
                        // A property without a default (a list, a map) has an empty default column.
                        defaults.put(name, Objects.toString(property.get("defaultValue"), ""));
                    }
                }
            }
        }
        return defaults;
    }
}
