package dev.airlock.local.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TEST ONLY: an HTTP server on 127.0.0.1 that answers with canned replies, for what a real Airlock
 * cannot be made to do on demand: list pages that are empty while {@code nextCursor} is set, two ids
 * sharing a prefix, throttling, failures. It records every request (method, path and query,
 * Authorization header) so tests can check what the CLI sent.
 */
final class StubAirlock implements AutoCloseable {

    /** A canned reply. */
    record Reply(int status, String contentType, String body, Map<String, String> headers) {

        static Reply json(int status, String body) {
            return new Reply(status, "application/json", body, Map.of());
        }

        static Reply problem(int status, String detail) {
            return new Reply(status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"t\",\"status\":"
                    + status + ",\"detail\":\"" + detail + "\",\"code\":\"c\"}", Map.of());
        }

        Reply withHeader(String name, String value) {
            Map<String, String> copy = new java.util.HashMap<>(headers);
            copy.put(name, value);
            return new Reply(status, contentType, body, copy);
        }
    }

    /** A request the CLI sent. */
    record Received(String route, String authorization, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final List<Received> received = java.util.Collections.synchronizedList(new ArrayList<>());

    private StubAirlock(HttpServer server) {
        this.server = server;
    }

    static StubAirlock start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StubAirlock stub = new StubAirlock(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Canned JSON from src/test/resources/cli/. */
    static String resource(String name) {
        try (InputStream in = StubAirlock.class.getResourceAsStream("/cli/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource cli/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers {@code route} ("GET /requests?cursor=c1": method, raw path, raw query) with the replies in
     * turn; the last one repeats.
     */
    StubAirlock on(String route, Reply... answers) {
        replies.put(route, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<String> routes() {
        return received().stream().map(Received::route).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String route = exchange.getRequestMethod() + " " + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(route, exchange.getRequestHeaders().getFirst("Authorization"), body));
            Reply reply = next(route);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Reply next(String route) {
        Deque<Reply> queue = replies.get(route);
        if (queue == null) {
            return Reply.problem(404, "no stub for " + route);
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
