package dev.airlock.app.config;

import dev.airlock.core.config.EnvironmentNames;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the CLI signs people in (docs/CLI.md, "Single sign-on"), announced by {@code GET /.well-known/airlock}:
 * the public OIDC client id at the issuer the functions trust, the scopes it asks for, and a fixed loopback
 * redirect URI for providers that match ports exactly (Cognito).
 *
 * @param clientId    {@value EnvironmentNames#OIDC_CLIENT_ID}
 * @param scopes      {@value EnvironmentNames#OIDC_SCOPES}, space separated; default {@value #DEFAULT_SCOPES}
 * @param redirectUri {@value EnvironmentNames#OIDC_REDIRECT_URI}, when the provider needs a fixed port
 */
public record CliSignIn(String clientId, List<String> scopes, Optional<URI> redirectUri) {

    public static final String DEFAULT_SCOPES = "openid offline_access";

    public CliSignIn {
        Objects.requireNonNull(clientId, "clientId");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(redirectUri, "redirectUri");
    }
}
