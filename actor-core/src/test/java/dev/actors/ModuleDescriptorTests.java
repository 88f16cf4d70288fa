package dev.actors;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's module descriptor exports the API and the SPI, never the runtime's internals.
 */
class ModuleDescriptorTests {

    @Test
    void moduleExportsTheApiAndTheSpiButNotTheInternals() {
        // The compiled descriptor itself: the tests may run on the class path, where no module is named.
        ModuleDescriptor descriptor = ModuleFinder.of(Path.of("target", "classes"))
            .find("dev.actors")
            .map(ModuleReference::descriptor)
            .orElseThrow(() -> new AssertionError("No module dev.actors in target/classes"));
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
            .containsExactlyInAnyOrder("dev.actors", "dev.actors.spi");
        assertThat(descriptor.packages()).contains("dev.actors.internal");
        assertThat(descriptor.opens()).isEmpty();
    }
}
