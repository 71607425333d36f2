package dev.airlock.identity;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whom to trust and how to read a caller from a token: the issuer ({@code iss}), the audiences
 * ({@code aud}, or {@code client_id} when a token has no {@code aud}, as API Gateway's JWT authorizer
 * does), where the issuer's keys are (its JWK set URL; empty = the {@code jwks_uri} of the issuer's
 * OpenID Connect discovery document), the claim holding the user name and the claim holding the groups.
 *
 * @param issuer      exact {@code iss} value, an {@code https} URL ({@code http} only on a loopback host)
 * @param audiences   the audiences accepted (one is enough), as the JWT authorizer's audience list
 * @param jwksUri     the issuer's JWK set, when not taken from discovery
 * @param userClaim   the claim naming the user, {@value #DEFAULT_USER_CLAIM} by default; {@value #EMAIL}
 *                    only counts with {@code email_verified: true}
 * @param groupsClaim the claim listing the caller's groups
 */
public record IdentitySettings(String issuer, List<String> audiences, Optional<URI> jwksUri, String userClaim,
                               String groupsClaim) {

    public static final String DEFAULT_USER_CLAIM = "sub";
    public static final String DEFAULT_GROUPS_CLAIM = "groups";
    /** The mutable claim that names a user only together with {@code email_verified: true}. */
    public static final String EMAIL = "email";

    private static final Pattern CLAIM_NAME = Pattern.compile("[!-~]{1,256}");

    public IdentitySettings {
        requireUrl("issuer", issuer);
        audiences = List.copyOf(audiences);
        if (audiences.isEmpty() || audiences.stream().anyMatch(a -> a.isBlank() || a.length() > 1024)) {
            throw new IllegalArgumentException("audiences must be one or more values of 1 to 1024 characters");
        }
        Objects.requireNonNull(jwksUri, "jwksUri");
        jwksUri.ifPresent(uri -> requireUrl("jwksUri", uri.toString()));
        requireClaimName("userClaim", userClaim);
        requireClaimName("groupsClaim", groupsClaim);
    }

    /** Whether {@code url} may name an issuer or its keys: https anywhere, http only on this machine. */
    public static boolean isTrustworthyUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return false;
            }
            return "https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && isLoopback(uri.getHost());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
    }

    private static void requireUrl(String name, String url) {
        Objects.requireNonNull(url, name);
        if (!isTrustworthyUrl(url)) {
            throw new IllegalArgumentException(name + " must be an https URL (http only on 127.0.0.1 or localhost)");
        }
    }

    private static void requireClaimName(String name, String claim) {
        Objects.requireNonNull(claim, name);
        if (!CLAIM_NAME.matcher(claim).matches()) {
            throw new IllegalArgumentException(name + " must be a claim name of printable ASCII without spaces");
        }
    }
}
