package dev.airlock.local.oidc;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page: says it is for local development, echoes nothing unescaped, may run nothing. */
class SignInPageTest {

    private static final String PAYLOAD = "\"><script>alert(1)</script><img/src=x/onerror=alert(2)>";
    private final ProviderFixture provider = new ProviderFixture();

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void page_shouldSayLocalDevelopmentOnlyAndSendStrictHeaders() {
        ProviderFixture.Reply page = provider.get("/authorize", provider.authorizationRequest(ProviderFixture.Pkce.fresh()));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("LOCAL DEVELOPMENT ONLY").contains("bob (contractors)")
                .doesNotContain("<script").doesNotContain("<style").doesNotContain(" style=");
        assertThat(page.header("Content-Security-Policy").orElse("")).contains(
                "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' http://127.0.0.1:43117");
        assertThat(page.header("X-Frame-Options").orElse("")).contains("DENY");
        assertThat(page.header("X-Content-Type-Options").orElse("")).contains("nosniff");
        assertThat(page.header("Cache-Control").orElse("")).contains("no-store");
    }

    @Test
    void state_shouldBeEchoedEscaped() {
        Map<String, String> request = new LinkedHashMap<>(provider.authorizationRequest(ProviderFixture.Pkce.fresh()));
        request.put("state", PAYLOAD);
        request.put("nonce", PAYLOAD);

        ProviderFixture.Reply page = provider.get("/authorize", request);

        assertThat(page.body()).doesNotContain("<script").doesNotContain("<img")
                .contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(page.hiddenFields()).containsEntry("state", PAYLOAD);
    }

    @Test
    void typedNameAndGroups_shouldRenderInertWhenTheFormIsShownAgain() {
        ProviderFixture.Reply page = provider.get("/authorize", provider.authorizationRequest(ProviderFixture.Pkce.fresh()));
        Map<String, String> form = new LinkedHashMap<>(page.hiddenFields());
        form.put("user", PAYLOAD + " with spaces");
        form.put("groups", PAYLOAD);
        form.put("action", "sign_in");

        ProviderFixture.Reply again = provider.postForm(page.formAction(), form);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("Location")).isEmpty();
        assertThat(again.header("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(again.body()).doesNotContain("<script").doesNotContain("<img")
                .contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img/src=x/onerror=alert(2)&gt; with spaces\"");
    }

    @Test
    void errorPage_shouldEscapeWhatItEchoesAndSendTheSameHeaders() {
        Map<String, String> request = new LinkedHashMap<>(provider.authorizationRequest(ProviderFixture.Pkce.fresh()));
        request.put("client_id", PAYLOAD);

        ProviderFixture.Reply page = provider.get("/authorize", request);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("<script").contains("LOCAL DEVELOPMENT ONLY");
        assertThat(page.header("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(page.header("X-Frame-Options").orElse("")).contains("DENY");
    }
}
