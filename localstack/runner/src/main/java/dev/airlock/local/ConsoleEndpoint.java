package dev.airlock.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Serves the review console (the plain files of the repository's {@code console/} directory, packed
 * into the runner's jar under {@code console/}) in front of the API: {@code GET /} is the page (also
 * with the sign-in's {@code ?code=…&state=…}), {@code /assets/NAME} its scripts and styles,
 * {@code /console-config.json} its settings (this gateway's URL as the API, the development issuer, the
 * client {@code airlock-console}). Every other request goes to {@code api} unchanged.
 *
 * <p>Every console response carries the headers the CloudFront distribution sets in AWS (see
 * {@code infra}'s {@code Console}): a Content-Security-Policy with no inline script and no origin but
 * this one and the issuer's, {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy:
 * no-referrer} (the sign-in's code is in the page URL once), {@code X-Frame-Options: DENY}.
 */
public final class ConsoleEndpoint implements HttpHandler {

    /** Where the console's files are on the class path. */
    static final String RESOURCES = "console/";
    /** The console's OAuth client at the development provider (localstack/config/demo-users.yaml). */
    public static final String CLIENT_ID = "airlock-console";
    private static final Pattern ASSET = Pattern.compile("/assets/[a-z0-9-]{1,64}\\.(js|css|png|svg)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "png", "image/png", "svg", "image/svg+xml", "html",
            "text/html; charset=utf-8", "json", "application/json");

    private final HttpHandler api;
    private final byte[] settings;
    private final String contentSecurityPolicy;

    /**
     * @param gateway the gateway's URL (the API, and the console's own origin)
     * @param issuer  the issuer URL (its origin is the only other one the console may connect to)
     */
    public ConsoleEndpoint(URI gateway, String issuer, HttpHandler api) {
        this.api = Objects.requireNonNull(api, "api");
        this.settings = ("{\"apiUrl\":\"" + gateway + "\",\"issuer\":\"" + issuer + "\",\"clientId\":\""
                + CLIENT_ID + "\",\"scopes\":\"openid\"}\n").getBytes(StandardCharsets.UTF_8);
        this.contentSecurityPolicy = contentSecurityPolicy(URI.create(issuer));
    }

    /** The policy: only this origin's files, connections to this origin and the issuer's. */
    static String contentSecurityPolicy(URI issuer) {
        String issuerOrigin = issuer.getScheme() + "://" + issuer.getRawAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' "
                + issuerOrigin + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Optional<Reply> reply = "GET".equals(method) || "HEAD".equals(method) ? serve(path) : Optional.empty();
        if (reply.isEmpty()) {
            api.handle(exchange);
            return;
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", List.of(reply.get().type()));
        headers.put("Content-Security-Policy", List.of(contentSecurityPolicy));
        headers.put("X-Content-Type-Options", List.of("nosniff"));
        headers.put("Referrer-Policy", List.of("no-referrer"));
        headers.put("X-Frame-Options", List.of("DENY"));
        headers.put("Cache-Control", List.of("no-cache"));
        Exchanges.write(exchange, 200, headers, reply.get().body());
    }

    private record Reply(String type, byte[] body) {
    }

    private Optional<Reply> serve(String path) {
        if ("/".equals(path) || "/index.html".equals(path)) {
            return resource("index.html");
        }
        if ("/console-config.json".equals(path)) {
            return Optional.of(new Reply(TYPES.get("json"), settings));
        }
        if (ASSET.matcher(path).matches()) {
            return resource(path.substring(1));
        }
        return Optional.empty();
    }

    private static Optional<Reply> resource(String name) {
        try (InputStream in = ConsoleEndpoint.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                return Optional.empty();
            }
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            return Optional.of(new Reply(type, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console's " + name, e);
        }
    }
}
