package dev.airlock.aws.notify;

import dev.airlock.core.notify.DeliveryException;
import dev.airlock.core.notify.EventType;
import dev.airlock.core.notify.NotificationEvent;
import dev.airlock.core.notify.NotificationTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpNotificationSenderTest {

    static final Instant NOW = Instant.parse("2026-12-06T03:00:00.250Z");
    static final String KEY = "test-only-hmac-key-" + System.nanoTime();

    private final Receiver receiver = new Receiver();
    private final Map<String, String> secrets = Map.of(
            "hook-url", receiver.url("/hook?token=test-only-query-credential"),
            "hook-key", KEY,
            "slack-url", receiver.url("/services/T0/B0/test-only-slack"));
    private final HttpNotificationSender sender = new HttpNotificationSender(
            name -> Optional.ofNullable(secrets.get(name)), Clock.fixed(NOW, ZoneOffset.UTC));

    static final NotificationTarget WEBHOOK = new NotificationTarget("ops", NotificationTarget.Kind.WEBHOOK,
            "hook-url", Optional.of("hook-key"));
    static final NotificationTarget SLACK = new NotificationTarget("chat", NotificationTarget.Kind.SLACK,
            "slack-url", Optional.empty());

    HttpNotificationSenderTest() throws IOException {
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    static NotificationEvent event(EventType type, String reason) {
        return new NotificationEvent(type, "5f0c1c52-6c7e-4a8e-9d43-1f7bb0d2d0a1", "bob", List.of("dba"), reason,
                "PENDING", "bob", Optional.empty(),
                new NotificationEvent.Times(NOW, NOW, Optional.empty(), Optional.empty()), Optional.empty(),
                "access request approve 5f0c1c52-6c7e-4a8e-9d43-1f7bb0d2d0a1",
                new NotificationEvent.IdempotencyKey("request#5f0c1c52-6c7e-4a8e-9d43-1f7bb0d2d0a1", 1));
    }

    @Test
    void send_webhook_shouldPostTheSchemaJson_signedOverTimestampAndBody() throws Exception {
        sender.send(WEBHOOK, event(EventType.REQUEST_CREATED, "INC-16"));

        Receiver.Call call = receiver.calls().get(0);
        assertThat(call.header("Content-Type")).isEqualTo("application/json");
        String signature = call.header("Airlock-Signature");
        assertThat(signature).isEqualTo("t=" + NOW.getEpochSecond() + ",v1="
                + WebhookSignature.hmacHex(KEY, NOW.getEpochSecond() + "." + call.body()));
        // the receiver's check, written independently of WebhookSignature
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(("1796526000." + call.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(signature).isEqualTo("t=1796526000,v1=" + expected);
        JsonNode body = JsonMapper.builder().build().readTree(call.body());
        assertThat(body.get("schema").asInt()).isEqualTo(1);
        assertThat(body.get("type").asString()).isEqualTo("request.created");
        assertThat(body.get("audience").asString()).isEqualTo("reviewers");
        assertThat(body.get("user").asString()).isEqualTo("bob");
        assertThat(body.get("roles").get(0).asString()).isEqualTo("dba");
        assertThat(body.get("reason").asString()).isEqualTo("INC-16");
        assertThat(body.get("state").asString()).isEqualTo("PENDING");
        assertThat(body.get("times").get("createdAt").asString()).isEqualTo("2026-12-06T03:00:00.250Z");
        assertThat(body.get("times").get("accessExpiresAt").isNull()).isTrue();
        assertThat(body.get("review").asString()).isEqualTo("access request approve 5f0c1c52-6c7e-4a8e-9d43-1f7bb0d2d0a1");
        assertThat(body.get("idempotencyKey").get("chain").asString())
                .isEqualTo("request#5f0c1c52-6c7e-4a8e-9d43-1f7bb0d2d0a1");
        assertThat(body.get("idempotencyKey").get("seq").asLong()).isEqualTo(1);
        assertThat(call.path()).isEqualTo("/hook?token=test-only-query-credential");
    }

    @Test
    void send_slack_shouldEscapeUserText_soAReasonCannotPingOrLink() throws Exception {
        sender.send(SLACK, event(EventType.REQUEST_CREATED, "<!channel> & <https://evil|click> @here"));

        String body = receiver.calls().get(0).body();
        assertThat(body).doesNotContain("<!channel>").doesNotContain("<https://evil").doesNotContain("<!here>")
                .doesNotContain("@here");
        assertThat(body).contains("&lt;!channel&gt; &amp; &lt;https://evil|click&gt;");
        assertThat(body).contains("\"blocks\"").contains("access request approve");
    }

    @Test
    void send_slack_shouldPingHereOnlyForUrgentEvents() throws Exception {
        sender.send(SLACK, event(EventType.BREAK_GLASS_OPENED, "db down"));

        assertThat(receiver.calls().get(0).body()).contains("<!here>").contains("BREAK-GLASS");
    }

    @Test
    void send_shouldReportServerErrorsRetryable_andRefusalsNot_withoutTheUrl() {
        receiver.answer(500, 404, 429);

        assertThatThrownBy(() -> sender.send(WEBHOOK, event(EventType.REQUEST_CREATED, "x")))
                .isInstanceOf(DeliveryException.class).hasMessage("target 'ops' answered HTTP 500")
                .matches(e -> ((DeliveryException) e).retryable());
        assertThatThrownBy(() -> sender.send(WEBHOOK, event(EventType.REQUEST_CREATED, "x")))
                .hasMessage("target 'ops' answered HTTP 404")
                .matches(e -> !((DeliveryException) e).retryable());
        assertThatThrownBy(() -> sender.send(WEBHOOK, event(EventType.REQUEST_CREATED, "x")))
                .matches(e -> ((DeliveryException) e).retryable());
    }

    @Test
    void send_shouldNameAMissingSecret_notTryAnything() {
        NotificationTarget missing = new NotificationTarget("gone", NotificationTarget.Kind.SLACK, "nope",
                Optional.empty());

        assertThatThrownBy(() -> sender.send(missing, event(EventType.REQUEST_CREATED, "x")))
                .hasMessage("target 'gone': no secret named 'nope'");
        assertThat(receiver.calls()).isEmpty();
    }

    @Test
    void send_toAClosedPort_shouldBeRetryable_andNotNameTheUrl() {
        receiver.close();

        assertThatThrownBy(() -> sender.send(WEBHOOK, event(EventType.REQUEST_CREATED, "x")))
                .isInstanceOf(DeliveryException.class)
                .matches(e -> ((DeliveryException) e).retryable())
                .hasMessageStartingWith("target 'ops' unreachable: ")
                .hasMessageNotContaining("127.0.0.1").hasMessageNotContaining("token");
    }
}
