package dev.airlock.app.function;

import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.config.CliSignIn;
import dev.airlock.domain.error.NotFoundException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /.well-known/airlock} (public, docs/API.md): what the CLI needs to sign people in, so
 * that {@code AIRLOCK_URL} is all a person sets — the issuer the functions trust, the CLI's public
 * client id, the audience its access tokens must carry (the first accepted one), the scopes, the
 * claims naming the user and the groups, and the API version. Nothing here is secret: a public
 * client id and an issuer URL are what any sign-in page shows.
 */
final class WellKnownAirlock {

    /** The API's version as docs/API.md describes it; bumped on an incompatible change. */
    static final String API_VERSION = "1";

    private final Optional<Map<String, Object>> document;

    WellKnownAirlock(AirlockConfig config) {
        this.document = config.cliSignIn().flatMap(signIn -> config.jwtIssuer()
                .filter(issuer -> !config.jwtAudiences().isEmpty())
                .map(issuer -> document(config, signIn, issuer)));
    }

    private static Map<String, Object> document(AirlockConfig config, CliSignIn signIn, String issuer) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("issuer", issuer);
        json.put("clientId", signIn.clientId());
        json.put("audience", config.jwtAudiences().get(0));
        json.put("scopes", signIn.scopes());
        json.put("userClaim", config.userClaim());
        json.put("groupsClaim", config.groupsClaim());
        json.put("apiVersion", API_VERSION);
        signIn.redirectUri().ifPresent(uri -> json.put("redirectUri", uri.toString()));
        return json;
    }

    /**
     * The document.
     *
     * @throws NotFoundException {@code sso_not_configured} when the deployment names no CLI client
     */
    Map<String, Object> get() {
        return document.orElseThrow(() -> new NotFoundException("sso_not_configured",
                "this deployment offers no single sign-on for the CLI (no client id configured)"));
    }
}
