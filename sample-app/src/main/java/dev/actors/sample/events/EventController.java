package dev.actors.sample.events;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.actors.ActorHandle;

/**
 * {@code POST /events} answers 201 only once the event is committed, together with the events of other requests
 * in one JDBC batch. Reads go straight to the database: only writes need the actor.
 */
@RestController
class EventController {

    private final ActorHandle<Event, Void> eventWriter;

    private final JdbcTemplate jdbc;

    EventController(ActorHandle<Event, Void> eventWriter, JdbcTemplate jdbc) {
        this.eventWriter = eventWriter;
        this.jdbc = jdbc;
    }

    /**
     * The body of {@code POST /events}.
     *
     * @param type what kind of event (required, at most {@value #MAX_TYPE_LENGTH} characters)
     * @param payload free text (optional, at most {@value #MAX_PAYLOAD_LENGTH} characters)
     */
    record NewEvent(String type, String payload) {

        /** The column sizes of schema.sql: a longer value would fail its whole JDBC batch, not just itself. */
        static final int MAX_TYPE_LENGTH = 100;

        static final int MAX_PAYLOAD_LENGTH = 4000;

        /**
         * Says what is wrong with the event, without quoting it: a client that sent 4 MB of payload does not need
         * it back.
         *
         * @return the problem, or {@code null} when the event can be stored
         */
        String problem() {
            if (this.type == null || this.type.isBlank()) {
                return "type is required, e.g. {\"type\":\"click\"}";
            }
            if (this.type.length() > MAX_TYPE_LENGTH) {
                return "type must be at most " + MAX_TYPE_LENGTH + " characters, but has " + this.type.length();
            }
            if (this.payload != null && this.payload.length() > MAX_PAYLOAD_LENGTH) {
                return "payload must be at most " + MAX_PAYLOAD_LENGTH + " characters, but has "
                        + this.payload.length();
            }
            return null;
        }
    }

    @PostMapping("/events")
    CompletableFuture<ResponseEntity<?>> create(@RequestBody(required = false) NewEvent body) {
        // Checked before the batch: a bad event answered here never shares a commit with good ones.
        String problem = (body != null) ? body.problem() : "a JSON body is required, e.g. {\"type\":\"click\"}";
        if (problem != null) {
            return CompletableFuture.completedFuture(
                    ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, problem)).build());
        }
        Event event = new Event(UUID.randomUUID().toString(), body.type(), body.payload(), Instant.now());
        return this.eventWriter.call(event)
            .thenApply((committed) -> ResponseEntity.created(URI.create("/events/" + event.id())).body(event));
    }

    @GetMapping("/events/{id}")
    ResponseEntity<?> get(@PathVariable String id) {
        List<Event> found = this.jdbc.query("SELECT id, type, payload, created_at FROM events WHERE id = ?",
                (row, n) -> new Event(row.getString(1), row.getString(2), row.getString(3),
                        row.getTimestamp(4).toInstant()),
                id);
        return found.isEmpty()
                ? ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no event " + id)).build()
                : ResponseEntity.ok(found.get(0));
    }

    @GetMapping("/events/count")
    Map<String, Long> count() {
        return Map.of("count", this.jdbc.queryForObject("SELECT COUNT(*) FROM events", Long.class));
    }
}
