package dev.airlock.local.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.airlock.core.testing.MutableClock;
import dev.airlock.domain.error.UnauthenticatedException;
import dev.airlock.identity.BearerTokenVerifier;
import dev.airlock.local.DemoUsers;
import dev.airlock.local.DevTokenIssuer;
import dev.airlock.local.FunctionHost;
import dev.airlock.local.LocalGateway;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * TEST ONLY: a running gateway with the development provider (a stub function host, a controllable
 * clock), a "browser" that follows no redirect by itself and submits the provider's forms, and a
 * client that talks OAuth over plain HTTP with the JDK HttpClient.
 */
final class ProviderFixture implements AutoCloseable {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final String REDIRECT = "http://127.0.0.1:43117/callback";
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");
    private static final Pattern POST_FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\">");

    final MutableClock clock;
    final LocalGateway gateway;
    final String issuer;
    private final AutoCloseable owner;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).build();

    /** The provider of {@code gateway}, whose clock is {@code clock}; closing the fixture closes {@code owner}. */
    ProviderFixture(MutableClock clock, LocalGateway gateway, AutoCloseable owner) {
        this.clock = clock;
        this.gateway = gateway;
        this.issuer = gateway.issuer().issuer();
        this.owner = owner;
    }

    /** A gateway whose function host refuses every call: the provider alone. */
    ProviderFixture() {
        this(MutableClock.at(Instant.parse("2026-11-07T19:38:02Z")));
    }

    private ProviderFixture(MutableClock clock) {
        this(clock, stubGateway(clock));
    }

    private ProviderFixture(MutableClock clock, LocalGateway gateway) {
        this(clock, gateway, gateway);
    }

    private static LocalGateway stubGateway(MutableClock clock) {
        FunctionHost refuseAll = new FunctionHost() {
            @Override
            public byte[] invoke(String name, byte[] payload) {
                throw new IllegalStateException("no function is called by the provider tests");
            }

            @Override
            public void close() {
            }
        };
        return LocalGateway.start(0, refuseAll, url -> DevTokenIssuer.inMemory(url, clock),
                DemoUsers.of(Map.of("bob", List.of("contractors"), "alice", List.of("dba-reviewers"))), clock);
    }

    /** A response as the client sees it. */
    record Reply(int status, Map<String, List<String>> headers, String body) {
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The query parameters of the Location header. */
        Map<String, String> redirectParameters() {
            URI location = URI.create(header("Location").orElseThrow(() -> new AssertionError("no Location in " + this)));
            return form(location.getRawQuery());
        }

        String redirectTarget() {
            String location = header("Location").orElseThrow();
            return location.substring(0, location.indexOf('?'));
        }

        /** The hidden fields of the page's sign-in form, unescaped as a browser would. */
        Map<String, String> hiddenFields() {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher matcher = HIDDEN.matcher(body);
            while (matcher.find()) {
                fields.put(unescape(matcher.group(1)), unescape(matcher.group(2)));
            }
            return fields;
        }

        URI formAction() {
            Matcher matcher = POST_FORM.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no sign-in form in " + body);
            }
            return URI.create(unescape(matcher.group(1)));
        }
    }

    /** A PKCE pair made the way a client makes it (RFC 7636 §4.1, §4.2). */
    record Pkce(String verifier, String challenge) {
        static Pkce fresh() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    URI endpoint(String path) {
        return URI.create(issuer + path);
    }

    /** The parameters of a good authorization request from the CLI client. */
    Map<String, String> authorizationRequest(Pkce pkce) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", OidcClients.CLI);
        parameters.put("redirect_uri", REDIRECT);
        parameters.put("response_type", "code");
        parameters.put("scope", "openid offline_access");
        parameters.put("state", "state-123");
        parameters.put("nonce", "nonce-456");
        parameters.put("code_challenge", pkce.challenge());
        parameters.put("code_challenge_method", "S256");
        return parameters;
    }

    Reply get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    Reply get(String path, Map<String, String> query) {
        return get(URI.create(issuer + path + "?" + encode(query)));
    }

    Reply postForm(URI uri, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** The browser step: open the authorization URL, press the demo user's button; the provider's redirect. */
    Reply signInAs(Map<String, String> authorizationRequest, String demoUser) {
        Reply page = get("/authorize", authorizationRequest);
        if (page.status() != 200) {
            throw new AssertionError("sign-in page not shown: " + page);
        }
        Map<String, String> form = new LinkedHashMap<>(page.hiddenFields());
        form.put("demo_user", demoUser);
        return postForm(page.formAction(), form);
    }

    /** The code after signing in as {@code demoUser}. */
    String codeFor(Map<String, String> authorizationRequest, String demoUser) {
        return signInAs(authorizationRequest, demoUser).redirectParameters().get("code");
    }

    Reply token(Map<String, String> form) {
        return postForm(endpoint("/oauth2/token"), form);
    }

    Reply exchangeCode(String code, Pkce pkce) {
        return token(Map.of("grant_type", "authorization_code", "client_id", OidcClients.CLI, "code", code,
                "redirect_uri", REDIRECT, "code_verifier", pkce.verifier()));
    }

    /** The gateway's verifier (the shared one the functions use), keys fetched from the discovery document's jwks_uri. */
    GatewayVerifier gatewayVerifier() {
        try {
            JWKSet keys = JWKSet.parse(get(URI.create(get(endpoint("/.well-known/openid-configuration")).json()
                    .path("jwks_uri").asString())).body());
            BearerTokenVerifier verifier = new BearerTokenVerifier(issuer, Set.of(DevTokenIssuer.AUDIENCE),
                    new ImmutableJWKSet<>(keys), clock);
            return new GatewayVerifier(verifier);
        } catch (ParseException e) {
            throw new AssertionError("the JWKS does not parse", e);
        }
    }

    /** The verified claims of a bearer header, or empty when the shared verifier refuses it. */
    record GatewayVerifier(BearerTokenVerifier verifier) {
        Optional<JWTClaimsSet> verify(Optional<String> authorizationHeader) {
            try {
                return Optional.of(JWTClaimsSet.parse(verifier.verify(authorizationHeader).claims()));
            } catch (UnauthenticatedException refused) {
                return Optional.empty();
            } catch (ParseException e) {
                throw new AssertionError("verified claims do not parse", e);
            }
        }
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#96;", "`").replace("&amp;", "&");
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET {@code path} of the gateway's API with a bearer token. */
    Reply api(String path, String accessToken) {
        return send(HttpRequest.newBuilder(gateway.url().resolve(path)).header("Authorization", "Bearer " + accessToken).GET());
    }

    @Override
    public void close() {
        try {
            owner.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the fixture failed", e);
        }
    }
}
