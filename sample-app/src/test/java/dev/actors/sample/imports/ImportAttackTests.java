package dev.actors.sample.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.actors.sample.SampleHttp;

import static dev.actors.sample.SampleHttp.field;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks a client tried on the imports: naming a server file, an oversized body, an endless line, and more jobs
 * than the service should remember. Small limits, so that each attack is cheap to run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "sample.imports.max-size=64KB", "sample.imports.max-line-length=100",
                "sample.imports.max-finished-jobs=5", "sample.inventory.max-skus=3" })
@ExtendWith(OutputCaptureExtension.class)
class ImportAttackTests {

    private static final long LIMIT = 64 * 1024;

    @LocalServerPort
    private int port;

    @Autowired
    private ImportJobs jobs;

    private SampleHttp http;

    @BeforeEach
    void client() {
        this.http = new SampleHttp(this.port);
    }

    @Test
    void aServerPathIsNeitherReadNorEchoedNorLogged(CapturedOutput output) throws Exception {
        for (String path : List.of("/etc/shadow", "/proc/self/environ", "../../etc/passwd", "sample/../x")) {
            HttpResponse<String> refused = this.http.send("POST", "/imports", "{\"source\": \"" + path + "\"}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("must be \\\"sample\\\"").doesNotContain(path);
        }
        assertThat(output).doesNotContain("/etc/shadow").doesNotContain("/proc/self").doesNotContain("etc/passwd");
    }

    @Test
    void aHugeSourceIsRefusedWithoutBeingEchoedKeptOrLogged(CapturedOutput output) throws Exception {
        int before = this.jobs.size();
        String huge = "A".repeat(5_000_000);
        HttpResponse<String> refused = this.http.send("POST", "/imports", "{\"source\": \"" + huge + "\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).hasSizeLessThan(1000);
        assertThat(this.jobs.size()).isEqualTo(before);
        assertThat(output).doesNotContain("AAAAAAAAAA");
    }

    @Test
    void aFailingCsvIsDescribedNeverEchoed(CapturedOutput output) throws Exception {
        String location = upload(HttpRequest.BodyPublishers.ofString("root:secret-hash:19000:0:99999:7:::\n"));
        HttpResponse<String> failed = awaitFinished(location);
        assertThat(field(failed.body(), "status")).isEqualTo("FAILED");
        assertThat(field(failed.body(), "error")).isEqualTo("line 1: expected the header sku,quantity");
        assertThat(failed.body()).doesNotContain("secret-hash");
        assertThat(output).contains("line 1: expected the header sku,quantity").doesNotContain("secret-hash");
    }

    @Test
    void anOversizedBodyIsA400AndNoJob() throws Exception {
        int before = this.jobs.size();
        byte[] body = csvOfSize(LIMIT + 1);
        // Declared up front (Content-Length), and streamed without a length (chunked): both stop at the limit.
        HttpResponse<String> declared = this.http.send("POST", "/imports", "text/csv",
                HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> streamed = this.http.send("POST", "/imports", "text/csv",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
        for (HttpResponse<String> refused : List.of(declared, streamed)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    (type) -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("larger than the limit (sample.imports.max-size, 65536 bytes)");
        }
        assertThat(this.jobs.size()).isEqualTo(before);
        // Exactly at the limit is fine.
        assertThat(field(awaitFinished(upload(HttpRequest.BodyPublishers.ofByteArray(csvOfSize(LIMIT)))).body(),
                "status")).isEqualTo("DONE");
    }

    @Test
    void anEndlessBodyIsCutAtTheLimitAndStartsNoJob() throws Exception {
        int before = this.jobs.size();
        // /dev/zero as a client would send it: a body that never ends. The server reads up to the limit, answers
        // 400 and closes the connection; the client, still sending, may see the reset before the answer.
        try {
            HttpResponse<String> refused = this.http.send("POST", "/imports", "text/csv",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
                        @Override
                        public int read() {
                            return 0;
                        }
                    }));
            assertThat(refused.statusCode()).isEqualTo(400);
        }
        catch (IOException ex) {
            // The connection was closed on the endless sender: the server did not wait for the end.
        }
        assertThat(this.jobs.size()).isEqualTo(before);
        assertThat(this.http.send("GET", "/imports/nope", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anEndlessLineFailsTheJobWithAClearReason() throws Exception {
        byte[] oneLine = new byte[(int) LIMIT];
        java.util.Arrays.fill(oneLine, (byte) '0');
        HttpResponse<String> failed = awaitFinished(upload(HttpRequest.BodyPublishers.ofByteArray(oneLine)));
        assertThat(field(failed.body(), "status")).isEqualTo("FAILED");
        assertThat(field(failed.body(), "error"))
            .isEqualTo("line 1: longer than 100 characters (sample.imports.max-line-length)");
    }

    @Test
    void manyJobsDoNotGrowTheJobMapWithoutBound() throws Exception {
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String location = upload(HttpRequest.BodyPublishers.ofString("sku,quantity\napple," + i + "\n"));
            awaitFinished(location);
            locations.add(location);
            // Five finished jobs at most, plus none waiting or running: each job is over before the next starts.
            assertThat(this.jobs.size()).isLessThanOrEqualTo(5);
        }
        assertThat(this.http.send("GET", locations.get(0), null).statusCode()).isEqualTo(404);
        assertThat(this.http.send("GET", locations.get(19), null).statusCode()).isEqualTo(200);
    }

    @Test
    void theInventoryHoldsAtMostMaxSkusAndRefusesBadSkus() throws Exception {
        for (String sku : List.of("a", "b", "c")) {
            assertThat(this.http.send("PUT", "/inventory/" + sku, "{\"quantity\": 1}").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> full = this.http.send("PUT", "/inventory/d", "{\"quantity\": 1}");
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.body()).contains("sample.inventory.max-skus");
        assertThat(this.http.send("PUT", "/inventory/a", "{\"quantity\": 5}").statusCode()).isEqualTo(200);
        String longSku = "x".repeat(65);
        HttpResponse<String> tooLong = this.http.send("GET", "/inventory/" + longSku, null);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(field(tooLong.body(), "detail")).contains("1 to 64 letters").doesNotContain(longSku);
    }

    private String upload(HttpRequest.BodyPublisher body) throws Exception {
        return this.http.startImport(body);
    }

    private HttpResponse<String> awaitFinished(String location) {
        return this.http.awaitFinishedJob(location);
    }

    /** A valid CSV of exactly {@code size} bytes. */
    private static byte[] csvOfSize(long size) {
        StringBuilder csv = new StringBuilder("sku,quantity\n");
        while (csv.length() + 9 <= size) {
            csv.append("apple,42\n");
        }
        csv.append(" ".repeat((int) (size - csv.length())));
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
