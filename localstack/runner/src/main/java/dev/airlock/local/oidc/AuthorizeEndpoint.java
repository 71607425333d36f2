package dev.airlock.local.oidc;

import com.sun.net.httpserver.HttpExchange;
import dev.airlock.local.DemoUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <issuer>/authorize} (RFC 6749 §4.1.1, OIDC Core §3.1.2): GET validates the request and shows
 * the sign-in form; the form's POST validates it again (the form carries it back), signs the user in and
 * redirects to the client with a one-time code, or with {@code access_denied} when cancelled.
 */
final class AuthorizeEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizeEndpoint.class);

    private final String issuer;
    private final OidcClients clients;
    private final Grants grants;
    private final DemoUsers demoUsers;
    private final Pages pages;
    private final Clock clock;

    AuthorizeEndpoint(String issuer, OidcClients clients, Grants grants, DemoUsers demoUsers, Pages pages, Clock clock) {
        this.issuer = issuer;
        this.clients = clients;
        this.grants = grants;
        this.demoUsers = demoUsers;
        this.pages = pages;
        this.clock = clock;
    }

    void show(HttpExchange exchange) throws IOException {
        Map<String, List<String>> query = OidcHttp.parseForm(exchange.getRequestURI().getRawQuery());
        Optional<AuthorizationRequest> request = validated(exchange, query);
        if (request.isPresent()) {
            signInPage(exchange, 200, request.get(), Optional.empty(), "", "");
        }
    }

    void submit(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = OidcHttp.formBody(exchange);
        Optional<AuthorizationRequest> request = validated(exchange, form);
        if (request.isEmpty()) {
            return;
        }
        SignInForm signIn;
        try {
            signIn = SignInForm.parse(form, demoUsers, clock.instant());
        } catch (SignInForm.Invalid e) {
            signInPage(exchange, 400, request.get(), Optional.of(e.getMessage()), e.form().typedUser(), e.form().typedGroups());
            return;
        }
        if (signIn.denied()) {
            OidcHttp.redirect(exchange, request.get().deniedLocation());
            return;
        }
        SignedIn who = signIn.signedIn().orElseThrow();
        LOG.info("development provider: {} signed in for client {}", who.user(), request.get().client().id());
        OidcHttp.redirect(exchange, request.get().successLocation(grants.issueCode(request.get(), who), issuer));
    }

    /** The request, or empty once the error answer (page or redirect, RFC 6749 §4.1.2.1) is sent. */
    private Optional<AuthorizationRequest> validated(HttpExchange exchange, Map<String, List<String>> parameters)
            throws IOException {
        try {
            return Optional.of(AuthorizationRequest.parse(parameters, clients));
        } catch (AuthorizationRequest.Unredirectable e) {
            OidcHttp.html(exchange, 400, pages.message("Invalid sign-in request", e.getMessage()), Optional.empty());
        } catch (AuthorizationRequest.Redirectable e) {
            OidcHttp.redirect(exchange, e.location());
        }
        return Optional.empty();
    }

    private void signInPage(HttpExchange exchange, int status, AuthorizationRequest request, Optional<String> error,
                            String typedUser, String typedGroups) throws IOException {
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put("client_id", request.client().id());
        hidden.put("redirect_uri", request.redirectUri());
        hidden.put("response_type", "code");
        hidden.put("scope", String.join(" ", request.scopes()));
        request.state().ifPresent(state -> hidden.put("state", state));
        request.nonce().ifPresent(nonce -> hidden.put("nonce", nonce));
        hidden.put("code_challenge", request.codeChallenge());
        hidden.put("code_challenge_method", Pkce.S256);
        String forWhat = "Client " + request.client().id() + " asks you to sign in; you will be sent back to "
                + request.redirectUri() + ".";
        OidcHttp.html(exchange, status, pages.signIn(issuer + "/authorize", forWhat, hidden, error, typedUser, typedGroups),
                Optional.of(request.redirectOrigin()));
    }
}
