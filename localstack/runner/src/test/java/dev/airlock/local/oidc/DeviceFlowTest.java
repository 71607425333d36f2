package dev.airlock.local.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The device authorization grant (RFC 8628) over HTTP: the device polls, the "browser" approves. */
class DeviceFlowTest {

    private final ProviderFixture provider = new ProviderFixture();

    @AfterEach
    void stop() {
        provider.close();
    }

    private JsonNode startDevice() {
        ProviderFixture.Reply reply = provider.postForm(provider.endpoint("/oauth2/device_authorization"),
                Map.of("client_id", OidcClients.CLI, "scope", "openid offline_access"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control").orElse("")).contains("no-store");
        return reply.json();
    }

    private ProviderFixture.Reply poll(JsonNode device) {
        return provider.token(Map.of("grant_type", TokenEndpoint.DEVICE_CODE_GRANT, "client_id", OidcClients.CLI,
                "device_code", device.path("device_code").asString()));
    }

    private ProviderFixture.Reply decide(JsonNode device, String field, String value) {
        ProviderFixture.Reply page = provider.get(URI.create(device.path("verification_uri_complete").asString()));
        assertThat(page.status()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>(page.hiddenFields());
        form.put(field, value);
        return provider.postForm(page.formAction(), form);
    }

    @Test
    void deviceAuthorization_shouldAnswerTheRfc8628Fields() {
        JsonNode device = startDevice();

        assertThat(device.path("device_code").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(device.path("user_code").asString()).matches("[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}");
        assertThat(device.path("verification_uri").asString()).isEqualTo(provider.issuer + "/device");
        assertThat(device.path("verification_uri_complete").asString())
                .isEqualTo(provider.issuer + "/device?user_code=" + device.path("user_code").asString());
        assertThat(device.path("expires_in").asLong()).isEqualTo(DeviceGrants.DEVICE_CODE_TTL.toSeconds());
        assertThat(device.path("interval").asLong()).isEqualTo(5);
    }

    @Test
    void deviceFlow_shouldBePendingThenIssueTokensOnceApproved() throws Exception {
        JsonNode device = startDevice();

        assertThat(poll(device).json().path("error").asString()).isEqualTo("authorization_pending");
        ProviderFixture.Reply approved = decide(device, "demo_user", "alice");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body()).contains("Device approved");
        provider.clock.advance(DeviceGrants.INTERVAL);
        ProviderFixture.Reply tokens = poll(device);

        assertThat(tokens.status()).isEqualTo(200);
        Optional<JWTClaimsSet> claims = provider.gatewayVerifier()
                .verify(Optional.of("Bearer " + tokens.json().path("access_token").asString()));
        assertThat(claims).hasValueSatisfying(c -> assertThat(c.getSubject()).isEqualTo("alice"));
        assertThat(tokens.json().path("refresh_token").asString()).isNotBlank();
        provider.clock.advance(DeviceGrants.INTERVAL);
        assertThat(poll(device).json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void pollingTooFast_shouldSlowDownAndWidenTheInterval() {
        JsonNode device = startDevice();
        assertThat(poll(device).json().path("error").asString()).isEqualTo("authorization_pending");

        provider.clock.advance(Duration.ofSeconds(1));
        ProviderFixture.Reply tooSoon = poll(device);
        assertThat(tooSoon.status()).isEqualTo(400);
        assertThat(tooSoon.json().path("error").asString()).isEqualTo("slow_down");

        provider.clock.advance(DeviceGrants.INTERVAL);
        assertThat(poll(device).json().path("error").asString()).as("5s after a slow_down: now 10s are due")
                .isEqualTo("slow_down");
        provider.clock.advance(DeviceGrants.INTERVAL.plus(DeviceGrants.SLOW_DOWN_STEP).plus(DeviceGrants.SLOW_DOWN_STEP));
        assertThat(poll(device).json().path("error").asString()).isEqualTo("authorization_pending");
    }

    @Test
    void expiredDeviceCode_shouldAnswerExpiredToken() {
        JsonNode device = startDevice();
        provider.clock.advance(DeviceGrants.DEVICE_CODE_TTL);

        assertThat(poll(device).json().path("error").asString()).isEqualTo("expired_token");
        ProviderFixture.Reply page = provider.get(URI.create(device.path("verification_uri_complete").asString()));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("unknown, expired or already used");
    }

    @Test
    void deniedDevice_shouldAnswerAccessDenied() {
        JsonNode device = startDevice();

        ProviderFixture.Reply denied = decide(device, "action", "deny");

        assertThat(denied.body()).contains("Device denied");
        assertThat(poll(device).json().path("error").asString()).isEqualTo("access_denied");
    }

    @Test
    void userCode_shouldBeAcceptedAsTypedInLowerCaseWithoutTheDash() {
        JsonNode device = startDevice();
        String typed = device.path("user_code").asString().replace("-", "").toLowerCase(java.util.Locale.ROOT);

        ProviderFixture.Reply page = provider.get("/device", Map.of("user_code", typed));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.hiddenFields()).containsEntry("user_code", device.path("user_code").asString());
    }

    @Test
    void verificationPage_withoutACode_shouldAskForIt() {
        ProviderFixture.Reply page = provider.get(provider.endpoint("/device"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"user_code\"").contains("LOCAL DEVELOPMENT ONLY");
    }

    @Test
    void deviceAuthorization_shouldRefuseAnUnknownClient() {
        ProviderFixture.Reply reply = provider.postForm(provider.endpoint("/oauth2/device_authorization"),
                Map.of("client_id", "someone-else"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").asString()).isEqualTo("invalid_client");
    }
}
