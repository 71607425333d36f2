package dev.airlock.app.function;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.testing.FunctionsHarness;
import dev.airlock.app.testing.LambdaResponse;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.identity.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The public {@code GET /.well-known/airlock}: the CLI's sign-in settings, without a token. */
class WellKnownAirlockTest {

    private static LambdaResponse get(Map<String, String> environment) {
        try (FunctionsHarness harness = FunctionsHarness.start(TestAirlock.demo(), environment)) {
            return harness.invoke("list", "get-well-known-anonymous.json");
        }
    }

    @Test
    void withAClientId_announcesIssuerClientAudienceScopesAndClaims_withoutAToken() {
        LambdaResponse response = get(Map.of(EnvironmentNames.OIDC_CLIENT_ID, "airlock-cli",
                EnvironmentNames.OIDC_SCOPES, "openid profile", EnvironmentNames.GROUPS_CLAIM, "cognito:groups",
                EnvironmentNames.OIDC_REDIRECT_URI, "http://localhost:53682/callback"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=60");
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactly("issuer", "clientId", "audience", "scopes", "userClaim",
                "groupsClaim", "apiVersion", "redirectUri");
        assertThat(body.get("issuer").asString()).isEqualTo(TestIssuer.shared().issuer());
        assertThat(body.get("clientId").asString()).isEqualTo("airlock-cli");
        assertThat(body.get("audience").asString()).isEqualTo(TestIssuer.AUDIENCE);
        assertThat(body.get("scopes").valueStream().map(JsonNode::asString).toList()).isEqualTo(List.of("openid", "profile"));
        assertThat(body.get("userClaim").asString()).isEqualTo("sub");
        assertThat(body.get("groupsClaim").asString()).isEqualTo("cognito:groups");
        assertThat(body.get("apiVersion").asString()).isEqualTo("1");
        assertThat(body.get("redirectUri").asString()).isEqualTo("http://localhost:53682/callback");
    }

    @Test
    void withoutAClientId_is404SsoNotConfigured() {
        LambdaResponse response = get(Map.of());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("sso_not_configured");
    }

    @Test
    void badSignInSettings_failTheConfigurationNamingTheVariable() {
        for (Map.Entry<String, String> bad : List.of(Map.entry(EnvironmentNames.OIDC_CLIENT_ID, "has space"),
                Map.entry(EnvironmentNames.OIDC_REDIRECT_URI, "https://evil.example/callback"),
                Map.entry(EnvironmentNames.OIDC_SCOPES, "openid \"quoted\""))) {
            Map<String, String> env = new java.util.HashMap<>(Map.of(EnvironmentNames.OIDC_CLIENT_ID, "airlock-cli"));
            env.put(bad.getKey(), bad.getValue());
            assertThatExceptionNamesVariable(env, bad.getKey());
        }
    }

    private static void assertThatExceptionNamesVariable(Map<String, String> env, String variable) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AirlockConfig.local(env)).hasMessageContaining(variable);
    }
}
