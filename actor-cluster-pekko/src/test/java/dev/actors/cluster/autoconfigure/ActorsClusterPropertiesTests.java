package dev.actors.cluster.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;

import dev.actors.cluster.ClusterSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ActorsClusterProperties}: its defaults are the cluster's, and the configuration metadata
 * describes every property with the documented default.
 */
class ActorsClusterPropertiesTests {

    @Test
    void defaultsAreTheClusterSettingsDefaults() {
        assertThat(new ActorsClusterProperties().toSettings()).isEqualTo(ClusterSettings.defaults());
    }

    @Test
    void metadataDescribesEveryPropertyWithItsDefault() throws IOException {
        List<Map<String, Object>> properties = metadataProperties();
        assertThat(properties).extracting((property) -> property.get("name"))
            .containsExactlyInAnyOrder("actors.cluster.enabled", "actors.cluster.name", "actors.cluster.host",
                    "actors.cluster.port", "actors.cluster.seed-nodes", "actors.cluster.number-of-shards",
                    "actors.cluster.downing", "actors.cluster.stable-after", "actors.cluster.join-timeout",
                    "actors.cluster.pekko");
        assertThat(properties).allSatisfy((property) -> assertThat(property.get("description"))
            .as(property.get("name").toString())
            .isNotNull());
        Map<String, Object> defaults = properties.stream()
            .filter((property) -> property.containsKey("defaultValue"))
            .collect(Collectors.toMap((property) -> property.get("name").toString(),
                    (property) -> property.get("defaultValue")));
        ClusterSettings settings = ClusterSettings.defaults();
        assertThat(defaults).containsEntry("actors.cluster.enabled", false)
            .containsEntry("actors.cluster.name", settings.name())
            .containsEntry("actors.cluster.host", settings.host())
            .containsEntry("actors.cluster.port", settings.port())
            .containsEntry("actors.cluster.number-of-shards", settings.numberOfShards())
            .containsEntry("actors.cluster.downing", "keep-majority");
        assertThat(DurationStyle.detectAndParse(defaults.get("actors.cluster.stable-after").toString()))
            .isEqualTo(settings.stableAfter());
        assertThat(DurationStyle.detectAndParse(defaults.get("actors.cluster.join-timeout").toString()))
            .isEqualTo(new ActorsClusterProperties().getJoinTimeout());
        assertThat(new ActorsClusterProperties().getJoinTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> metadataProperties() throws IOException {
        for (URL url : Collections.list(ActorsClusterPropertiesTests.class.getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                Map<String, Object> metadata = new ObjectMapper().readValue(in, Map.class);
                List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.get("properties");
                if (properties.stream().anyMatch((property) -> property.get("name").equals("actors.cluster.enabled"))) {
                    return properties;
                }
            }
        }
        throw new AssertionError("No configuration metadata for actors.cluster.* on the class path");
    }
}
