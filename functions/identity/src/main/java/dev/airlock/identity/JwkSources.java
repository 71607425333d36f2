package dev.airlock.identity;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.ResourceRetriever;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a verifier gets the issuer's public keys: the JWK set at an explicit URL, or at the
 * {@code jwks_uri} of the issuer's OpenID Connect discovery document (OpenID Connect Discovery 1.0 §4),
 * fetched on first use, not at start-up.
 *
 * <p>The set is cached for {@link #CACHE_TTL}; a token signed with a key id the cache does not know makes
 * Nimbus refresh it at once, at most every {@link #MIN_REFRESH_INTERVAL} (its rate limit), so rotation
 * works and a flood of made-up key ids cannot hammer the issuer. Cache ages are measured on every call
 * with {@code System.currentTimeMillis()}, and no background refresh thread exists, so a SnapStart
 * snapshot restored hours later simply refetches an expired set.
 */
public final class JwkSources {

    public static final Duration CACHE_TTL = Duration.ofMinutes(5);
    public static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    public static final Duration HTTP_TIMEOUT = Duration.ofSeconds(3);
    /** Largest discovery document or JWK set read. */
    public static final int MAX_BYTES = 64 * 1024;
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    private JwkSources() {
    }

    /** The keys for {@code settings}: its explicit JWK set URL, else discovery from its issuer. */
    public static JWKSource<SecurityContext> forSettings(IdentitySettings settings) {
        ResourceRetriever retriever = retriever();
        return settings.jwksUri().map(uri -> remote(url(uri.toString()), retriever))
                .orElseGet(() -> new Discovered(settings.issuer(), retriever));
    }

    /** A cached, rate-limited JWK set fetched from {@code jwksUrl}. */
    public static JWKSource<SecurityContext> remote(URL jwksUrl, ResourceRetriever retriever) {
        return JWKSourceBuilder.create(jwksUrl, retriever)
                .cache(CACHE_TTL.toMillis(), REFRESH_TIMEOUT.toMillis())
                .refreshAheadCache(false)
                .rateLimited(MIN_REFRESH_INTERVAL.toMillis())
                .retrying(false)
                .outageTolerant(false)
                .build();
    }

    static ResourceRetriever retriever() {
        int timeout = (int) HTTP_TIMEOUT.toMillis();
        return new DefaultResourceRetriever(timeout, timeout, MAX_BYTES);
    }

    static URL url(String text) {
        try {
            return URI.create(text).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + text, e);
        }
    }

    /** The discovery document's URL: the issuer, without a trailing slash, plus {@value #DISCOVERY_PATH}. */
    static String discoveryUrl(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return base + DISCOVERY_PATH;
    }

    /** Resolves {@code jwks_uri} from discovery on first use, then delegates to {@link #remote}. */
    static final class Discovered implements JWKSource<SecurityContext> {

        private final String issuer;
        private final ResourceRetriever retriever;
        private volatile JWKSource<SecurityContext> keys;

        Discovered(String issuer, ResourceRetriever retriever) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            this.retriever = Objects.requireNonNull(retriever, "retriever");
        }

        @Override
        public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
            return keys().get(selector, context);
        }

        private JWKSource<SecurityContext> keys() throws KeySourceException {
            JWKSource<SecurityContext> resolved = keys;
            if (resolved == null) {
                synchronized (this) {
                    if (keys == null) {
                        keys = remote(url(jwksUri()), retriever);
                    }
                    resolved = keys;
                }
            }
            return resolved;
        }

        /** The document must name this very issuer (Discovery §4.3) and a trustworthy {@code jwks_uri}. */
        private String jwksUri() throws KeySourceException {
            Map<String, Object> document;
            try {
                document = JSONObjectUtils.parse(retriever.retrieveResource(url(discoveryUrl(issuer))).getContent());
            } catch (IOException e) {
                if (isClientError(e)) {
                    // 4xx: the issuer answered that there is no such document — a wrong issuer URL, not an outage.
                    throw new IssuerMisconfiguredException("the issuer has no discovery document at the configured URL");
                }
                throw new KeySourceException("the issuer's discovery document could not be read", e);
            } catch (ParseException e) {
                throw new IssuerMisconfiguredException("the issuer's discovery document is not JSON");
            }
            if (!issuer.equals(document.get("issuer"))) {
                throw new IssuerMisconfiguredException("the discovery document names another issuer");
            }
            if (!(document.get("jwks_uri") instanceof String jwksUri) || !IdentitySettings.isTrustworthyUrl(jwksUri)) {
                throw new IssuerMisconfiguredException("the discovery document has no usable jwks_uri");
            }
            return jwksUri;
        }
    }

    /**
     * The issuer answered, but with a discovery document Airlock must not trust (another issuer, no
     * usable {@code jwks_uri}): a deployment problem that retrying will not fix, so verification fails
     * closed instead of reporting a transient outage.
     */
    static final class IssuerMisconfiguredException extends KeySourceException {
        private static final long serialVersionUID = 1L;

        IssuerMisconfiguredException(String message) {
            super(message);
        }
    }

    /**
     * Whether the issuer answered 4xx: Nimbus's retriever reports a non-2xx answer as
     * {@code IOException("HTTP <status>: <reason>")}, and the JDK's URL connection a 404 as
     * {@link java.io.FileNotFoundException}.
     */
    static boolean isClientError(IOException e) {
        String message = e.getMessage();
        return e instanceof java.io.FileNotFoundException
                || message != null && message.matches("(?s)HTTP 4\\d\\d\\b.*");
    }
}
