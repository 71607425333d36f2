package dev.airlock.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEST ONLY: a webhook receiver on 127.0.0.1 as docs/NOTIFICATIONS.md tells one to write it: it checks
 * {@code Airlock-Signature: t=<unix>,v1=<hex HMAC-SHA256(key, "<t>.<body>")>} in constant time and the
 * secret {@code token} query, records every call, and answers the statuses it was told to, then 200.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    /** One call as received: whether it was authentic, what it carried, what it was answered. */
    record Call(boolean tokenMatches, boolean signatureValid, String signatureHeader, long t, String body,
                int answered) {

        JsonNode json() {
            return Api.JSON.readTree(body);
        }

        String type() {
            return json().path("type").asString();
        }

        String requestId() {
            return json().path("id").asString();
        }

        /** {@code chain#seq} of the audit record the event came from. */
        String idempotencyKey() {
            JsonNode key = json().path("idempotencyKey");
            return key.path("chain").asString() + "#" + key.path("seq").asLong();
        }

        String signature() {
            Matcher m = SIGNATURE.matcher(signatureHeader);
            return m.matches() ? m.group(2) : "";
        }
    }

    private final HttpServer server;
    private final byte[] key;
    private final String token;
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Integer> plannedStatuses = new ArrayDeque<>();

    private WebhookReceiver(HttpServer server, byte[] key, String token) {
        this.server = server;
        this.key = key;
        this.token = token;
    }

    static WebhookReceiver start(String key, String token) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server, key.getBytes(StandardCharsets.UTF_8), token);
        server.createContext("/hook", receiver::handle);
        server.start();
        return receiver;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook?token=" + token);
    }

    /** The next calls are answered with {@code statuses}, in order; after them, 200 again. */
    synchronized void answerNext(int... statuses) {
        for (int status : statuses) {
            plannedStatuses.add(status);
        }
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String header = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Airlock-Signature")).orElse("");
            boolean tokenMatches = ("token=" + token).equals(exchange.getRequestURI().getRawQuery());
            Matcher m = SIGNATURE.matcher(header);
            boolean valid = m.matches() && MessageDigest.isEqual(
                    hmac(m.group(1) + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII),
                    m.group(2).getBytes(StandardCharsets.US_ASCII));
            int status;
            synchronized (this) {
                Integer planned = plannedStatuses.poll();
                status = planned == null ? 200 : planned;
                calls.add(new Call(tokenMatches, valid, header, m.matches() ? Long.parseLong(m.group(1)) : -1,
                        new String(body, StandardCharsets.UTF_8), status));
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private String hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
