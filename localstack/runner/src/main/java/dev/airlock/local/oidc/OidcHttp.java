package dev.airlock.local.oidc;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Form parameters in, JSON/HTML/redirect responses out, with the limits and headers the provider needs. */
final class OidcHttp {

    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int MAX_PARAMETERS = 64;

    /**
     * Headers of every HTML page: nothing may run (no script is needed) or frame the page, and a
     * form may submit only to this provider and, after sign-in, the client's validated redirect origin.
     */
    static String contentSecurityPolicy(Optional<String> redirectOrigin) {
        return "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
                + redirectOrigin.map(origin -> " " + origin).orElse("");
    }

    private OidcHttp() {
    }

    /** Decoded parameters of an {@code application/x-www-form-urlencoded} string. */
    static Map<String, List<String>> parseForm(String encoded) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        String[] pairs = encoded.split("&");
        if (pairs.length > MAX_PARAMETERS) {
            throw OAuthError.invalidRequest("too many parameters");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** The form body of a POST; refuses other content types and bodies over {@value #MAX_BODY_BYTES} bytes. */
    static Map<String, List<String>> formBody(HttpExchange exchange) throws IOException {
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw OAuthError.invalidRequest("the body must be application/x-www-form-urlencoded");
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                in.skip(MAX_BODY_BYTES * 4L);
                throw OAuthError.invalidRequest("the body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return parseForm(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** RFC 6749 §3.1: a parameter sent more than once is an error; empty counts as absent. */
    static Optional<String> single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw OAuthError.invalidRequest("'" + name + "' is given more than once");
        }
        return values.isEmpty() || values.get(0).isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    static String required(Map<String, List<String>> parameters, String name) {
        return single(parameters, name).orElseThrow(() -> OAuthError.invalidRequest("'" + name + "' is required"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        noStore(exchange);
        send(exchange, status, body);
    }

    static void html(HttpExchange exchange, int status, String page, Optional<String> redirectOrigin) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Content-Security-Policy", contentSecurityPolicy(redirectOrigin));
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        noStore(exchange);
        send(exchange, status, page.getBytes(StandardCharsets.UTF_8));
    }

    /** 303 See Other: the browser follows a form POST's answer with a GET (RFC 9110 §15.4.4). */
    static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        noStore(exchange);
        send(exchange, 303, new byte[0]);
    }

    private static void noStore(HttpExchange exchange) {
        // RFC 6749 §5.1: responses with tokens or codes are not cached.
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Pragma", "no-cache");
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("malformed percent-encoding");
        }
    }
}
