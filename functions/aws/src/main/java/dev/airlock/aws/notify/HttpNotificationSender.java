package dev.airlock.aws.notify;

import dev.airlock.core.notify.DeliveryException;
import dev.airlock.core.notify.NotificationEvent;
import dev.airlock.core.notify.NotificationTarget;
import dev.airlock.core.port.NotificationSender;
import dev.airlock.core.port.NotifySecrets;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Sends an event as one HTTPS POST: a webhook gets {@link EventJson} signed with {@link WebhookSignature}
 * (timestamp from the injected clock), Slack gets a {@link SlackMessage}. Each call is bounded by
 * {@link #TIMEOUT}. A failure's message names the target and the status or error class only: never
 * the URL (it is a secret: Slack's is a bearer credential), its query, the key or the signature.
 */
public final class HttpNotificationSender implements NotificationSender {

    /** Per-call bound (connect and response), so a receiver that hangs costs at most this per attempt. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final NotifySecrets secrets;
    private final Clock clock;

    public HttpNotificationSender(NotifySecrets secrets, Clock clock) {
        this(HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build(),
                secrets, clock);
    }

    public HttpNotificationSender(HttpClient http, NotifySecrets secrets, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void send(NotificationTarget target, NotificationEvent event) throws DeliveryException {
        URI url = url(target);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json");
        String body;
        if (target.kind() == NotificationTarget.Kind.WEBHOOK) {
            body = EventJson.render(event);
            String key = secret(target, target.signingSecret().orElseThrow());
            request.header(WebhookSignature.HEADER,
                    WebhookSignature.header(key, clock.instant().getEpochSecond(), body));
        } else {
            body = SlackMessage.render(event);
        }
        int status = post(target, request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        if (status / 100 != 2) {
            boolean retryable = status == 408 || status == 429 || status >= 500;
            throw new DeliveryException("target '" + target.name() + "' answered HTTP " + status, retryable);
        }
    }

    private int post(NotificationTarget target, HttpRequest.Builder request) throws DeliveryException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("target '" + target.name() + "' timed out after " + TIMEOUT.toSeconds() + " s",
                    true);
        } catch (IOException e) {
            // the exception's message may hold the host or URL: only its class is reported
            throw new DeliveryException("target '" + target.name() + "' unreachable: " + e.getClass().getSimpleName(),
                    true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while calling target '" + target.name() + "'", false);
        }
    }

    private URI url(NotificationTarget target) throws DeliveryException {
        String text = secret(target, target.urlSecret());
        URI url;
        try {
            url = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("the secret '" + target.urlSecret() + "' is not a URL", false);
        }
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new DeliveryException("the secret '" + target.urlSecret() + "' is not an http(s) URL", false);
        }
        return url;
    }

    private String secret(NotificationTarget target, String name) throws DeliveryException {
        try {
            return secrets.value(name).orElseThrow(() -> new DeliveryException(
                    "target '" + target.name() + "': no secret named '" + name + "'", false));
        } catch (IllegalStateException e) {
            throw new DeliveryException("target '" + target.name() + "': " + e.getMessage(), true);
        }
    }
}
