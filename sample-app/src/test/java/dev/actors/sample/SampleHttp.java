package dev.actors.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Talks to the running sample over real HTTP, as the README's curl examples do.
 */
public final class SampleHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final int port;

    /**
     * A client of the sample listening on {@code port}.
     *
     * @param port the sample's port
     */
    public SampleHttp(int port) {
        this.port = port;
    }

    /** Sends a JSON body, or none when {@code json} is {@code null}. */
    public HttpResponse<String> send(String method, String path, String json) throws Exception {
        return this.http.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a body of any content type. */
    public HttpResponse<String> send(String method, String path, String contentType, BodyPublisher body)
            throws Exception {
        return this.http.send(request(method, path).header("Content-Type", contentType).method(method, body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a JSON body, or none, without waiting for the answer. */
    public CompletableFuture<HttpResponse<String>> sendAsync(String method, String path, String json) {
        return this.http.sendAsync(request(method, path, json), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String method, String path, String json) {
        if (json == null) {
            return request(method, path).method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request(method, path).header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build();
    }

    private HttpRequest.Builder request(String method, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .timeout(Duration.ofSeconds(30));
    }

    /** Uploads a CSV to {@code POST /imports}, checks the 202, and returns the job's location. */
    public String startImport(BodyPublisher csv) throws Exception {
        HttpResponse<String> accepted = send("POST", "/imports", "text/csv", csv);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return accepted.headers().firstValue("Location").orElseThrow();
    }

    /** Polls an import job until it is done or failed, and returns its last state. */
    public HttpResponse<String> awaitFinishedJob(String location) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", location, null),
                (job) -> List.of("DONE", "FAILED").contains(field(job.body(), "status")));
    }

    /** Reads a top-level scalar field of a flat JSON object; enough for these small answers. */
    public static String field(String json, String name) {
        Matcher matcher = Pattern
            .compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,}\\s]*))")
            .matcher(json);
        if (!matcher.find()) {
            return null;
        }
        return (matcher.group(1) != null) ? matcher.group(1).replace("\\\"", "\"") : matcher.group(2);
    }
}
