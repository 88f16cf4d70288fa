package dev.actors.sample.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.Actor;
import dev.actors.spring.ActorWorker;

/**
 * Runs import jobs one after another, each on its own time while the HTTP request that started it has long been
 * answered (202). A job that fails is marked failed; the actor goes on with the next one.
 */
@ActorWorker("import-jobs")
class ImportJobsActor implements Actor<ImportJob, Void> {

    private static final Logger logger = LoggerFactory.getLogger(ImportJobsActor.class);

    private static final int PROGRESS_EVERY = 10_000;

    private final ImportJobs jobs;

    private final SampleCsv sample;

    ImportJobsActor(ImportJobs jobs, SampleCsv sample) {
        this.jobs = jobs;
        this.sample = sample;
    }

    @Override
    public Void handle(ImportJob job) {
        ImportJob running = job.running();
        this.jobs.update(running);
        long rows = 0;
        try (BufferedReader reader = Files.newBufferedReader(resolve(job.source()))) {
            String header = reader.readLine();
            if (header == null || !header.trim().equalsIgnoreCase("sku,quantity")) {
                throw new IllegalArgumentException("the first line must be the header sku,quantity but was " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                parse(line, rows + 2);
                rows++;
                if (rows % PROGRESS_EVERY == 0) {
                    this.jobs.update(running.progress(rows));
                }
            }
            this.jobs.update(running.done(rows));
            logger.info("Import {} done: {} rows from {}", job.id(), rows, job.source());
        }
        catch (NoSuchFileException ex) {
            fail(running, rows, "no such file: " + ex.getFile());
        }
        catch (IOException | RuntimeException ex) {
            fail(running, rows, ex.getMessage());
        }
        return null;
    }

    private void fail(ImportJob running, long rows, String reason) {
        logger.warn("Import {} failed after {} rows: {}", running.id(), rows, reason);
        this.jobs.update(running.failed(rows, reason));
    }

    private Path resolve(String source) {
        return SampleCsv.NAME.equals(source) ? this.sample.path() : Path.of(source);
    }

    private static void parse(String line, long lineNumber) {
        int comma = line.indexOf(',');
        if (comma <= 0) {
            throw new IllegalArgumentException("line " + lineNumber + " is not sku,quantity: " + line);
        }
        try {
            Integer.parseInt(line.substring(comma + 1).trim());
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("line " + lineNumber + " has a quantity that is not a number: " + line);
        }
    }
}
