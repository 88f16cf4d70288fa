package dev.actors.sample.imports;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.actors.ActorRef;
import dev.actors.ActorSystem;
import dev.actors.sample.SampleHttp;

import static dev.actors.sample.SampleHttp.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One actor talking to another: the import actor casts each change of a job's status to the {@code job-status}
 * actor, and the controller calls that actor to create a job and to read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobStatusTests {

    @LocalServerPort
    private int port;

    @Autowired
    private ActorSystem actorSystem;

    @Test
    void anImportsStatusesGoThroughTheJobStatusActor() throws Exception {
        SampleHttp http = new SampleHttp(this.port);
        ActorRef<?, ?> jobStatus = this.actorSystem.find("job-status").orElseThrow();
        ActorRef<?, ?> importJobs = this.actorSystem.find("import-jobs").orElseThrow();
        long importsBefore = importJobs.stats().handled();
        long before = jobStatus.stats().handled();
        String location = http.startImport(HttpRequest.BodyPublishers.ofString("sku,quantity\napple,3\n"));
        HttpResponse<String> done = http.awaitFinishedJob(location);
        assertThat(field(done.body(), "status")).isEqualTo("DONE");
        assertThat(importJobs.stats().handled()).isEqualTo(importsBefore + 1);
        // Created (a call), running and done (casts from the import actor), and at least the read that saw it done.
        long afterImport = jobStatus.stats().handled();
        assertThat(afterImport - before).isGreaterThanOrEqualTo(4);
        assertThat(http.send("GET", location, null).statusCode()).isEqualTo(200);
        assertThat(jobStatus.stats().handled()).isEqualTo(afterImport + 1);
        assertThat(jobStatus.stats().failed()).isZero();
    }
}
