package dev.actors.sample.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/**
 * The sample CSV the app ships: generated on first use (100,000 rows of {@code sku,quantity}) into a temporary
 * file, so the repository holds no large data file and the content is the same on every machine.
 */
@Component
class SampleCsv {

    /** The source name that stands for the generated file. */
    static final String NAME = "sample";

    static final int ROWS = 100_000;

    private Path file;

    synchronized Path path() {
        if (this.file == null || !Files.exists(this.file)) {
            this.file = generate();
        }
        return this.file;
    }

    private static Path generate() {
        try {
            Path path = Files.createTempFile("actors-sample-", ".csv");
            path.toFile().deleteOnExit();
            try (BufferedWriter writer = Files.newBufferedWriter(path)) {
                writer.write("sku,quantity\n");
                for (int i = 0; i < ROWS; i++) {
                    writer.write("SKU-" + (i % 5000) + "," + (i % 97) + "\n");
                }
            }
            return path;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write the sample CSV", ex);
        }
    }
}
