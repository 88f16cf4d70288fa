package dev.actors.sample.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.actors.ActorHandle;

/**
 * "Answer 202 now, run the long job in an actor": {@code POST /imports} casts the job and returns at once with a
 * {@code Location} to poll.
 * <p>
 * The CSV comes in the request body ({@code text/csv}), or is the generated sample: a client never names a file
 * on the server. Sizes are checked here, at the edge, before any job exists. The jobs' statuses belong to the
 * {@code job-status} actor: this controller calls it to create a job and to read one.
 */
@RestController
class ImportController {

    private static final String CSV = "text/csv";

    private final ActorHandle<ImportTask, Void> importJobs;

    private final ActorHandle<JobStatusActor.Request, ImportJob> jobStatus;

    private final CsvUploads uploads;

    ImportController(ActorHandle<ImportTask, Void> importJobs, ActorHandle<JobStatusActor.Request, ImportJob> jobStatus,
            CsvUploads uploads) {
        this.importJobs = importJobs;
        this.jobStatus = jobStatus;
        this.uploads = uploads;
    }

    /**
     * The JSON body of {@code POST /imports}.
     *
     * @param source {@code sample} for the generated 100,000-row CSV, the only source a client may name
     */
    record ImportRequest(String source) {
    }

    @PostMapping(path = "/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> startSample(@RequestBody(required = false) ImportRequest request) {
        if (request == null || !SampleCsv.NAME.equals(request.source())) {
            // Whatever else was sent is not repeated: it may be long, or a path the client hoped to read.
            return problem(HttpStatus.BAD_REQUEST, "source is required and must be \"sample\"; to import your own "
                    + "CSV, send it as the body with Content-Type: " + CSV);
        }
        return start(SampleCsv.NAME, null);
    }

    @PostMapping(path = "/imports", consumes = CSV)
    ResponseEntity<?> upload(HttpServletRequest request, InputStream body) throws IOException {
        if (this.uploads.tooLarge(request.getContentLengthLong())) {
            return tooLarge();
        }
        Path file = this.uploads.store(body);
        if (file == null) {
            return tooLarge();
        }
        if (Files.size(file) == 0) {
            this.uploads.release(file);
            return problem(HttpStatus.BAD_REQUEST, "the body is empty: send a CSV with the header "
                    + SkuQuantityCsv.HEADER);
        }
        return start("upload", file);
    }

    private ResponseEntity<?> start(String source, Path upload) {
        ImportJob job;
        try {
            job = this.jobStatus.call(new JobStatusActor.Create(source)).join();
        }
        catch (RuntimeException ex) {
            if (upload != null) {
                this.uploads.release(upload);
            }
            throw ex;
        }
        try {
            // MailboxFullException / ActorClosedException become 503 through the starter's problem mapping.
            this.importJobs.cast(new ImportTask(job, upload));
        }
        catch (RuntimeException ex) {
            this.jobStatus.cast(new JobStatusActor.Remove(job.id()));
            if (upload != null) {
                this.uploads.release(upload);
            }
            throw ex;
        }
        return ResponseEntity.accepted().location(URI.create("/imports/" + job.id())).body(job);
    }

    private ResponseEntity<?> tooLarge() {
        return problem(HttpStatus.BAD_REQUEST, "the CSV is larger than the limit (" + this.uploads.limit() + ")");
    }

    @GetMapping("/imports/{id}")
    CompletableFuture<ResponseEntity<?>> status(@PathVariable String id) {
        return this.jobStatus.call(new JobStatusActor.Find(id))
            .thenApply((job) -> (job != null) ? ResponseEntity.ok(job)
                    : problem(HttpStatus.NOT_FOUND, "no such import job"));
    }

    private static ResponseEntity<?> problem(HttpStatus status, String detail) {
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(status, detail)).build();
    }
}
