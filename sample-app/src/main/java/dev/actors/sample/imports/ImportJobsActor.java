package dev.actors.sample.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.Actor;
import dev.actors.ActorHandle;
import dev.actors.sample.imports.SkuQuantityCsv.InvalidCsvException;
import dev.actors.spring.ActorWorker;

/**
 * Runs import jobs one after another, each on its own time while the HTTP request that started it has long been
 * answered (202). A job that fails is marked failed with a reason that names the line, never its content; the
 * actor goes on with the next one. Each change of status is cast to the {@code job-status} actor, which the
 * controller queries: this actor never waits for it.
 */
@ActorWorker("import-jobs")
class ImportJobsActor implements Actor<ImportTask, Void> {

    private static final Logger logger = LoggerFactory.getLogger(ImportJobsActor.class);

    private static final int PROGRESS_EVERY = 10_000;

    private final ActorHandle<JobStatusActor.Request, ImportJob> jobStatus;

    private final SampleCsv sample;

    private final CsvUploads uploads;

    private final SkuQuantityCsv csv;

    ImportJobsActor(ActorHandle<JobStatusActor.Request, ImportJob> jobStatus, SampleCsv sample, CsvUploads uploads,
            ImportProperties properties) {
        this.jobStatus = jobStatus;
        this.sample = sample;
        this.uploads = uploads;
        this.csv = new SkuQuantityCsv(properties.maxLineLength());
    }

    @Override
    public Void handle(ImportTask task) {
        ImportJob running = task.job().running();
        update(running);
        long[] rows = { 0 };
        Path file = (task.upload() != null) ? task.upload() : this.sample.path();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            this.csv.read(reader, (read) -> {
                rows[0] = read;
                if (read % PROGRESS_EVERY == 0) {
                    update(running.progress(read));
                }
            });
            update(running.done(rows[0]));
            logger.info("Import {} done: {} rows ({})", running.id(), rows[0], running.source());
        }
        catch (InvalidCsvException ex) {
            fail(running, rows[0], ex.getMessage());
        }
        catch (CharacterCodingException ex) {
            // The decoder reads ahead of the lines, so the line number would be a guess.
            fail(running, rows[0], "the CSV is not UTF-8 text");
        }
        catch (IOException | UncheckedIOException ex) {
            // The exception's message may hold a server path: the client gets a plain reason.
            logger.warn("Import {} could not read its CSV", running.id(), ex);
            fail(running, rows[0], "the CSV could not be read");
        }
        finally {
            if (task.upload() != null) {
                this.uploads.release(task.upload());
            }
        }
        return null;
    }

    private void update(ImportJob job) {
        this.jobStatus.cast(new JobStatusActor.Update(job));
    }

    private void fail(ImportJob running, long rows, String reason) {
        logger.warn("Import {} failed after {} rows: {}", running.id(), rows, reason);
        update(running.failed(rows, reason));
    }
}
