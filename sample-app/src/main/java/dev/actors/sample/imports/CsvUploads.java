package dev.actors.sample.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Keeps uploaded CSVs on disk from the request that brought them until their job has read them: the request is
 * answered (202) long before the actor gets to the job, and a queue of jobs must not hold their files in memory.
 * <p>
 * Each upload is copied up to {@code sample.imports.max-size}, never further: an endless body costs one bounded
 * read, then the request is refused. Files live in a directory of their own, named by the server, which is removed
 * at shutdown with whatever a stop left in it.
 */
@Component
class CsvUploads {

    private final long maxBytes;

    private final Path directory;

    CsvUploads(ImportProperties properties) throws IOException {
        this.maxBytes = properties.maxSize().toBytes();
        this.directory = Files.createTempDirectory("actors-sample-imports-");
    }

    /** The limit an upload must keep to, as the property says it. */
    String limit() {
        return "sample.imports.max-size, " + this.maxBytes + " bytes";
    }

    /** Whether a body of this declared length (negative: not declared) is too large to take. */
    boolean tooLarge(long declaredLength) {
        return declaredLength > this.maxBytes;
    }

    /**
     * Copies a request body to a new file.
     *
     * @param body the request body
     * @return the file, or {@code null} when the body was larger than the limit (nothing is kept then)
     * @throws IOException when the body cannot be read or the file written
     */
    Path store(InputStream body) throws IOException {
        Path file = Files.createTempFile(this.directory, "upload-", ".csv");
        try {
            if (copyAtMost(body, file, this.maxBytes)) {
                return file;
            }
            release(file);
            return null;
        }
        catch (IOException | RuntimeException ex) {
            release(file);
            throw ex;
        }
    }

    /** Copies up to {@code limit} bytes; {@code false} when there were more (the copy stops at the first extra one). */
    private static boolean copyAtMost(InputStream in, Path file, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int read;
            while ((read = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - copied))) > 0) {
                copied += read;
                if (copied > limit) {
                    return false;
                }
                out.write(buffer, 0, read);
            }
        }
        return true;
    }

    /** Deletes an upload once its job has ended (or was never queued). */
    void release(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not delete an uploaded CSV", ex);
        }
    }

    @PreDestroy
    void deleteAll() throws IOException {
        if (!Files.isDirectory(this.directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(this.directory)) {
            files.forEach(this::release);
        }
        Files.deleteIfExists(this.directory);
    }
}
