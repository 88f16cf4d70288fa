package dev.actors.sample.imports;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads are copied up to the limit and no further, and nothing is left on disk.
 */
class CsvUploadsTests {

    private final CsvUploads uploads;

    CsvUploadsTests() throws Exception {
        this.uploads = new CsvUploads(new ImportProperties(DataSize.ofBytes(1000), 100, 10, Duration.ofHours(1)));
    }

    @AfterEach
    void deleteAll() throws Exception {
        this.uploads.deleteAll();
    }

    @Test
    void aBodyUpToTheLimitIsKeptUntilReleased() throws Exception {
        Path file = this.uploads.store(new ByteArrayInputStream(new byte[1000]));
        assertThat(file).isNotNull();
        assertThat(Files.size(file)).isEqualTo(1000);
        this.uploads.release(file);
        assertThat(file).doesNotExist();
    }

    @Test
    void anEndlessBodyIsReadOneBytePastTheLimitThenRefusedLeavingNoFile() throws Exception {
        long[] read = { 0 };
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 0;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                read[0] += length;
                return length;
            }
        };
        assertThat(this.uploads.store(endless)).isNull();
        assertThat(read[0]).isEqualTo(1001);
        assertThat(this.uploads.tooLarge(1001)).isTrue();
        assertThat(this.uploads.tooLarge(1000)).isFalse();
        assertThat(this.uploads.tooLarge(-1)).isFalse();
    }

    @Test
    void shutdownRemovesWhatIsLeft() throws Exception {
        Path left = this.uploads.store(new ByteArrayInputStream(new byte[10]));
        this.uploads.deleteAll();
        assertThat(left).doesNotExist();
        assertThat(left.getParent()).doesNotExist();
    }
}
