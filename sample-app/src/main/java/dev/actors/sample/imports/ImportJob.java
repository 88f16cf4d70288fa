package dev.actors.sample.imports;

import java.time.Instant;

/**
 * One import job, as the API shows it. Immutable: every change of status is a new value in {@link ImportJobs}.
 *
 * @param id the job's id
 * @param source where the CSV came from: {@code sample} (the generated file) or {@code upload} (the request body);
 * never a client's own words, so that nothing a client sends is echoed or kept
 * @param status queued, running, done or failed
 * @param rows rows imported so far (all of them once done)
 * @param error why it failed, or {@code null}
 * @param createdAt when it was accepted
 * @param finishedAt when it ended, or {@code null}
 */
public record ImportJob(String id, String source, Status status, long rows, String error, Instant createdAt,
        Instant finishedAt) {

    /** Where a job is. */
    public enum Status {
        /** Accepted, waiting in the actor's mailbox. */
        QUEUED,
        /** Being read. */
        RUNNING,
        /** Read to the end. */
        DONE,
        /** Stopped by an error; see {@link ImportJob#error()}. */
        FAILED
    }

    /** Whether the job has ended, done or failed: only then may it be forgotten. */
    boolean isFinished() {
        return this.status == Status.DONE || this.status == Status.FAILED;
    }

    ImportJob running() {
        return new ImportJob(this.id, this.source, Status.RUNNING, 0, null, this.createdAt, null);
    }

    ImportJob progress(long rows) {
        return new ImportJob(this.id, this.source, Status.RUNNING, rows, null, this.createdAt, null);
    }

    ImportJob done(long rows) {
        return new ImportJob(this.id, this.source, Status.DONE, rows, null, this.createdAt, Instant.now());
    }

    ImportJob failed(long rows, String error) {
        return new ImportJob(this.id, this.source, Status.FAILED, rows, error, this.createdAt, Instant.now());
    }
}
