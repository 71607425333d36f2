package dev.airlock.local.oidc;

import dev.airlock.core.testing.MutableClock;
import dev.airlock.local.DemoUsers;
import dev.airlock.local.LocalAirlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole local Airlock (functions, tables, gateway): tokens from the provider's PKCE and device
 * flows are accepted by the API as bob's and alice's; the ID token is not an access token.
 */
class OidcSignInIT {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-07T19:38:02Z"));
    private final LocalAirlock airlock = LocalAirlock.start(LocalAirlock.Settings.inMemory(builtIn("roles.yaml"),
            DemoUsers.parse(builtIn(DemoUsers.FILE_NAME)), clock));
    private final ProviderFixture provider = new ProviderFixture(clock, airlock.gateway(), airlock);

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void pkceSignIn_shouldGiveBobATokenTheApiAccepts() {
        ProviderFixture.Pkce pkce = ProviderFixture.Pkce.fresh();
        String code = provider.codeFor(provider.authorizationRequest(pkce), "bob");
        JsonNode tokens = provider.exchangeCode(code, pkce).json();

        assertThat(provider.api("/requests", tokens.path("access_token").asString()).status()).isEqualTo(200);
        assertThat(provider.api("/requests", tokens.path("id_token").asString()).status()).isEqualTo(401);
        JsonNode refreshed = provider.token(Map.of("grant_type", "refresh_token", "client_id", OidcClients.CLI,
                "refresh_token", tokens.path("refresh_token").asString())).json();
        assertThat(provider.api("/requests", refreshed.path("access_token").asString()).status()).isEqualTo(200);
    }

    @Test
    void deviceSignIn_shouldGiveAliceATokenTheApiAccepts() {
        JsonNode device = provider.postForm(provider.endpoint("/oauth2/device_authorization"),
                Map.of("client_id", OidcClients.CLI)).json();
        ProviderFixture.Reply page = provider.get(URI.create(device.path("verification_uri_complete").asString()));
        Map<String, String> form = new LinkedHashMap<>(page.hiddenFields());
        form.put("demo_user", "alice");
        provider.postForm(page.formAction(), form);

        JsonNode tokens = provider.token(Map.of("grant_type", TokenEndpoint.DEVICE_CODE_GRANT, "client_id", OidcClients.CLI,
                "device_code", device.path("device_code").asString())).json();

        assertThat(provider.api("/requests", tokens.path("access_token").asString()).status()).isEqualTo(200);
    }

    private static String builtIn(String file) {
        try (InputStream in = OidcSignInIT.class.getResourceAsStream("/airlock-local-config/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the built-in " + file + " is missing from target/classes");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
