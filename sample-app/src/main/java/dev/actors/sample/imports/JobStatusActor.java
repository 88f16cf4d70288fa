package dev.actors.sample.imports;

import dev.actors.Actor;
import dev.actors.spring.ActorWorker;

/**
 * Owns the import jobs' statuses: the import actor casts each change here, and the controller calls here to create
 * a job and to read one. One actor talking to another through an injected handle: the import actor never waits
 * for it (a cast), so a slow status store cannot hold an import up.
 */
@ActorWorker("job-status")
class JobStatusActor implements Actor<JobStatusActor.Request, ImportJob> {

    /** What the job-status actor is asked. */
    sealed interface Request permits Create, Update, Remove, Find {
    }

    /**
     * Creates a queued job; answers it.
     *
     * @param source where its CSV comes from
     */
    record Create(String source) implements Request {
    }

    /**
     * Records a job's new status; answers nothing.
     *
     * @param job the job as it is now
     */
    record Update(ImportJob job) implements Request {
    }

    /**
     * Forgets a job that never started (the import actor refused it); answers nothing.
     *
     * @param id the job's id
     */
    record Remove(String id) implements Request {
    }

    /**
     * Finds a job; answers it, or {@code null} for an unknown or forgotten one.
     *
     * @param id the job's id
     */
    record Find(String id) implements Request {
    }

    private final ImportJobs jobs;

    JobStatusActor(ImportJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public ImportJob handle(Request request) {
        if (request instanceof Create create) {
            return this.jobs.create(create.source());
        }
        if (request instanceof Update update) {
            this.jobs.update(update.job());
            return null;
        }
        if (request instanceof Remove remove) {
            this.jobs.remove(remove.id());
            return null;
        }
        return this.jobs.find(((Find) request).id()).orElse(null);
    }
}
