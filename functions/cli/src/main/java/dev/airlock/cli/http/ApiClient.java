package dev.airlock.cli.http;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.cli.auth.Credentials;
import dev.airlock.cli.auth.Unreachable;
import dev.airlock.cli.text.Json;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The Airlock HTTP API (docs/API.md) with the caller's token: throttled calls (429/503) are retried
 * after {@code Retry-After}, a 401 is retried once with a fresh token when the source can give one,
 * and HTTP errors become {@link CliException}s with the documented exit codes.
 */
public final class ApiClient {

    /** 429/503 carry Retry-After (docs/API.md "Errors"): honour it this many times in all. */
    private static final int THROTTLE_ATTEMPTS = 4;
    private static final int MAX_RETRY_AFTER_SECONDS = 10;

    private final URI baseUrl;
    private final Credentials credentials;
    private final boolean authenticate;
    private final Transport transport;

    /** @param authenticate false for calls that work without a token when none is configured (GET /ca) */
    public ApiClient(URI baseUrl, Credentials credentials, boolean authenticate, Transport transport) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.authenticate = authenticate;
        this.transport = transport;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** One call, retried as described above; any HTTP status comes back, a network failure exits 5. */
    public Response call(String method, String path, String body, Map<String, String> headers) {
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            Response response;
            try {
                response = exchange(method, path, body, headers);
            } catch (NetworkFailure e) {
                throw Unreachable.of(baseUrl, baseUrl, e);
            }
            if (response.status() == 401 && !renewed && authenticate && credentials.renew()) {
                renewed = true;
                attempt--;
                continue;
            }
            if ((response.status() == 429 || response.status() == 503) && attempt < THROTTLE_ATTEMPTS) {
                pause(retryAfterSeconds(response));
                continue;
            }
            return response;
        }
    }

    /** One exchange, no retries; a network failure goes to the caller (login tolerates a few). */
    public Response exchange(String method, String path, String body, Map<String, String> headers)
            throws NetworkFailure {
        return transport.send(method, uri(path), body, withToken(headers));
    }

    /** Whether a token is configured at all. */
    public Credentials credentials() {
        return credentials;
    }

    /** {@link #call}, then a JSON object, or the CLI exits (HTTP error; 5 for a reply that is not one). */
    public ObjectNode json(String method, String path, String body) {
        return json(method, path, body, Map.of());
    }

    public ObjectNode json(String method, String path, String body, Map<String, String> headers) {
        Response response = call(method, path, body, headers);
        if (!response.ok()) {
            throw Problems.failure(response);
        }
        return object(response, path);
    }

    /** The answer as a JSON object, or exit 5 naming what came instead. */
    public ObjectNode object(Response response, String path) {
        return response.jsonObject().orElseThrow(() -> new CliException(Exit.UNAVAILABLE, "unexpected reply from "
                + baseUrl + path + " (HTTP " + response.status() + ", not a JSON object)"));
    }

    public static String body(ObjectNode json) {
        return Json.compact(json);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Map<String, String> withToken(Map<String, String> headers) {
        if (!authenticate && !credentials.configured()) {
            return headers;
        }
        Map<String, String> all = new HashMap<>(headers);
        all.put("Authorization", "Bearer " + credentials.token());
        return all;
    }

    static int retryAfterSeconds(Response response) {
        String value = response.retryAfter().map(String::strip).orElse("");
        int seconds = value.matches("[0-9]{1,9}") ? Integer.parseInt(value) : 1;
        return Math.min(seconds, MAX_RETRY_AFTER_SECONDS);
    }

    private static void pause(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Exit.UNAVAILABLE, "interrupted while waiting to retry");
        }
    }
}
