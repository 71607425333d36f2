package dev.airlock.cli.sso;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The loopback listener: 127.0.0.1, a random port, /callback answered once. */
class LoopbackReceiverTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void callback_isTakenOnce_otherPathsAndLaterCallsGet404() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.start()) {
            URI redirect = receiver.redirectUri();
            assertThat(redirect.getHost()).isEqualTo("127.0.0.1");
            assertThat(redirect.getPort()).isPositive();
            assertThat(redirect.getPath()).isEqualTo("/callback");

            assertThat(get(redirect.resolve("/other?code=x")).statusCode()).isEqualTo(404);
            HttpResponse<String> first = get(URI.create(redirect + "?code=c%2B1&state=s-1"));
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(get(URI.create(redirect + "?code=second&state=s-1")).statusCode()).isEqualTo(404);

            assertThat(receiver.await(Duration.ofSeconds(5))).containsEntry("code", "c+1").containsEntry("state", "s-1")
                    .hasSize(2);
        }
    }
}
