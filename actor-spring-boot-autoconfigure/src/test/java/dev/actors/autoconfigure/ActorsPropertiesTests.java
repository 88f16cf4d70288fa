package dev.actors.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.json.JsonParserFactory;

import dev.actors.ActorSettings;
import dev.actors.FailurePolicy;
import dev.actors.OverflowPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ActorsProperties}.
 */
class ActorsPropertiesTests {

    @Test
    void unsetValuesKeepTheSettingsTheyAreAppliedTo() {
        ActorSettings base = ActorSettings.builder().mailboxCapacity(3).build();
        assertThat(new ActorsProperties.Settings().applyTo(base, "actors.defaults")).hasToString(base.toString());
    }

    @Test
    void setValuesReplaceTheSettingsTheyAreAppliedTo() {
        ActorsProperties.Settings settings = new ActorsProperties.Settings();
        settings.setOverflow(OverflowPolicy.BLOCK);
        settings.getRestart().setMaxRestarts(0);
        ActorSettings applied = settings.applyTo(ActorSettings.builder().mailboxCapacity(3).build(), "x");
        assertThat(applied.overflow()).isEqualTo(OverflowPolicy.BLOCK);
        assertThat(applied.maxRestarts()).isZero();
        assertThat(applied.mailboxCapacity()).isEqualTo(3);
    }

    @Test
    void outOfRangeValueIsReportedWithItsFullPropertyName() {
        ActorsProperties.Settings settings = new ActorsProperties.Settings();
        settings.getRestart().setMaxRestarts(-1);
        assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
            .isThrownBy(() -> settings.applyTo(ActorSettings.defaults(), "actors.workers.inventory"))
            .satisfies((ex) -> {
                assertThat(ex.getName()).isEqualTo("actors.workers.inventory.restart.max-restarts");
                assertThat(ex.getValue()).isEqualTo(-1);
                assertThat(ex.getReason()).isEqualTo("must not be negative");
            });
    }

    @Test
    void metadataDocumentsTheRuntimeDefaults() throws IOException {
        Map<String, Object> defaults = metadataProperties().stream()
            .filter((property) -> property.get("name").toString().startsWith("actors.defaults."))
            .filter((property) -> property.containsKey("defaultValue"))
            .collect(Collectors.toMap((property) -> property.get("name").toString().substring(16),
                    (property) -> property.get("defaultValue")));
        ActorSettings runtime = ActorSettings.defaults();
        assertThat(defaults).hasSize(12);
        Function<String, Duration> duration = (key) -> DurationStyle.detectAndParse(defaults.get(key).toString());
        assertThat(defaults.get("mailbox-capacity")).isEqualTo(runtime.mailboxCapacity());
        assertThat(OverflowPolicy.valueOf(defaults.get("overflow").toString().toUpperCase()))
            .isEqualTo(runtime.overflow());
        assertThat(duration.apply("offer-timeout")).isEqualTo(runtime.offerTimeout());
        assertThat(duration.apply("call-timeout")).isEqualTo(runtime.callTimeout());
        assertThat(FailurePolicy.valueOf(defaults.get("on-failure").toString().toUpperCase()))
            .isEqualTo(runtime.onFailure());
        assertThat(defaults.get("restart.max-restarts")).isEqualTo(runtime.maxRestarts());
        assertThat(duration.apply("restart.within")).isEqualTo(runtime.restartWithin());
        assertThat(duration.apply("shutdown-timeout")).isEqualTo(runtime.shutdownTimeout());
        assertThat(duration.apply("spin-before-idle")).isEqualTo(runtime.spinBeforeIdle());
        assertThat(defaults.get("throughput")).isEqualTo(runtime.throughput());
        assertThat(defaults.get("batch.max-size")).isEqualTo(runtime.batchMaxSize());
        assertThat(duration.apply("batch.max-time")).isEqualTo(runtime.batchMaxTime());
    }

    @Test
    void metadataDescribesEveryProperty() throws IOException {
        List<Map<String, Object>> properties = metadataProperties();
        assertThat(properties).extracting((property) -> property.get("name"))
            .contains("actors.enabled", "actors.workers", "actors.defaults.mailbox-capacity",
                    "actors.defaults.overflow", "actors.defaults.offer-timeout", "actors.defaults.call-timeout",
                    "actors.defaults.on-failure", "actors.defaults.restart.max-restarts",
                    "actors.defaults.restart.within", "actors.defaults.shutdown-timeout", "actors.defaults.spin-before-idle",
                    "actors.defaults.throughput",
                    "actors.defaults.batch.max-size", "actors.defaults.batch.max-time");
        assertThat(properties).allSatisfy((property) -> assertThat(property.get("description")).as(
                property.get("name").toString()).isNotNull());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> metadataProperties() throws IOException {
        for (URL url : Collections.list(ActorsPropertiesTests.class.getClassLoader()
            .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (json.contains("\"actors.defaults\"")) {
                    List<Map<String, Object>> properties = (List<Map<String, Object>>) JsonParserFactory
                        .getJsonParser()
                        .parseMap(json)
                        .get("properties");
                    return properties.stream()
                        .filter((property) -> property.get("name").toString().startsWith("actors."))
                        .toList();
                }
            }
        }
        throw new AssertionError("No configuration metadata for actors.* on the class path");
    }
}
