package dev.airlock.local;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's files and headers in front of a stand-in API that answers 418 to everything. */
class ConsoleEndpointTest {

    private static final String ISSUER = "http://127.0.0.1:9999/dev";
    private HttpServer server;
    private URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        server.createContext("/", new ConsoleEndpoint(base, ISSUER, exchange -> {
            exchange.sendResponseHeaders(418, -1);
            exchange.close();
        }));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void thePageCarriesAStrictPolicyAndLoadsOnlyItsOwnModule() throws Exception {
        HttpResponse<String> page = send("GET", "/?code=abc&state=xyz");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self'; connect-src 'self' http://127.0.0.1:9999; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).contains("<script type=\"module\" src=\"assets/app.js\"></script>")
                .doesNotContain("<script>").doesNotContain("style=").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void assetsAndSettings() throws Exception {
        HttpResponse<String> script = send("GET", "/assets/app.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(send("GET", "/assets/console.css").headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        HttpResponse<String> settings = send("GET", "/console-config.json");
        assertThat(Api.JSON.readTree(settings.body()).path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(Api.JSON.readTree(settings.body()).path("clientId").asString()).isEqualTo("airlock-console");
        assertThat(Api.JSON.readTree(settings.body()).path("apiUrl").asString()).isEqualTo(base.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/requests", "/assets/missing.js", "/assets/..%2Findex.html", "/assets/APP.JS",
            "/assets/app.js.map", "/console/../index.html", "/ca"})
    void everythingElseGoesToTheApi(String path) throws Exception {
        assertThat(send("GET", path).statusCode()).isEqualTo(418);
    }

    @Test
    void onlyReadsAreServed() throws Exception {
        assertThat(send("POST", "/").statusCode()).isEqualTo(418);
        assertThat(send("DELETE", "/assets/app.js").statusCode()).isEqualTo(418);
    }
}
