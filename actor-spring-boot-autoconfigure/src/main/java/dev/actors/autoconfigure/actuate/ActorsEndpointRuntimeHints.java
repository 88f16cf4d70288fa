package dev.actors.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Lets a native image serialize the {@link ActorsEndpoint actors endpoint}'s responses: JSON is written by
 * reflection on the descriptor records, which the image must keep.
 */
class ActorsEndpointRuntimeHints implements RuntimeHintsRegistrar {

    private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        this.bindingRegistrar.registerReflectionHints(hints.reflection(), ActorsEndpoint.ActorsDescriptor.class,
                ActorsEndpoint.ActorDescriptor.class, ActorsEndpoint.CountsDescriptor.class,
                ActorsEndpoint.BatchDescriptor.class, ActorsEndpoint.KeyedActorDescriptor.class,
                ActorsEndpoint.KeyDescriptor.class, ActorsEndpoint.ClusterDescriptor.class,
                ActorsEndpoint.ClusterKeyDescriptor.class);
    }
}
