package dev.actors.sample.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The jobs' statuses, the state of the {@code job-status} actor ({@link JobStatusActor}), which HTTP threads and
 * the import actor reach through its handle: a map of immutable values (concurrent, so that tests may read it).
 * <p>
 * Bounded: jobs that wait or run are bounded by the actor's mailbox, and finished ones are forgotten, oldest first,
 * beyond {@code sample.imports.max-finished-jobs} or after {@code sample.imports.keep-finished-for}. A client that
 * polls a forgotten job gets a 404, as for one that never existed.
 */
@Component
public class ImportJobs {

    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

    /** Finished jobs, oldest first. Guarded by itself; touched once per job, so never contended. */
    private final Deque<Finished> finished = new ArrayDeque<>();

    private final ImportProperties properties;

    private final Clock clock;

    @Autowired
    ImportJobs(ImportProperties properties) {
        this(properties, Clock.systemUTC());
    }

    ImportJobs(ImportProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    ImportJob create(String source) {
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), source, ImportJob.Status.QUEUED, 0, null,
                this.clock.instant(), null);
        this.jobs.put(job.id(), job);
        // A quiet service forgets old jobs too, not only one whose jobs keep finishing.
        forgetOldJobs();
        return job;
    }

    void update(ImportJob job) {
        this.jobs.put(job.id(), job);
        if (job.isFinished()) {
            synchronized (this.finished) {
                this.finished.addLast(new Finished(job.id(), this.clock.instant()));
            }
            forgetOldJobs();
        }
    }

    void remove(String id) {
        this.jobs.remove(id);
    }

    /** How many jobs are kept, of every status. */
    int size() {
        return this.jobs.size();
    }

    private void forgetOldJobs() {
        Instant keptSince = this.clock.instant().minus(this.properties.keepFinishedFor());
        synchronized (this.finished) {
            while (!this.finished.isEmpty()) {
                if (this.finished.size() <= this.properties.maxFinishedJobs()
                        && !this.finished.peekFirst().at().isBefore(keptSince)) {
                    return;
                }
                this.jobs.remove(this.finished.pollFirst().id());
            }
        }
    }

    /** A job that ended, and when. */
    private record Finished(String id, Instant at) {
    }

    /**
     * Finds a job.
     *
     * @param id the job's id
     * @return the job, or empty
     */
    public Optional<ImportJob> find(String id) {
        return Optional.ofNullable(this.jobs.get(id));
    }
}
