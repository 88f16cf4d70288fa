package dev.actors.autoconfigure.actuate;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ActorsEndpointRuntimeHints}.
 */
class ActorsEndpointRuntimeHintsTests {

    @Test
    void everyDescriptorOfTheEndpointCanBeSerializedInANativeImage() throws Exception {
        RuntimeHints hints = new RuntimeHints();
        new ActorsEndpointRuntimeHints().registerHints(hints, getClass().getClassLoader());
        for (Class<?> descriptor : ActorsEndpoint.class.getDeclaredClasses()) {
            if (descriptor.isRecord()) {
                assertThat(RuntimeHintsPredicates.reflection().onType(descriptor)).as(descriptor.getName())
                    .accepts(hints);
                assertThat(RuntimeHintsPredicates.reflection()
                    .onMethodInvocation(descriptor.getMethod(descriptor.getRecordComponents()[0].getName())))
                    .as(descriptor.getName())
                    .accepts(hints);
            }
        }
        assertThat(ActorsEndpoint.class.getDeclaredClasses()).filteredOn(Class::isRecord).hasSize(8);
    }
}
