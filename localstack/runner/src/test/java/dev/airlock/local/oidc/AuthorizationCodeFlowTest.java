package dev.airlock.local.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.airlock.local.DevTokenIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The authorization code flow with PKCE, end to end over HTTP: the "browser" signs in, the "CLI" redeems. */
class AuthorizationCodeFlowTest {

    private final ProviderFixture provider = new ProviderFixture();

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void discovery_shouldPublishTheEndpointsAndWhatIsSupported() {
        JsonNode discovery = provider.get(provider.endpoint("/.well-known/openid-configuration")).json();

        assertThat(discovery.path("issuer").asString()).isEqualTo(provider.issuer);
        assertThat(discovery.path("authorization_endpoint").asString()).isEqualTo(provider.issuer + "/authorize");
        assertThat(discovery.path("token_endpoint").asString()).isEqualTo(provider.issuer + "/oauth2/token");
        assertThat(discovery.path("device_authorization_endpoint").asString())
                .isEqualTo(provider.issuer + "/oauth2/device_authorization");
        assertThat(discovery.path("jwks_uri").asString()).isEqualTo(provider.issuer + "/jwks.json");
        assertThat(discovery.path("response_types_supported").toString()).isEqualTo("[\"code\"]");
        assertThat(discovery.path("grant_types_supported").toString()).isEqualTo(
                "[\"authorization_code\",\"refresh_token\",\"urn:ietf:params:oauth:grant-type:device_code\"]");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(discovery.path("token_endpoint_auth_methods_supported").toString()).isEqualTo("[\"none\"]");
        assertThat(discovery.path("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"ES256\"]");
        assertThat(discovery.path("scopes_supported").toString()).contains("\"openid\"");
    }

    @Test
    void pkceFlow_shouldIssueTokensTheGatewayAcceptsAndAnIdTokenForTheClient() throws Exception {
        ProviderFixture.Pkce pkce = ProviderFixture.Pkce.fresh();
        ProviderFixture.Reply redirect = provider.signInAs(provider.authorizationRequest(pkce), "bob");

        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.redirectTarget()).isEqualTo(ProviderFixture.REDIRECT);
        assertThat(redirect.redirectParameters()).containsEntry("state", "state-123").containsEntry("iss", provider.issuer);
        ProviderFixture.Reply tokens = provider.exchangeCode(redirect.redirectParameters().get("code"), pkce);

        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.header("Cache-Control").orElse("")).contains("no-store");
        assertThat(tokens.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.json().path("expires_in").asLong()).isEqualTo(TokenIssuance.ACCESS_TOKEN_TTL.toSeconds());
        assertThat(tokens.json().path("refresh_token").asString()).isNotBlank();
        Optional<JWTClaimsSet> access = provider.gatewayVerifier()
                .verify(Optional.of("Bearer " + tokens.json().path("access_token").asString()));
        assertThat(access).isPresent();
        assertThat(access.get().getSubject()).isEqualTo("bob");
        assertThat(access.get().getStringListClaim("groups")).containsExactly("contractors");
        assertThat(access.get().getExpirationTime().toInstant())
                .isEqualTo(provider.clock.instant().plus(TokenIssuance.ACCESS_TOKEN_TTL));
        JWTClaimsSet id = SignedJWT.parse(tokens.json().path("id_token").asString()).getJWTClaimsSet();
        assertThat(id.getAudience()).containsExactly(OidcClients.CLI);
        assertThat(id.getStringClaim("nonce")).isEqualTo("nonce-456");
        assertThat(id.getIssuer()).isEqualTo(provider.issuer);
        assertThat(id.getSubject()).isEqualTo("bob");
    }

    @Test
    void idToken_shouldNotPassTheGatewayAsAnAccessToken() throws Exception {
        ProviderFixture.Pkce pkce = ProviderFixture.Pkce.fresh();
        String code = provider.codeFor(provider.authorizationRequest(pkce), "alice");
        String idToken = provider.exchangeCode(code, pkce).json().path("id_token").asString();

        assertThat(SignedJWT.parse(idToken).getJWTClaimsSet().getAudience()).doesNotContain(DevTokenIssuer.AUDIENCE);
        assertThat(provider.gatewayVerifier().verify(Optional.of("Bearer " + idToken))).isEmpty();
    }

    @Test
    void replayedCode_shouldBeRefusedAndRevokeTheRefreshTokenIssuedFromIt() {
        ProviderFixture.Pkce pkce = ProviderFixture.Pkce.fresh();
        String code = provider.codeFor(provider.authorizationRequest(pkce), "bob");
        String refreshToken = provider.exchangeCode(code, pkce).json().path("refresh_token").asString();

        ProviderFixture.Reply replay = provider.exchangeCode(code, pkce);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(replay.header("Cache-Control").orElse("")).contains("no-store");
        ProviderFixture.Reply refresh = provider.token(Map.of("grant_type", "refresh_token",
                "client_id", OidcClients.CLI, "refresh_token", refreshToken));
        assertThat(refresh.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void wrongCodeVerifier_shouldBeRefusedAndBurnTheCode() {
        ProviderFixture.Pkce pkce = ProviderFixture.Pkce.fresh();
        String code = provider.codeFor(provider.authorizationRequest(pkce), "bob");

        ProviderFixture.Reply wrong = provider.exchangeCode(code, ProviderFixture.Pkce.fresh());

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(wrong.json().path("error_description").asString()).contains("code_verifier");
        assertThat(provider.exchangeCode(code, pkce).json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void redirectUriMismatch_shouldBeRefused() {
        ProviderFixture.Pkce pkce = ProviderFixture.Pkce.fresh();
        String code = provider.codeFor(provider.authorizationRequest(pkce), "bob");

        ProviderFixture.Reply reply = provider.token(Map.of("grant_type", "authorization_code", "client_id", OidcClients.CLI,
                "code", code, "redirect_uri", "http://127.0.0.1:43118/callback", "code_verifier", pkce.verifier()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(reply.json().path("error_description").asString()).contains("redirect_uri");
    }

    @Test
    void codeForAnotherClient_shouldBeRefused() {
        ProviderFixture.Pkce pkce = ProviderFixture.Pkce.fresh();
        String code = provider.codeFor(provider.authorizationRequest(pkce), "bob");

        ProviderFixture.Reply reply = provider.token(Map.of("grant_type", "authorization_code", "client_id", OidcClients.CONSOLE,
                "code", code, "redirect_uri", ProviderFixture.REDIRECT, "code_verifier", pkce.verifier()));

        assertThat(reply.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void expiredCode_shouldBeRefused() {
        ProviderFixture.Pkce pkce = ProviderFixture.Pkce.fresh();
        String code = provider.codeFor(provider.authorizationRequest(pkce), "bob");
        provider.clock.advance(Grants.CODE_TTL);

        assertThat(provider.exchangeCode(code, pkce).json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshToken_shouldRotateAndTheOldOneBeRefusedAfterUse() {
        ProviderFixture.Pkce pkce = ProviderFixture.Pkce.fresh();
        String first = provider.exchangeCode(provider.codeFor(provider.authorizationRequest(pkce), "bob"), pkce)
                .json().path("refresh_token").asString();
        provider.clock.advance(Duration.ofMinutes(20));

        ProviderFixture.Reply refreshed = provider.token(Map.of("grant_type", "refresh_token",
                "client_id", OidcClients.CLI, "refresh_token", first));

        assertThat(refreshed.status()).isEqualTo(200);
        String second = refreshed.json().path("refresh_token").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(provider.gatewayVerifier().verify(Optional.of("Bearer " + refreshed.json().path("access_token").asString())))
                .hasValueSatisfying(claims -> assertThat(claims.getSubject()).isEqualTo("bob"));
        ProviderFixture.Reply reuse = provider.token(Map.of("grant_type", "refresh_token",
                "client_id", OidcClients.CLI, "refresh_token", first));
        assertThat(reuse.status()).isEqualTo(400);
        assertThat(reuse.json().path("error").asString()).isEqualTo("invalid_grant");
        // Reuse of a rotated token means a copy exists: the whole session is revoked (RFC 9700 §4.14.2).
        assertThat(provider.token(Map.of("grant_type", "refresh_token", "client_id", OidcClients.CLI,
                "refresh_token", second)).json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshToken_shouldEndWithTheSession() {
        ProviderFixture.Pkce pkce = ProviderFixture.Pkce.fresh();
        String refresh = provider.exchangeCode(provider.codeFor(provider.authorizationRequest(pkce), "bob"), pkce)
                .json().path("refresh_token").asString();
        provider.clock.advance(Grants.SESSION_TTL);

        assertThat(provider.token(Map.of("grant_type", "refresh_token", "client_id", OidcClients.CLI,
                "refresh_token", refresh)).json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void tokenEndpoint_shouldAnswerRfc6749ErrorsForBadRequests() {
        assertThat(provider.token(Map.of("grant_type", "password", "client_id", OidcClients.CLI))
                .json().path("error").asString()).isEqualTo("unsupported_grant_type");
        ProviderFixture.Reply unknownClient = provider.token(Map.of("grant_type", "authorization_code",
                "client_id", "someone-else", "code", "x"));
        assertThat(unknownClient.status()).isEqualTo(401);
        assertThat(unknownClient.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(provider.token(Map.of("grant_type", "authorization_code", "client_id", OidcClients.CLI))
                .json().path("error").asString()).isEqualTo("invalid_request");
        ProviderFixture.Reply json = provider.postForm(provider.endpoint("/oauth2/token"), Map.of());
        assertThat(json.status()).isEqualTo(400);
    }

    @Test
    void cancel_shouldRedirectWithAccessDeniedAndState() {
        ProviderFixture.Reply page = provider.get("/authorize", provider.authorizationRequest(ProviderFixture.Pkce.fresh()));
        Map<String, String> form = new LinkedHashMap<>(page.hiddenFields());
        form.put("action", "deny");

        ProviderFixture.Reply reply = provider.postForm(page.formAction(), form);

        assertThat(reply.status()).isEqualTo(303);
        assertThat(reply.redirectParameters()).containsEntry("error", "access_denied").containsEntry("state", "state-123")
                .doesNotContainKey("code");
    }

    @Test
    void typedNameAndGroups_shouldBeTheTokensClaims() throws Exception {
        ProviderFixture.Pkce pkce = ProviderFixture.Pkce.fresh();
        ProviderFixture.Reply page = provider.get("/authorize", provider.authorizationRequest(pkce));
        Map<String, String> form = new LinkedHashMap<>(page.hiddenFields());
        form.put("user", "carol");
        form.put("groups", "dba-reviewers, contractors");
        form.put("action", "sign_in");

        String code = provider.postForm(page.formAction(), form).redirectParameters().get("code");
        String access = provider.exchangeCode(code, pkce).json().path("access_token").asString();

        JWTClaimsSet claims = SignedJWT.parse(access).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("carol");
        assertThat(claims.getStringListClaim("groups")).containsExactly("dba-reviewers", "contractors");
    }
}
