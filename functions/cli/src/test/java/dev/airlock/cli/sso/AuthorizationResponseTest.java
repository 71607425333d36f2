package dev.airlock.cli.sso;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the loopback redirect may carry: state first, then issuer, error, code; and the request URL. */
class AuthorizationResponseTest {

    private static final String ISSUER = "http://127.0.0.1:8080/dev";
    private final Pkce pkce = Pkce.fresh();

    @Test
    void goodResponse_givesTheCode() {
        assertThat(AuthorizationCodeFlow.codeOf(Map.of("code", "c-1", "state", pkce.state(), "iss", ISSUER), pkce, ISSUER))
                .isEqualTo("c-1");
    }

    @Test
    void wrongOrMissingState_isRefusedBeforeTheCodeIsLookedAt() {
        for (Map<String, String> forged : List.of(Map.of("code", "c-1", "state", "forged"), Map.of("code", "c-1"),
                Map.of("error", "access_denied", "state", "forged"))) {
            assertThatThrownBy(() -> AuthorizationCodeFlow.codeOf(forged, pkce, ISSUER))
                    .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(Exit.DENIED))
                    .hasMessageContaining("its state does not match this sign-in's");
        }
    }

    @Test
    void anotherIssuer_errors_andNoCode_areRefused() {
        assertThatThrownBy(() -> AuthorizationCodeFlow.codeOf(Map.of("code", "c", "state", pkce.state(),
                "iss", "https://evil.example"), pkce, ISSUER)).hasMessageContaining("another issuer");
        assertThatThrownBy(() -> AuthorizationCodeFlow.codeOf(Map.of("error", "access_denied", "error_description",
                "the user cancelled", "state", pkce.state()), pkce, ISSUER))
                .hasMessage("sign-in failed: access_denied (the user cancelled)");
        assertThatThrownBy(() -> AuthorizationCodeFlow.codeOf(Map.of("state", pkce.state()), pkce, ISSUER))
                .hasMessageContaining("carries no code");
    }

    @Test
    void authorizationUrl_carriesPkceS256_stateNonce_andTheLoopbackRedirect() {
        Deployment deployment = new Deployment(ISSUER, "airlock-cli", "airlock-local", List.of("openid", "offline_access"),
                "sub", "groups", "1");
        ProviderMetadata provider = new ProviderMetadata(URI.create(ISSUER + "/authorize"),
                URI.create(ISSUER + "/oauth2/token"), Optional.empty(), URI.create(ISSUER + "/jwks"));
        URI url = AuthorizationCodeFlow.authorizationUrl(deployment, provider, pkce, URI.create("http://127.0.0.1:5000/callback"));

        Map<String, String> query = LoopbackReceiver.query(url.getRawQuery());
        assertThat(url.toString()).startsWith(ISSUER + "/authorize?");
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "airlock-cli")
                .containsEntry("redirect_uri", "http://127.0.0.1:5000/callback")
                .containsEntry("scope", "openid offline_access").containsEntry("state", pkce.state())
                .containsEntry("nonce", pkce.nonce()).containsEntry("code_challenge_method", "S256")
                .containsEntry("code_challenge", Pkce.challenge(pkce.verifier()));
        assertThat(pkce.verifier()).matches("[A-Za-z0-9_-]{43}");
        assertThat(pkce.challenge()).isNotEqualTo(pkce.verifier()).matches("[A-Za-z0-9_-]{43}");
    }
}
