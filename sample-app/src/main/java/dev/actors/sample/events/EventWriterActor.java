package dev.actors.sample.events;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.actors.spring.ActorWorker;
import dev.actors.BatchActor;

/**
 * Group commit: inserts every event of a batch with one JDBC batch in one transaction. Under load, one commit
 * serves many requests (see {@code actors.workers.event-writer.batch.*}); each request is answered when the
 * commit that holds its row is done. A batch that fails is rolled back whole, so it is safe to retry: with
 * {@code batch.on-failure: bisect} the runtime retries its halves until the rows the database refuses stand alone,
 * and only their requests fail.
 */
@ActorWorker("event-writer")
class EventWriterActor implements BatchActor<Event, Void> {

    private static final String INSERT = "INSERT INTO events (id, type, payload, created_at) VALUES (?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transaction;

    EventWriterActor(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public List<Void> handleBatch(List<Event> events) {
        this.transaction.executeWithoutResult((status) -> this.jdbc.batchUpdate(INSERT, events, events.size(),
                (statement, event) -> {
                    statement.setString(1, event.id());
                    statement.setString(2, event.type());
                    statement.setString(3, event.payload());
                    statement.setTimestamp(4, Timestamp.from(event.createdAt()));
                }));
        return null;   // every caller of the batch gets null: "your row is committed"
    }
}
