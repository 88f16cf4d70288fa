package dev.actors.spi;

import dev.actors.KeyedActorRef;

/**
 * Why a keyed actor's instance was passivated (closed and dropped), as the {@code reason} tag of
 * {@code actor.keyed.passivations}.
 */
public enum PassivationReason {

    /**
     * It had been idle for {@code passivate-after}, or its owner asked for it ({@link KeyedActorRef#passivate}).
     */
    IDLE,

    /** The kind had more than {@code max-active} live instances and this one was the least recently used. */
    LIMIT,

    /** Its failure policy stopped it, or its factory threw when the key was activated. */
    FAILURE;

    /**
     * Returns the lower-case name used in metrics tags.
     *
     * @return {@code idle}, {@code limit} or {@code failure}
     */
    public String tagValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
