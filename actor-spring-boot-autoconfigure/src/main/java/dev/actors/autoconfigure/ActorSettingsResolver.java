package dev.actors.autoconfigure;

import java.util.Set;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import dev.actors.ActorSettings;
import dev.actors.InvalidSettingException;

/**
 * Resolves each actor's settings from {@link ActorsProperties}, once: the runtime's defaults, then
 * {@code actors.defaults}, then {@code actors.workers.<name>}. A value the runtime refuses fails with an
 * {@link InvalidConfigurationPropertyValueException} that names the full property, as in
 * {@code actors.workers.inventory.mailbox-capacity}.
 */
final class ActorSettingsResolver {

    private static final String DEFAULTS_PREFIX = "actors.defaults";

    private static final String WORKERS_PREFIX = "actors.workers.";

    private final ActorsProperties properties;

    private final ActorSettings defaults;

    ActorSettingsResolver(ActorsProperties properties) {
        this.properties = properties;
        this.defaults = apply(properties.getDefaults(), ActorSettings.defaults(), DEFAULTS_PREFIX);
    }

    /**
     * Returns the settings of an actor that has none of its own: {@code actors.defaults} over the runtime's.
     *
     * @return the default settings
     */
    ActorSettings defaults() {
        return this.defaults;
    }

    /**
     * Returns the names under {@code actors.workers}.
     *
     * @return the configured actor names
     */
    Set<String> configuredWorkers() {
        return this.properties.getWorkers().keySet();
    }

    /**
     * Tells whether {@code actors.workers.<name>.batch.*} is set.
     *
     * @param actorName the actor's name
     * @return whether the actor has batch settings of its own
     */
    boolean hasBatchSettings(String actorName) {
        ActorsProperties.Settings own = this.properties.getWorkers().get(actorName);
        return own != null && own.hasBatchSettings();
    }

    /**
     * Tells whether {@code actors.workers.<name>.passivate-after} or {@code max-active} is set.
     *
     * @param actorName the actor's name
     * @return whether the actor has keyed settings of its own
     */
    boolean hasKeyedSettings(String actorName) {
        ActorsProperties.Settings own = this.properties.getWorkers().get(actorName);
        return own != null && own.hasKeyedSettings();
    }

    /**
     * Tells whether {@code actors.workers.<name>.async-timeout} is set.
     *
     * @param actorName the actor's name
     * @return whether the actor has async settings of its own
     */
    boolean hasAsyncSettings(String actorName) {
        ActorsProperties.Settings own = this.properties.getWorkers().get(actorName);
        return own != null && own.hasAsyncSettings();
    }

    /**
     * Returns the settings an actor runs with.
     *
     * @param actorName the actor's name
     * @return its settings
     * @throws InvalidConfigurationPropertyValueException when one of its values is out of range
     */
    ActorSettings settings(String actorName) {
        ActorsProperties.Settings own = this.properties.getWorkers().get(actorName);
        return (own != null) ? apply(own, this.defaults, WORKERS_PREFIX + actorName) : this.defaults;
    }

    private static ActorSettings apply(ActorsProperties.Settings settings, ActorSettings base, String prefix) {
        try {
            return settings.applyTo(base.toBuilder()).build();
        }
        catch (InvalidSettingException ex) {
            throw new InvalidConfigurationPropertyValueException(prefix + "." + ex.setting(), ex.value(),
                    ex.reason());
        }
    }
}
