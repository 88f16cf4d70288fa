package dev.actors.sample.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the CSV imports ({@code sample.imports.*}): every input a client controls has a bound, and so has the
 * memory the jobs keep.
 *
 * @param maxSize the largest CSV upload; a larger body is refused with a 400 before any job exists
 * @param maxLineLength the most characters on one line of a CSV; a longer line fails the job (a file without line
 * breaks cannot fill the heap)
 * @param maxFinishedJobs how many finished (done or failed) jobs are kept for polling; the oldest go first
 * @param keepFinishedFor how long a finished job is kept for polling at most
 */
@ConfigurationProperties("sample.imports")
public record ImportProperties(@DefaultValue("10MB") DataSize maxSize, @DefaultValue("1024") int maxLineLength,
        @DefaultValue("1000") int maxFinishedJobs, @DefaultValue("1h") Duration keepFinishedFor) {

    /**
     * Checks the limits, naming the property at fault.
     */
    public ImportProperties {
        if (maxSize.toBytes() <= 0) {
            throw new IllegalArgumentException("sample.imports.max-size must be positive but was " + maxSize);
        }
        if (maxLineLength <= 0) {
            throw new IllegalArgumentException(
                    "sample.imports.max-line-length must be positive but was " + maxLineLength);
        }
        if (maxFinishedJobs < 0) {
            throw new IllegalArgumentException(
                    "sample.imports.max-finished-jobs must not be negative but was " + maxFinishedJobs);
        }
        if (keepFinishedFor.isNegative()) {
            throw new IllegalArgumentException(
                    "sample.imports.keep-finished-for must not be negative but was " + keepFinishedFor);
        }
    }
}
