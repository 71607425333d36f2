package dev.airlock.cli.sso;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The redirect target of a native app (RFC 8252 §7.3): the JDK's HTTP server on 127.0.0.1 (not
 * "localhost", §8.3) on a port the system picks, serving {@code /callback} once. The first request to
 * {@code /callback} decides: its query is the authorization response; anything else gets a 404.
 */
final class LoopbackReceiver implements AutoCloseable {

    private static final String PATH = "/callback";

    private final HttpServer server;
    private final Optional<URI> fixed;
    private final CompletableFuture<Map<String, String>> response = new CompletableFuture<>();

    private LoopbackReceiver(HttpServer server, Optional<URI> fixed) {
        this.server = server;
        this.fixed = fixed;
    }

    static LoopbackReceiver start() {
        return start(Optional.empty());
    }

    /** @param fixed a redirect URI with a fixed port the provider insists on (see {@link Deployment#redirectUri}) */
    static LoopbackReceiver start(Optional<URI> fixed) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    fixed.map(URI::getPort).orElse(0)), 0);
            LoopbackReceiver receiver = new LoopbackReceiver(server, fixed);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new CliException(Exit.USAGE, "cannot listen on 127.0.0.1 for the sign-in redirect: " + e.getMessage());
        }
    }

    URI redirectUri() {
        return fixed.orElseGet(() -> URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH));
    }

    /** The authorization response's parameters, once the browser arrives. */
    Map<String, String> await(Duration limit) {
        try {
            return response.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CliException(Exit.DENIED, "sign-in was not completed within " + limit.toMinutes() + " minutes");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Exit.DENIED, "interrupted while waiting for the sign-in");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH) || !"GET".equals(exchange.getRequestMethod())
                    || response.isDone()) {
                reply(exchange, 404, "Not found.");
                return;
            }
            Map<String, String> parameters = query(exchange.getRequestURI().getRawQuery());
            reply(exchange, 200, "Sign-in response received; you may close this window and return to the terminal.");
            response.complete(parameters);
        }
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = ("<!doctype html><meta charset=\"utf-8\"><title>Airlock</title><p>" + text + "</p>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
