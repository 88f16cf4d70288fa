package dev.actors.internal;

import java.util.function.Supplier;

/**
 * Calls an actor factory and refuses what would only fail later: a factory that returns {@code null}.
 */
final class InstanceFactory {

    private InstanceFactory() {
    }

    static <T> T create(String actorName, Supplier<? extends T> factory) {
        T instance = factory.get();
        if (instance == null) {
            throw new IllegalStateException(
                    "Actor '" + actorName + "': its factory returned null; it must return a new actor instance");
        }
        return instance;
    }
}
