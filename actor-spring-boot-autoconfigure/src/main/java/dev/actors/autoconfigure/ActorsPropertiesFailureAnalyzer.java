package dev.actors.autoconfigure;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a misspelled key under {@code actors} (which {@link ActorsProperties} refuses, as it does not ignore
 * unknown fields) with the nearest valid key: {@code actors.defaults.mailbox-capcity} gets "did you mean
 * {@code actors.defaults.mailbox-capacity}?".
 *
 * <p>The valid keys are read from {@link ActorsProperties}'s constructors, the same ones the binder uses, so a new
 * setting needs nothing here. Ordered before Spring Boot's own analyzer of unbound properties, which would report
 * the key without a suggestion.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class ActorsPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

    private static final String PREFIX = "actors";

    /** A segment of a valid key that stands for any name: an actor's under {@code actors.workers}. */
    private static final String ANY = "*";

    @Override
    protected @Nullable FailureAnalysis analyze(Throwable rootFailure,
            UnboundConfigurationPropertiesException cause) {
        List<ConfigurationProperty> unknown = cause.getUnboundProperties()
            .stream()
            .filter((property) -> property.getName().toString().startsWith(PREFIX + "."))
            .sorted()
            .toList();
        if (unknown.isEmpty()) {
            return null;
        }
        List<String> validKeys = validKeys(PREFIX, ActorsProperties.class);
        StringBuilder description = new StringBuilder();
        List<String> renames = new ArrayList<>();
        for (ConfigurationProperty property : unknown) {
            String key = property.getName().toString();
            String nearest = nearest(key, validKeys);
            description.append(key)
                .append(" is not a property of actors")
                .append((property.getOrigin() != null) ? " (" + property.getOrigin() + ")" : "")
                .append("; did you mean ")
                .append(nearest)
                .append("?\n");
            renames.add(key + " to " + nearest);
        }
        String action = "Rename " + String.join(", ", renames) + ", or remove "
                + ((unknown.size() == 1) ? "it" : "them") + ". Each actor setting exists under actors.defaults.* "
                + "(every actor) and actors.workers.<actor name>.* (one actor).";
        return new FailureAnalysis(description.toString().strip(), action, cause);
    }

    /** The nearest valid key, by edit distance, with an actor's name kept where the key has one. */
    static String nearest(String key, List<String> validKeys) {
        String[] segments = key.split("\\.");
        return validKeys.stream()
            .map((valid) -> instantiate(valid, segments))
            .min(Comparator.comparingInt((String valid) -> distance(key, valid)))
            .orElseThrow();
    }

    private static String instantiate(String validKey, String[] segments) {
        String[] valid = validKey.split("\\.");
        for (int i = 0; i < valid.length; i++) {
            if (valid[i].equals(ANY)) {
                valid[i] = (i < segments.length) ? segments[i] : "<name>";
            }
        }
        return String.join(".", valid);
    }

    /** Every leaf key under {@code prefix}, from the binding constructor of {@code type} and its nested types. */
    static List<String> validKeys(String prefix, Class<?> type) {
        Constructor<?> constructor = type.getDeclaredConstructors()[0];
        List<String> keys = new ArrayList<>();
        for (Parameter parameter : constructor.getParameters()) {
            String key = prefix + "." + DataObjectPropertyName.toDashedForm(parameter.getName());
            Class<?> parameterType = parameter.getType();
            if (Map.class.isAssignableFrom(parameterType)
                    && parameter.getParameterizedType() instanceof ParameterizedType map
                    && map.getActualTypeArguments()[1] instanceof Class<?> values && isNested(values)) {
                keys.addAll(validKeys(key + "." + ANY, values));
            }
            else if (isNested(parameterType)) {
                keys.addAll(validKeys(key, parameterType));
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

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
