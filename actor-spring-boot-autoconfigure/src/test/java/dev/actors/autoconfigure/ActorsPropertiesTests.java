package dev.actors.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.actors.ActorSettings;
import dev.actors.BatchFailurePolicy;
import dev.actors.FailurePolicy;
import dev.actors.OverflowPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ActorsProperties} and {@link ActorSettingsResolver}.
 */
class ActorsPropertiesTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ActorsAutoConfiguration.class))
        .withUserConfiguration(OtherModuleConfiguration.class);

    @Test
    void keysThatOtherClassesBindOrReadUnderActorsDoNotFailTheStart() {
        this.contextRunner
            .withPropertyValues("actors.metrics.histograms=false", "actors.cluster.enabled=false",
                    "actors.defaults.mailbox-capacity=5", "actors.web.retry-after=2s")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(ActorsProperties.class).getDefaults().getMailboxCapacity()).isEqualTo(5);
                assertThat(context.getBean(OtherModuleProperties.class).isEnabled()).isFalse();
            });
    }

    @ParameterizedTest
    @ValueSource(strings = { "actors.defaults.mailbox-capcity=5", "actors.workers.inventory.call-timout=1s",
            "actors.web.retry-afer=2s", "actors.metrics.histogram=false", "actors.defualts.mailbox-capacity=5",
            "actors.enabeld=false" })
    void misspelledKeyUnderActorsStillFailsTheStart(String property) {
        String key = property.substring(0, property.indexOf('='));
        this.contextRunner.withPropertyValues(property)
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(UnboundConfigurationPropertiesException.class)
                .hasMessageContaining(key));
    }

    @Test
    void keysOfOtherModulesAreReadWithoutAnyJsonLibraryOnTheClassPath() {
        // A non-web application may have neither Jackson nor Gson: the metadata must still be read as it is.
        ApplicationContextRunner withoutJson = this.contextRunner
            .withClassLoader(new FilteredClassLoader("tools.jackson", "com.fasterxml.jackson", "com.google.gson"));
        withoutJson
            .withPropertyValues("actors.cluster.enabled=true", "actors.metrics.histograms=false",
                    "actors.defaults.mailbox-capacity=3")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(OtherModuleProperties.class).isEnabled()).isTrue();
            });
        withoutJson.withPropertyValues("actors.cluster.enabled=true", "actors.clustr.enabled=true")
            .run((context) -> assertThat(context).getFailure()
                .rootCause()
                .isInstanceOf(UnboundConfigurationPropertiesException.class)
                .hasMessageContaining("actors.clustr.enabled"));
    }

    @Test
    void unsetValuesKeepTheRuntimeDefaults() {
        ActorSettingsResolver settings = resolver();
        assertThat(settings.defaults()).hasToString(ActorSettings.defaults().toString());
        assertThat(settings.settings("inventory")).isSameAs(settings.defaults());
    }

    @Test
    void workerValuesOverrideTheDefaultsWhichOverrideTheRuntimeDefaults() {
        ActorSettingsResolver settings = resolver("actors.defaults.overflow=block",
                "actors.defaults.restart.max-restarts=0", "actors.defaults.mailbox-capacity=7",
                "actors.workers.inventory.mailbox-capacity=3", "actors.workers.inventory.batch.max-time=1s");
        ActorSettings inventory = settings.settings("inventory");
        assertThat(inventory.mailboxCapacity()).isEqualTo(3);
        assertThat(inventory.overflow()).isEqualTo(OverflowPolicy.BLOCK);
        assertThat(inventory.maxRestarts()).isZero();
        assertThat(inventory.batchMaxTime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(inventory.callTimeout()).isEqualTo(ActorSettings.DEFAULT_CALL_TIMEOUT);
        assertThat(settings.settings("pricing").mailboxCapacity()).isEqualTo(7);
        assertThat(settings.hasBatchSettings("inventory")).isTrue();
        assertThat(settings.hasBatchSettings("pricing")).isFalse();
        assertThat(settings.configuredWorkers()).containsExactly("inventory");
    }

    @Test
    void outOfRangeValueIsReportedWithItsFullPropertyName() {
        ActorSettingsResolver settings = resolver("actors.workers.inventory.restart.max-restarts=-1");
        assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
            .isThrownBy(() -> settings.settings("inventory"))
            .satisfies((ex) -> {
                assertThat(ex.getName()).isEqualTo("actors.workers.inventory.restart.max-restarts");
                assertThat(ex.getValue()).isEqualTo(-1);
                assertThat(ex.getReason()).isEqualTo("must not be negative");
            });
    }

    @ParameterizedTest
    @ValueSource(strings = { "shutdown-timeout", "restart.within", "call-timeout", "batch.max-time", "offer-timeout",
            "spin-before-idle" })
    void durationWhoseNanosecondsOverflowIsReportedWithItsFullPropertyName(String key) {
        // 110000 days: past the 106751 days of Long.MAX_VALUE nanoseconds.
        assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
            .isThrownBy(() -> resolver("actors.workers.inventory." + key + "=110000d").settings("inventory"))
            .satisfies((ex) -> {
                assertThat(ex.getName()).isEqualTo("actors.workers.inventory." + key);
                assertThat(ex.getReason()).startsWith("must be at most");
            });
        assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
            .isThrownBy(() -> resolver("actors.defaults." + key + "=110000d"))
            .satisfies((ex) -> assertThat(ex.getName()).isEqualTo("actors.defaults." + key));
    }

    private static ActorSettingsResolver resolver(String... properties) {
        Map<String, String> source = new LinkedHashMap<>();
        for (String property : properties) {
            String[] pair = property.split("=", 2);
            source.put(pair[0], pair[1]);
        }
        ActorsProperties bound = new Binder(new MapConfigurationPropertySource(source))
            .bindOrCreate("actors", ActorsProperties.class);
        return new ActorSettingsResolver(bound);
    }

    @Test
    void metadataDocumentsTheRuntimeDefaults() throws IOException {
        Map<String, Object> defaults = metadataProperties().stream()
            .filter((property) -> property.get("name").toString().startsWith("actors.defaults."))
            .filter((property) -> property.containsKey("defaultValue"))
            .collect(Collectors.toMap((property) -> property.get("name").toString().substring(16),
                    (property) -> property.get("defaultValue")));
        ActorSettings runtime = ActorSettings.defaults();
        assertThat(defaults).hasSize(16);
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
        assertThat(duration.apply("async-timeout")).isEqualTo(runtime.asyncTimeout());
        assertThat(duration.apply("spin-before-idle")).isEqualTo(runtime.spinBeforeIdle());
        assertThat(defaults.get("throughput")).isEqualTo(runtime.throughput());
        assertThat(defaults.get("batch.max-size")).isEqualTo(runtime.batchMaxSize());
        assertThat(duration.apply("batch.max-time")).isEqualTo(runtime.batchMaxTime());
        assertThat(BatchFailurePolicy.valueOf(defaults.get("batch.on-failure").toString().toUpperCase().replace('-', '_')))
            .isEqualTo(runtime.batchOnFailure());
        assertThat(duration.apply("passivate-after")).isEqualTo(runtime.passivateAfter());
        assertThat(defaults.get("max-active")).isEqualTo(runtime.maxActive());
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
                    "actors.defaults.batch.max-size", "actors.defaults.batch.max-time",
                    "actors.defaults.batch.on-failure", "actors.defaults.passivate-after",
                    "actors.defaults.max-active");
        assertThat(properties).allSatisfy((property) -> assertThat(property.get("description")).as(
                property.get("name").toString()).isNotNull());
    }

    @Test
    void misspelledKeyOfAnotherModulesGroupIsReportedWithTheNearestValidOne() {
        this.contextRunner.withPropertyValues("actors.metrics.histogram=false", "actors.clustr.enabled=true")
            .run((context) -> assertThat(new ActorsPropertiesFailureAnalyzer().analyze(context.getStartupFailure()))
                .satisfies((analysis) -> assertThat(analysis.getDescription())
                    .contains("actors.metrics.histogram is not a property of actors")
                    .contains("did you mean actors.metrics.histograms?")
                    .contains("did you mean actors.cluster.enabled?")));
    }

    @Test
    void validKeysComeFromActorsPropertiesAndFromEveryModulesMetadata() {
        ActorsPropertyKeys keys = ActorsPropertyKeys.load(getClass().getClassLoader());
        assertThat(keys.isValid("actors.workers.inventory.restart.max-restarts")).isTrue();
        assertThat(keys.isValid("actors.metrics.histograms")).isTrue();
        assertThat(keys.isValid("actors.cluster.enabled")).isTrue();
        assertThat(keys.isValid("actors.workers.inventory.restart.max-restart")).isFalse();
        assertThat(keys.isValid("actors.workers.inventory")).isFalse();
        assertThat(keys.isValid("actors.metrics.histograms.extra")).isFalse();
        assertThat(ActorsPropertyKeys.bound().isValid("actors.metrics.histograms")).isFalse();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OtherModuleProperties.class)
    static class OtherModuleConfiguration {

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
