package dev.airlock.local.oidc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6749 §4.1.2.1: an unknown client or an unacceptable redirect URI gets the provider's own error
 * page (never a redirect); everything else is redirected back with error and state.
 */
class AuthorizationRequestErrorsTest {

    private final ProviderFixture provider = new ProviderFixture();
    private final Map<String, String> request = new LinkedHashMap<>(provider.authorizationRequest(ProviderFixture.Pkce.fresh()));

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void nonLoopbackRedirect_shouldGetAnErrorPageAndNoRedirect() {
        for (String uri : new String[] {"https://evil.example/callback", "http://127.0.0.1.evil.example/cb",
                "http://user@127.0.0.1:4000/cb", "http://127.0.0.1:4000/cb#fragment", "https://127.0.0.1:4000/cb",
                "http://10.0.0.1:4000/cb", "javascript:alert(1)"}) {
            request.put("redirect_uri", uri);

            ProviderFixture.Reply reply = provider.get("/authorize", request);

            assertThat(reply.status()).as(uri).isEqualTo(400);
            assertThat(reply.header("Location")).as(uri).isEmpty();
            assertThat(reply.header("Content-Type").orElse("")).as(uri).contains("text/html; charset=utf-8");
            assertThat(reply.body()).as(uri).contains("redirect_uri");
        }
    }

    @Test
    void loopbackRedirects_shouldBeAcceptedOnAnyPortAndPath() {
        for (String uri : new String[] {"http://127.0.0.1:1/callback", "http://127.0.0.1:65535/x/y",
                "http://localhost:8123/callback", "http://[::1]:9000/cb", "http://127.0.0.1/cb"}) {
            request.put("redirect_uri", uri);

            assertThat(provider.get("/authorize", request).status()).as(uri).isEqualTo(200);
        }
    }

    @Test
    void consoleClient_shouldOnlyBeRedirectedToTheGatewayOrigin() {
        request.put("client_id", OidcClients.CONSOLE);
        request.put("redirect_uri", provider.gateway.url() + "/");
        assertThat(provider.get("/authorize", request).status()).isEqualTo(200);

        request.put("redirect_uri", "http://127.0.0.1:43117/callback");
        assertThat(provider.get("/authorize", request).status()).isEqualTo(400);
    }

    @Test
    void unknownOrMissingClient_shouldGetAnErrorPage() {
        request.put("client_id", "someone-else");
        ProviderFixture.Reply unknown = provider.get("/authorize", request);
        request.remove("client_id");
        ProviderFixture.Reply missing = provider.get("/authorize", request);

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Location")).isEmpty();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Location")).isEmpty();
    }

    @Test
    void plainPkce_shouldBeRedirectedBackAsInvalidRequest() {
        request.put("code_challenge_method", "plain");

        ProviderFixture.Reply reply = provider.get("/authorize", request);

        assertThat(reply.status()).isEqualTo(303);
        assertThat(reply.redirectTarget()).isEqualTo(ProviderFixture.REDIRECT);
        assertThat(reply.redirectParameters()).containsEntry("error", "invalid_request").containsEntry("state", "state-123")
                .doesNotContainKey("code");
        assertThat(reply.redirectParameters().get("error_description")).contains("S256");
    }

    @Test
    void missingPkce_shouldBeRefused() {
        request.remove("code_challenge");
        assertThat(provider.get("/authorize", request).redirectParameters()).containsEntry("error", "invalid_request");

        request.put("code_challenge", ProviderFixture.Pkce.fresh().challenge());
        request.remove("code_challenge_method");
        assertThat(provider.get("/authorize", request).redirectParameters()).containsEntry("error", "invalid_request");
    }

    @Test
    void otherResponseTypesAndScopes_shouldBeRedirectedBackWithTheirErrors() {
        request.put("response_type", "token");
        assertThat(provider.get("/authorize", request).redirectParameters())
                .containsEntry("error", "unsupported_response_type");

        request.put("response_type", "code");
        request.put("scope", "openid admin");
        assertThat(provider.get("/authorize", request).redirectParameters()).containsEntry("error", "invalid_scope");
    }

    @Test
    void formPost_shouldBeValidatedAgain() {
        ProviderFixture.Reply page = provider.get("/authorize", request);
        Map<String, String> form = new LinkedHashMap<>(page.hiddenFields());
        form.put("redirect_uri", "https://evil.example/callback");
        form.put("demo_user", "bob");

        ProviderFixture.Reply reply = provider.postForm(page.formAction(), form);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Location")).isEmpty();
    }
}
