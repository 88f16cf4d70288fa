package dev.actors.sample.imports;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The jobs' statuses, read by HTTP threads while the actor writes them: a concurrent map of immutable values.
 */
@Component
public class ImportJobs {

    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

    ImportJob create(String source) {
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), source, ImportJob.Status.QUEUED, 0, null,
                Instant.now(), null);
        this.jobs.put(job.id(), job);
        return job;
    }

    void update(ImportJob job) {
        this.jobs.put(job.id(), job);
    }

    void remove(String id) {
        this.jobs.remove(id);
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
