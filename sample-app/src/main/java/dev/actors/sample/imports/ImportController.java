package dev.actors.sample.imports;

import java.net.URI;

import org.springframework.http.HttpStatus;
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
 */
@RestController
class ImportController {

    private final ActorHandle<ImportJob, Void> importJobs;

    private final ImportJobs jobs;

    ImportController(ActorHandle<ImportJob, Void> importJobs, ImportJobs jobs) {
        this.importJobs = importJobs;
        this.jobs = jobs;
    }

    /**
     * The body of {@code POST /imports}.
     *
     * @param source {@code sample} for the generated 100,000-row CSV, or the path of a CSV file on the server
     */
    record ImportRequest(String source) {
    }

    @PostMapping("/imports")
    ResponseEntity<?> start(@RequestBody(required = false) ImportRequest request) {
        if (request == null || request.source() == null || request.source().isBlank()) {
            return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "source is required: \"sample\" or the path of a CSV file with the header sku,quantity"))
                .build();
        }
        ImportJob job = this.jobs.create(request.source().trim());
        try {
            // MailboxFullException / ActorClosedException become 503 through the starter's problem mapping.
            this.importJobs.cast(job);
        }
        catch (RuntimeException ex) {
            this.jobs.remove(job.id());
            throw ex;
        }
        return ResponseEntity.accepted().location(URI.create("/imports/" + job.id())).body(job);
    }

    @GetMapping("/imports/{id}")
    ResponseEntity<?> status(@PathVariable String id) {
        return this.jobs.find(id)
            .<ResponseEntity<?>>map(ResponseEntity::ok)
            .orElseGet(() -> ResponseEntity
                .of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no import job " + id))
                .build());
    }
}
