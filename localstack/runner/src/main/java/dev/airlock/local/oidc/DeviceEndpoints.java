package dev.airlock.local.oidc;

import com.sun.net.httpserver.HttpExchange;
import dev.airlock.local.DemoUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device authorization grant's two faces (RFC 8628): {@code POST <issuer>/oauth2/device_authorization}
 * for the device (§3.1, §3.2), and the verification page {@code <issuer>/device} for the user (§3.3):
 * type the code, then sign in (approve) or cancel (deny).
 */
final class DeviceEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceEndpoints.class);

    private final String issuer;
    private final TokenEndpoint tokens;
    private final DeviceGrants devices;
    private final DemoUsers demoUsers;
    private final Pages pages;
    private final ObjectMapper json;
    private final Clock clock;

    DeviceEndpoints(String issuer, TokenEndpoint tokens, DeviceGrants devices, DemoUsers demoUsers, Pages pages,
                    ObjectMapper json, Clock clock) {
        this.issuer = issuer;
        this.tokens = tokens;
        this.devices = devices;
        this.demoUsers = demoUsers;
        this.pages = pages;
        this.json = json;
        this.clock = clock;
    }

    String verificationUri() {
        return issuer + "/device";
    }

    /** RFC 8628 §3.2: the device authorization response. */
    void authorize(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = OidcHttp.formBody(exchange);
        String clientId = tokens.clientId(form);
        DeviceGrants.Pending pending = devices.start(clientId, AuthorizationRequest.scopes(form));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("device_code", pending.deviceCode());
        response.put("user_code", pending.userCode());
        response.put("verification_uri", verificationUri());
        response.put("verification_uri_complete", verificationUri() + "?user_code=" + OidcHttp.encode(pending.userCode()));
        response.put("expires_in", DeviceGrants.DEVICE_CODE_TTL.toSeconds());
        response.put("interval", DeviceGrants.INTERVAL.toSeconds());
        OidcHttp.json(exchange, 200, json.writeValueAsBytes(response));
    }

    /** The code entry form, or the sign-in form once a code awaiting a decision is given. */
    void show(HttpExchange exchange) throws IOException {
        Optional<String> typed = OidcHttp.single(OidcHttp.parseForm(exchange.getRequestURI().getRawQuery()), "user_code");
        if (typed.isEmpty()) {
            OidcHttp.html(exchange, 200, pages.enterUserCode(verificationUri(), Optional.empty()), Optional.empty());
            return;
        }
        Optional<DeviceGrants.Pending> pending = devices.awaiting(typed.get());
        if (pending.isEmpty()) {
            OidcHttp.html(exchange, 400, pages.enterUserCode(verificationUri(),
                    Optional.of("That code is unknown, expired or already used; check the device.")), Optional.empty());
            return;
        }
        signInPage(exchange, 200, pending.get(), Optional.empty(), "", "");
    }

    /** Approve (sign in) or deny the device. */
    void decide(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = OidcHttp.formBody(exchange);
        Optional<DeviceGrants.Pending> pending = OidcHttp.single(form, "user_code").flatMap(devices::awaiting);
        if (pending.isEmpty()) {
            OidcHttp.html(exchange, 400, pages.message("Code not accepted",
                    "That code is unknown, expired or already used; start again on the device."), Optional.empty());
            return;
        }
        SignInForm signIn;
        try {
            signIn = SignInForm.parse(form, demoUsers, clock.instant());
        } catch (SignInForm.Invalid e) {
            signInPage(exchange, 400, pending.get(), Optional.of(e.getMessage()), e.form().typedUser(), e.form().typedGroups());
            return;
        }
        boolean decided = devices.decide(pending.get().userCode(), signIn.signedIn());
        if (!decided) {
            OidcHttp.html(exchange, 400, pages.message("Code not accepted", "That code expired meanwhile."), Optional.empty());
        } else if (signIn.denied()) {
            OidcHttp.html(exchange, 200, pages.message("Device denied", "The device will not be signed in."), Optional.empty());
        } else {
            LOG.info("development provider: {} approved a device for client {}", signIn.signedIn().get().user(),
                    pending.get().clientId());
            OidcHttp.html(exchange, 200, pages.message("Device approved", "You may close this page and return to the device."),
                    Optional.empty());
        }
    }

    private void signInPage(HttpExchange exchange, int status, DeviceGrants.Pending pending, Optional<String> error,
                            String typedUser, String typedGroups) throws IOException {
        String forWhat = "A device using client " + pending.clientId() + " shows the code " + pending.userCode()
                + ". Sign in only if your device shows this same code.";
        OidcHttp.html(exchange, status, pages.signIn(verificationUri(), forWhat, Map.of("user_code", pending.userCode()),
                error, typedUser, typedGroups), Optional.empty());
    }
}
