package dev.airlock.local.oidc;

import java.util.Objects;

/**
 * An error answer of RFC 6749 (§4.1.2.1 for the authorization endpoint, §5.2 for the token endpoint)
 * or RFC 8628 §3.5 (device polling). The description is written for the client's developer and never
 * contains a code, token or verifier.
 */
final class OAuthError extends RuntimeException {

    private final String error;
    private final int status;

    OAuthError(String error, String description) {
        this(400, error, description);
    }

    OAuthError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = Objects.requireNonNull(error, "error");
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description);
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description);
    }

    /** RFC 6749 §5.2: an unknown client is 401 invalid_client. */
    static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    String error() {
        return error;
    }

    int status() {
        return status;
    }
}
