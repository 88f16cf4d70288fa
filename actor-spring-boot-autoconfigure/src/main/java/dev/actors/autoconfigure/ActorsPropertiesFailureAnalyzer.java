package dev.actors.autoconfigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a misspelled key under {@code actors} (which {@link ActorsPropertiesBindHandler} refuses) with the
 * nearest valid key: {@code actors.defaults.mailbox-capcity} gets "did you mean
 * {@code actors.defaults.mailbox-capacity}?".
 *
 * <p>The valid keys are those of {@link ActorsPropertyKeys}: read from {@link ActorsProperties}'s constructors, the
 * same ones the binder uses, and from the configuration metadata of every module, so a new setting or group needs
 * nothing here. Ordered before Spring Boot's own analyzer of unbound properties, which would report the key without
 * a suggestion.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class ActorsPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

    private static final String PREFIX = ActorsPropertyKeys.PREFIX;

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
        List<String> validKeys = ActorsPropertyKeys.load(Thread.currentThread().getContextClassLoader()).keys();
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
            if (valid[i].equals(ActorsPropertyKeys.ANY)) {
                valid[i] = (i < segments.length) ? segments[i] : "<name>";
            }
        }
        return String.join(".", valid);
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
