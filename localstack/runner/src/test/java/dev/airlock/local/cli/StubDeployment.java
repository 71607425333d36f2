package dev.airlock.local.cli;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * TEST ONLY: an "Airlock" that answers only {@code GET /.well-known/airlock}, with settings the test
 * chooses (an issuer whose clock the test controls, an audience the provider does not mint for).
 */
final class StubDeployment implements AutoCloseable {

    private final HttpServer server;

    private StubDeployment(HttpServer server) {
        this.server = server;
    }

    static StubDeployment serving(String issuer, String clientId, String audience) {
        String json = "{\"issuer\":\"" + issuer + "\",\"clientId\":\"" + clientId + "\",\"audience\":\"" + audience
                + "\",\"scopes\":[\"openid\",\"offline_access\"],\"userClaim\":\"sub\",\"groupsClaim\":\"groups\","
                + "\"apiVersion\":\"1\"}";
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/.well-known/airlock", exchange -> {
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new StubDeployment(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
