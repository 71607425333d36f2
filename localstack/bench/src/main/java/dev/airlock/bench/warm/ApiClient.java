package dev.airlock.bench.warm;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the local gateway on 127.0.0.1 over one keep-alive HTTP/1.1 connection, one request at a time. */
final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    ApiClient(URI base) {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("the bench calls 127.0.0.1 only, not " + base);
        }
        this.base = base;
    }

    /** One call's status, body and client-side latency. */
    record Reply(int status, String body, long nanos) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Reply call(String method, String path, String token, String body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - started;
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                        + " (expected " + expectedStatus + "): " + response.body());
            }
            return new Reply(response.statusCode(), response.body(), nanos);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
