package dev.airlock.cli.krl;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.ssh.KrlParser;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The two public downloads a host makes without a user token: {@code GET /ca} and {@code GET /krl}
 * (docs/API.md). Bytes, not text: a KRL is binary. Any HTTP error, network failure, a body shorter
 * than its Content-Length (the JDK client fails the exchange) or longer than a KRL may be is an exit 5.
 */
final class KrlDownload {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    /** An authorized_keys line for an RSA-16384 key is ~3 KiB; more is not a CA line. */
    private static final int MAX_CA_BYTES = 16 * 1024;

    private final URI baseUrl;
    private final HttpClient client;

    KrlDownload(URI baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String caLine() {
        byte[] body = get("/ca", "text/plain", MAX_CA_BYTES);
        return new String(body, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
    }

    byte[] krl() {
        return get("/krl", "application/octet-stream", KrlParser.MAX_BYTES);
    }

    private byte[] get(String path, String accept, int limit) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT).header("Accept", accept).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes(limit + 1);
                if (response.statusCode() != 200) {
                    throw new CliException(Exit.UNAVAILABLE, "GET " + uri + " answered HTTP " + response.statusCode());
                }
                if (body.length > limit) {
                    throw new CliException(Exit.UNAVAILABLE, "GET " + uri + " sent more than " + limit + " bytes");
                }
                return body;
            }
        } catch (IOException e) {
            throw new CliException(Exit.UNAVAILABLE, "GET " + uri + " failed: " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Exit.UNAVAILABLE, "GET " + uri + " interrupted");
        }
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().strip().lines().findFirst().orElse("");
            }
        }
        return e.getClass().getSimpleName();
    }
}
