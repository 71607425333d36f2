package dev.airlock.cli.sso;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Console;
import dev.airlock.cli.Exit;
import dev.airlock.cli.text.Json;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Map;

/**
 * The device authorization grant (RFC 8628) for a machine without a browser: show the verification
 * URL and user code, then poll the token endpoint at the provider's interval, slower after
 * {@code slow_down} (§3.5), until the person signs in, refuses, or the code expires.
 */
final class DeviceFlow {

    static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final int DEFAULT_INTERVAL_SECONDS = 5;

    private final Console console;

    DeviceFlow(Console console) {
        this.console = console;
    }

    TokenEndpoint.Tokens run(Deployment deployment, ProviderMetadata provider, TokenEndpoint tokens) {
        URI endpoint = provider.deviceAuthorizationEndpoint().orElseThrow(() -> new CliException(Exit.USAGE,
                "the identity provider offers no device authorization; sign in without --headless"));
        ObjectNode grant = tokens.post(endpoint, Map.of("scope", String.join(" ", deployment.scopes())));
        String deviceCode = field(grant, "device_code");
        console.note("To sign in, visit " + field(grant, "verification_uri") + " and enter the code "
                + field(grant, "user_code"));
        Json.text(grant, "verification_uri_complete").ifPresent(url -> console.note("or open: " + url));
        long interval = grant.path("interval").isNumber() ? Math.max(1, grant.path("interval").asLong())
                : DEFAULT_INTERVAL_SECONDS;
        while (true) {
            pause(interval);
            try {
                return tokens.grant(provider.tokenEndpoint(), Map.of("grant_type", GRANT, "device_code", deviceCode));
            } catch (TokenEndpoint.OAuthRefusal refusal) {
                switch (refusal.error()) {
                    case "authorization_pending" -> { }
                    case "slow_down" -> interval += 5;
                    case "expired_token" -> throw new CliException(Exit.DENIED,
                            "the device code expired before the sign-in was completed; run the command again");
                    case "access_denied" -> throw new CliException(Exit.DENIED, "the sign-in was cancelled on the verification page");
                    default -> throw refusal;
                }
            }
        }
    }

    private static String field(ObjectNode json, String name) {
        return Json.text(json, name).orElseThrow(() -> new CliException(Exit.UNAVAILABLE,
                "the identity provider's device authorization answer lacks " + name));
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(Exit.DENIED, "interrupted while waiting for the sign-in");
        }
    }
}
