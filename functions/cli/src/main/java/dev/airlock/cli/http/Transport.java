package dev.airlock.cli.http;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** One HTTP exchange with the JDK client: connect timeout 5 s, 60 s for the whole call. */
public final class Transport {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final String ACCEPT = "application/json, application/problem+json;q=0.9, text/plain;q=0.8";

    private final HttpClient client;

    /**
     * @param tls whether any URL this transport will call is https. Without it the client gets a TLS
     *            context that trusts nothing: building the default one reads the JDK's whole trust
     *            store, a tenth of a second of start-up that plain-http calls (local-up) never use.
     */
    public Transport(boolean tls) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER);
        if (!tls) {
            builder.sslContext(trustingNothing());
        }
        client = builder.build();
    }

    private static SSLContext trustingNothing() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[0], new TrustManager[0], null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides TLS", e);
        }
    }

    /**
     * Sends {@code method uri} with the JSON {@code body} (null: none) and the extra headers.
     *
     * @throws NetworkFailure when no HTTP answer arrived
     */
    public Response send(String method, URI uri, String body, Map<String, String> headers) throws NetworkFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT).header("Accept", ACCEPT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(uri, response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After"));
        } catch (HttpTimeoutException e) {
            throw new NetworkFailure("timed out", e);
        } catch (IOException e) {
            throw new NetworkFailure(reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkFailure("interrupted", new IOException(e));
        }
    }

    /** The first message in the cause chain, on one line. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = Optional.ofNullable(t.getMessage()).map(String::strip).orElse("");
            if (!message.isEmpty()) {
                return message.lines().findFirst().orElse(message);
            }
        }
        return e.getClass().getSimpleName();
    }
}
