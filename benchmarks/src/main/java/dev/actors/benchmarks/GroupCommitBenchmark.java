package dev.actors.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import dev.actors.ActorRef;
import dev.actors.ActorSettings;
import dev.actors.ActorSystem;

/**
 * Scenario 4b: 16 concurrent callers each storing one row in an in-memory H2 database and waiting until it is
 * committed, in rows per second.
 * <ul>
 * <li>{@code group-commit}: the sample's pattern, a {@code BatchActor} that inserts each batch (up to 8 rows) with
 * one JDBC {@code executeBatch} and one commit;</li>
 * <li>{@code actor-per-row}: the same actor with batching off ({@code batch.max-size: 1} in effect): a plain actor,
 * one insert and one commit per row;</li>
 * <li>{@code insert-per-request}: no actor, each caller inserts and commits on its own connection, as a controller
 * with a connection pool does.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GroupCommitBenchmark {

    private static final String URL = "jdbc:h2:mem:group-commit;DB_CLOSE_DELAY=-1";

    private static final String INSERT = "INSERT INTO events (type, payload) VALUES (?, ?)";

    private static final Event EVENT = new Event("click", "{\"x\":1,\"y\":2}");

    @Param({ "group-commit", "actor-per-row", "insert-per-request" })
    public String mode;

    private Connection admin;

    private Connection writer;

    private ActorSystem system;

    private ActorRef<Event, Object> ref;

    @Setup
    public void start() throws SQLException {
        this.admin = DriverManager.getConnection(URL);
        try (Statement statement = this.admin.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS events (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "type VARCHAR(64) NOT NULL, payload VARCHAR(1024) NOT NULL)");
        }
        if (this.mode.equals("insert-per-request")) {
            return;
        }
        this.writer = DriverManager.getConnection(URL);
        this.writer.setAutoCommit(false);
        PreparedStatement insert = this.writer.prepareStatement(INSERT);
        Connection connection = this.writer;
        this.system = ActorSystem.create();
        ActorSettings settings = ActorSettings.builder().mailboxCapacity(Target.CAPACITY).build();
        if (this.mode.equals("group-commit")) {
            this.ref = this.system.spawnBatch("event-writer", settings.toBuilder().batchMaxSize(8).build(),
                    () -> (List<Event> events) -> {
                        for (Event event : events) {
                            event.bind(insert);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        connection.commit();
                        return null;
                    });
        }
        else {
            this.ref = this.system.spawn("event-writer", settings, () -> (Event event) -> {
                event.bind(insert);
                insert.executeUpdate();
                connection.commit();
                return null;
            });
        }
    }

    /** Keeps the table small: every run starts from the same state. */
    @Setup(Level.Iteration)
    public void truncate() throws SQLException {
        try (Statement statement = this.admin.createStatement()) {
            statement.execute("TRUNCATE TABLE events");
        }
    }

    @TearDown
    public void stop() throws SQLException {
        if (this.system != null) {
            this.system.close();
            this.writer.close();
        }
        try (Statement statement = this.admin.createStatement()) {
            statement.execute("DROP TABLE events");
        }
        this.admin.close();
    }

    @Benchmark
    @Threads(16)
    public Object callers16(CallerConnection caller) throws SQLException {
        if (this.ref != null) {
            return this.ref.call(EVENT).join();
        }
        EVENT.bind(caller.insert);
        caller.insert.executeUpdate();
        caller.connection.commit();
        return null;
    }

    /** A caller's own connection, used only by {@code insert-per-request}. */
    @State(Scope.Thread)
    public static class CallerConnection {

        Connection connection;

        PreparedStatement insert;

        @Setup
        public void open(GroupCommitBenchmark benchmark) throws SQLException {
            if (benchmark.mode.equals("insert-per-request")) {
                this.connection = DriverManager.getConnection(URL);
                this.connection.setAutoCommit(false);
                this.insert = this.connection.prepareStatement(INSERT);
            }
        }

        @TearDown
        public void close() throws SQLException {
            if (this.connection != null) {
                this.connection.close();
            }
        }
    }

    /** One row. */
    record Event(String type, String payload) {

        void bind(PreparedStatement insert) throws SQLException {
            insert.setString(1, this.type);
            insert.setString(2, this.payload);
        }
    }
}
