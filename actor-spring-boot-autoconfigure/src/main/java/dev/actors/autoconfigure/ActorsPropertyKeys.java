package dev.actors.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepository;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataSource;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;

/**
 * The valid keys under {@code actors}: those {@link ActorsProperties} binds, and those any module on the class path
 * describes in its configuration metadata ({@code actors.metrics.*}, {@code actors.cluster.*}, ...). So a module owns
 * a group under {@code actors} with its own {@code @ConfigurationProperties} class (and the annotation processor, or
 * an additional metadata file for a key it only reads), without touching {@link ActorsProperties}.
 *
 * <p>A key holds {@value #ANY} for a segment that stands for any name: an actor's under {@code actors.workers}. A map
 * property whose values are a group described in the metadata (as {@code actors.workers} and {@code actors.defaults})
 * gets that group's keys under each name; any other map takes every key under it.
 */
final class ActorsPropertyKeys {

    static final String PREFIX = "actors";

    /** A segment of a valid key that stands for any name: an actor's under {@code actors.workers}. */
    static final String ANY = "*";

    /** The metadata files of the annotation processor, and those written by hand for keys that are only read. */
    static final List<String> METADATA_LOCATIONS = List.of("META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json");

    private static final String MAP_TYPE = "java.util.Map<java.lang.String,";

    private final Set<String> keys;

    private final Set<String> openPrefixes;

    private final List<Pattern> patterns = new ArrayList<>();

    private ActorsPropertyKeys(Set<String> keys, Set<String> openPrefixes) {
        this.keys = keys;
        this.openPrefixes = openPrefixes;
        for (String key : keys) {
            // A list or map element under a key ("[0]", "[name]") belongs to it.
            this.patterns.add(Pattern.compile(toRegex(key) + "(\\[.*)?"));
        }
        for (String prefix : openPrefixes) {
            this.patterns.add(Pattern.compile(toRegex(prefix) + "[.\\[].+"));
        }
    }

    /**
     * The keys {@link ActorsProperties} binds, read from its binding constructors as the binder reads them.
     *
     * @return the keys
     */
    static ActorsPropertyKeys bound() {
        return new ActorsPropertyKeys(new LinkedHashSet<>(keysOf(PREFIX, ActorsProperties.class)), Set.of());
    }

    /**
     * The keys {@link ActorsProperties} binds and those that the configuration metadata on the class path describes.
     *
     * @param classLoader the class loader to read the metadata with
     * @return the keys
     */
    static ActorsPropertyKeys load(@Nullable ClassLoader classLoader) {
        Set<String> keys = new LinkedHashSet<>(keysOf(PREFIX, ActorsProperties.class));
        Set<String> openPrefixes = new LinkedHashSet<>();
        ConfigurationMetadataRepository metadata = readMetadata(classLoader);
        for (ConfigurationMetadataProperty property : metadata.getAllProperties().values()) {
            String name = property.getId();
            if (!name.startsWith(PREFIX + ".")) {
                continue;
            }
            String type = String.valueOf(property.getType());
            if (!type.startsWith(MAP_TYPE)) {
                keys.add(name);
                continue;
            }
            List<String> valueKeys = keysOfGroupTyped(type.substring(MAP_TYPE.length(), type.length() - 1), metadata);
            if (valueKeys.isEmpty()) {
                openPrefixes.add(name);
            }
            valueKeys.forEach((suffix) -> keys.add(name + "." + ANY + "." + suffix));
        }
        return new ActorsPropertyKeys(keys, openPrefixes);
    }

    /**
     * Tells whether a key, as {@link org.springframework.boot.context.properties.source.ConfigurationPropertyName}
     * writes it, names a property.
     *
     * @param name the key
     * @return whether it is valid
     */
    boolean isValid(String name) {
        return this.patterns.stream().anyMatch((pattern) -> pattern.matcher(name).matches());
    }

    /**
     * Returns the leaf keys, with {@value #ANY} for a name under a map, for suggestions.
     *
     * @return the keys
     */
    List<String> keys() {
        return List.copyOf(this.keys);
    }

    /** The keys, relative to a group, of the group whose type is {@code type}: empty when none is described. */
    private static List<String> keysOfGroupTyped(String type, ConfigurationMetadataRepository metadata) {
        String groupName = metadata.getAllGroups()
            .values()
            .stream()
            .flatMap((group) -> group.getSources().values().stream())
            .filter((source) -> sameType(String.valueOf(source.getType()), type))
            .map(ConfigurationMetadataSource::getGroupId)
            .findFirst()
            .orElse(null);
        if (groupName == null) {
            return List.of();
        }
        return metadata.getAllProperties()
            .keySet()
            .stream()
            .filter((name) -> name.startsWith(groupName + "."))
            .map((name) -> name.substring(groupName.length() + 1))
            .toList();
    }

    private static boolean sameType(String a, String b) {
        // Groups name a nested class by its binary name (Outer$Inner), map types by its canonical one.
        return a.replace('$', '.').equals(b.replace('$', '.'));
    }

    /**
     * Reads every metadata file on the class path with the metadata module's own parser, not with
     * {@link org.springframework.boot.json.JsonParserFactory}'s: without Jackson or Gson that falls back to a basic
     * parser, which misreads these files.
     */
    private static ConfigurationMetadataRepository readMetadata(@Nullable ClassLoader classLoader) {
        ClassLoader loader = (classLoader != null) ? classLoader : ActorsPropertyKeys.class.getClassLoader();
        ConfigurationMetadataRepositoryJsonBuilder builder = ConfigurationMetadataRepositoryJsonBuilder
            .create(StandardCharsets.UTF_8);
        try {
            for (String location : METADATA_LOCATIONS) {
                for (URL url : Collections.list(loader.getResources(location))) {
                    try (InputStream in = url.openStream()) {
                        builder.withJsonResource(in);
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Failed to read the configuration metadata", ex);
        }
        return builder.build();
    }

    /** Every leaf key under {@code prefix}, from the binding constructor of {@code type} and its nested types. */
    private static List<String> keysOf(String prefix, Class<?> type) {
        Constructor<?> constructor = type.getDeclaredConstructors()[0];
        List<String> keys = new ArrayList<>();
        for (Parameter parameter : constructor.getParameters()) {
            String key = prefix + "." + DataObjectPropertyName.toDashedForm(parameter.getName());
            Class<?> parameterType = parameter.getType();
            if (Map.class.isAssignableFrom(parameterType)
                    && parameter.getParameterizedType() instanceof ParameterizedType map
                    && map.getActualTypeArguments()[1] instanceof Class<?> values && isNested(values)) {
                keys.addAll(keysOf(key + "." + ANY, values));
            }
            else if (isNested(parameterType)) {
                keys.addAll(keysOf(key, parameterType));
            }
            else {
                keys.add(key);
            }
        }
        return keys;
    }

    private static boolean isNested(Class<?> type) {
        return type.getEnclosingClass() == ActorsProperties.class;
    }

    private static String toRegex(String key) {
        StringBuilder regex = new StringBuilder();
        for (String segment : key.split("\\.")) {
            if (!regex.isEmpty()) {
                regex.append("\\.");
            }
            regex.append(segment.equals(ANY) ? "[^.\\[\\]]+" : Pattern.quote(segment));
        }
        return regex.toString();
    }
}
