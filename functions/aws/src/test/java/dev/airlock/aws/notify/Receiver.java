package dev.airlock.aws.notify;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * TEST ONLY: a local webhook receiver (JDK HttpServer on loopback) that records every call and answers
 * with scripted statuses (200 once the script is used up).
 */
final class Receiver implements AutoCloseable {

    record Call(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status;
            synchronized (this) {
                calls.add(new Call(exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders()), body));
                Integer next = statuses.poll();
                status = next == null ? 200 : next;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL of {@code path} (with a query, as Slack-like URLs carry credentials). */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized Receiver answer(int... script) {
        for (int s : script) {
            statuses.add(s);
        }
        return this;
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
