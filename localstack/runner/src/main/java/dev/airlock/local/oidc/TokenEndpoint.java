package dev.airlock.local.oidc;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST <issuer>/oauth2/token} (RFC 6749 §3.2) for public clients: the authorization code grant
 * with PKCE (§4.1.3, RFC 7636 §4.5), refresh (§6, rotating) and the device code grant (RFC 8628 §3.4).
 * Every failure is an {@link OAuthError} the caller renders as RFC 6749 §5.2 JSON.
 */
final class TokenEndpoint {

    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final OidcClients clients;
    private final Grants grants;
    private final DeviceGrants devices;
    private final TokenIssuance issuance;

    TokenEndpoint(OidcClients clients, Grants grants, DeviceGrants devices, TokenIssuance issuance) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.issuance = Objects.requireNonNull(issuance, "issuance");
    }

    Map<String, Object> exchange(Map<String, List<String>> form) {
        if (OidcHttp.single(form, "client_secret").isPresent()) {
            throw OAuthError.invalidClient("clients here are public (token_endpoint_auth_method none): send no secret");
        }
        String clientId = clientId(form);
        String grantType = OidcHttp.required(form, "grant_type");
        return switch (grantType) {
            case "authorization_code" -> authorizationCode(form, clientId);
            case "refresh_token" -> issuance.issue(grants.refresh(OidcHttp.required(form, "refresh_token"), clientId),
                    Optional.empty());
            case DEVICE_CODE_GRANT -> deviceCode(form, clientId);
            default -> throw new OAuthError("unsupported_grant_type",
                    "grant_type must be authorization_code, refresh_token or " + DEVICE_CODE_GRANT);
        };
    }

    String clientId(Map<String, List<String>> form) {
        String clientId = OidcHttp.required(form, "client_id");
        return clients.find(clientId).orElseThrow(() -> OAuthError.invalidClient("unknown client_id")).id();
    }

    private Map<String, Object> authorizationCode(Map<String, List<String>> form, String clientId) {
        String code = OidcHttp.required(form, "code");
        Optional<String> redirectUri = OidcHttp.single(form, "redirect_uri");
        Optional<String> verifier = OidcHttp.single(form, "code_verifier");
        Grants.Code redeemed = grants.redeem(code);
        AuthorizationRequest request = redeemed.request();
        if (!request.client().id().equals(clientId)) {
            throw OAuthError.invalidGrant("the code was issued to another client");
        }
        if (!redirectUri.equals(Optional.of(request.redirectUri()))) {
            throw OAuthError.invalidGrant("redirect_uri differs from the authorization request's");
        }
        if (!Pkce.verifies(verifier.orElse(null), request.codeChallenge())) {
            throw OAuthError.invalidGrant("code_verifier does not match the code_challenge (PKCE S256)");
        }
        Grants.Session session = grants.startSession(redeemed.grantId(), clientId, request.scopes(), redeemed.signedIn());
        return issuance.issue(session, request.nonce());
    }

    private Map<String, Object> deviceCode(Map<String, List<String>> form, String clientId) {
        DeviceGrants.Pending approved = devices.poll(OidcHttp.required(form, "device_code"), clientId);
        SignedIn who = approved.signedIn().orElseThrow(() -> new IllegalStateException("approved without a user"));
        return issuance.issue(grants.startSession(Secrets.opaque(), clientId, approved.scopes(), who), Optional.empty());
    }
}
