package dev.airlock.local;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TEST ONLY: plain HTTP against a running gateway, as {@code curl} would send it — no shortcut into
 * the process. Tokens come from the development issuer over HTTP too.
 */
final class Api {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    Api(URI base) {
        this.base = base;
    }

    /** A response: status, headers, body text. */
    record Reply(int status, Map<String, List<String>> headers, String body) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** Whether this is a problem+json of {@code status} whose body names the same status. */
        boolean isProblem(int expectedStatus) {
            return status == expectedStatus
                    && header("Content-Type").orElse("").startsWith("application/problem+json")
                    && json().path("status").asInt() == expectedStatus
                    && json().path("title").isString();
        }

        String code() {
            return json().path("code").asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A token for a demo user with the default groups. */
    String token(String user) {
        return requestToken("{\"user\":\"" + user + "\"}");
    }

    /** A token for any user with the given groups. */
    String token(String user, List<String> groups) {
        return requestToken(JSON.writeValueAsString(Map.of("user", user, "groups", groups)));
    }

    private String requestToken(String body) {
        Reply reply = send(HttpRequest.newBuilder(base.resolve("/dev/token"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
        if (reply.status() != 200) {
            throw new AssertionError("the development issuer refused a token: " + reply);
        }
        return reply.json().path("token").asString();
    }

    Reply get(String path, String token) {
        return send(authorized(path, token).GET());
    }

    Reply getWithoutToken(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply postJson(String path, String token, Object body) {
        return post(path, token, "application/json", body instanceof String text ? text : JSON.writeValueAsString(body));
    }

    Reply post(String path, String token, String contentType, String body) {
        HttpRequest.Builder request = authorized(path, token).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** Bob's (or anyone's) request for {@code roles}, created and checked. */
    String createRequest(String token, List<String> roles, String reason) {
        Reply reply = postJson("/requests", token, Map.of("roles", roles, "reason", reason));
        if (reply.status() != 201) {
            throw new AssertionError("creating a request failed: " + reply);
        }
        return reply.json().path("id").asString();
    }

    /** {@code POST /requests} for dba with a reason, whatever the outcome. */
    Reply createRequestReply(String token) {
        return postJson("/requests", token, Map.of("roles", List.of("dba"), "reason", "INC-1"));
    }

    Reply review(String token, String requestId, String verdict, String reason) {
        return postJson("/requests/" + requestId + "/reviews", token, Map.of("verdict", verdict, "reason", reason));
    }

    Reply sign(String token, String publicKey, String requestId) {
        return postJson("/certificates", token, requestId == null ? Map.of("publicKey", publicKey)
                : Map.of("publicKey", publicKey, "requestId", requestId));
    }

    /**
     * A GET written byte for byte on a socket, for request targets {@link java.net.URI} refuses to
     * build (bad percent escapes), as {@code curl --path-as-is} would send them.
     */
    Reply rawGet(String target, String token) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            String request = "GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headerEnd = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, headerEnd).split("\r\n");
            Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(headerEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpRequest.Builder authorized(String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
    }

    /** A response with a binary body (the KRL). */
    record BinaryReply(int status, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    /** {@code GET} without a token, keeping the body's bytes, as a host's KRL timer fetches it. */
    BinaryReply getBytesWithoutToken(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().timeout(TIMEOUT)
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            return new BinaryReply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
