package dev.actors.sample.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job map is bounded: finished jobs are forgotten beyond a count or an age, jobs in progress never.
 */
class ImportJobsTests {

    /** A clock the test moves. */
    static final class ManualClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            this.now = this.now.plus(duration);
        }

        @Override
        public Instant instant() {
            return this.now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();

    private final ImportJobs jobs = new ImportJobs(
            new ImportProperties(DataSize.ofMegabytes(1), 100, 10, Duration.ofHours(1)), this.clock);

    @Test
    void finishedJobsBeyondTheLimitAreForgottenOldestFirst() {
        List<ImportJob> created = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ImportJob job = this.jobs.create("upload");
            created.add(job);
            this.jobs.update((i % 2 == 0) ? job.running().done(i) : job.running().failed(0, "line 1: bad"));
            assertThat(this.jobs.size()).isLessThanOrEqualTo(10);
        }
        assertThat(this.jobs.find(created.get(989).id())).isEmpty();
        assertThat(this.jobs.find(created.get(990).id())).isPresent();
        assertThat(this.jobs.find(created.get(999).id())).isPresent();
    }

    @Test
    void jobsInProgressAreNeverForgotten() {
        List<ImportJob> waiting = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            waiting.add(this.jobs.create("upload"));
        }
        this.jobs.update(waiting.get(0).running());
        for (int i = 0; i < 30; i++) {
            ImportJob job = this.jobs.create("upload");
            this.jobs.update(job.running().done(1));
        }
        this.clock.advance(Duration.ofDays(1));
        this.jobs.create("upload");
        assertThat(waiting).allSatisfy((job) -> assertThat(this.jobs.find(job.id())).isPresent());
        assertThat(this.jobs.size()).isEqualTo(51);
    }

    @Test
    void finishedJobsOlderThanKeepFinishedForAreForgottenEvenWhenNothingElseFinishes() {
        ImportJob old = this.jobs.create("upload");
        this.jobs.update(old.running().done(1));
        this.clock.advance(Duration.ofMinutes(59));
        this.jobs.create("upload");
        assertThat(this.jobs.find(old.id())).isPresent();
        this.clock.advance(Duration.ofMinutes(2));
        this.jobs.create("upload");
        assertThat(this.jobs.find(old.id())).isEmpty();
    }
}
