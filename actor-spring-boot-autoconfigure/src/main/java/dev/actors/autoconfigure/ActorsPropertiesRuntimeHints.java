package dev.actors.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Keeps the configuration metadata in a native image: {@link ActorsPropertyKeys} reads it to tell the keys that other
 * modules own under {@code actors} from misspelled ones.
 */
class ActorsPropertiesRuntimeHints implements RuntimeHintsRegistrar {

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        ActorsPropertyKeys.METADATA_LOCATIONS.forEach(hints.resources()::registerPattern);
    }
}
