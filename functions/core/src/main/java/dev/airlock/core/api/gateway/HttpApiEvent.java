package dev.airlock.core.api.gateway;

import dev.airlock.core.api.PercentDecoding;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one builder of the event an API Gateway HTTP API sends a Lambda integration (payload format
 * 2.0), as plain maps ready to serialize; used by the local gateway (a real request), SnapStart priming
 * (synthetic calls) and the cold-start bench. It follows AWS's "Working with AWS Lambda proxy
 * integrations for HTTP APIs" page:
 * <ul>
 *   <li>header names lower-cased, repeated headers joined with commas, {@code Cookie} moved to
 *       {@code cookies}; {@code x-forwarded-*} added as API Gateway does;</li>
 *   <li>{@code rawQueryString} as sent; {@code queryStringParameters} decoded, repeated names joined
 *       with commas, absent when there is no query; {@code pathParameters} absent when none;</li>
 *   <li>{@code body} absent when empty, base64-encoded ({@code isBase64Encoded: true}) unless the
 *       content type is textual and the bytes are UTF-8;</li>
 *   <li>{@code requestContext.authorizer.jwt.claims} only when {@link #authorizerClaims} were given (a
 *       protected route): every claim rendered as a string, arrays as {@code "[a b]"}
 *       ({@link JwtClaimRendering}), and {@code scopes} from {@code scope}/{@code scp}. The functions
 *       never read them: identity comes from the bearer token in {@code authorization}.</li>
 * </ul>
 */
public final class HttpApiEvent {

    public static final String VERSION = "2.0";
    public static final String STAGE = "$default";
    /** The time format of {@code requestContext.time}, e.g. {@code 12/Mar/2020:19:03:58 +0000}. */
    public static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter
            .ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String method;
    private final String rawPath;
    private final String routeKey;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private String rawQuery = "";
    private Map<String, String> pathParameters = Map.of();
    private byte[] body = new byte[0];
    private String sourceIp = "127.0.0.1";
    private String protocol = "HTTP/1.1";
    private Instant received = Instant.EPOCH;
    private String requestId = "";
    private String accountId = "000000000000";
    private String apiId = "airlock-local";
    private Optional<Map<String, Object>> claims = Optional.empty();

    private HttpApiEvent(String routeKey, String rawPath) {
        this.routeKey = Objects.requireNonNull(routeKey, "routeKey");
        this.method = routeKey.substring(0, routeKey.indexOf(' '));
        this.rawPath = Objects.requireNonNull(rawPath, "rawPath");
    }

    /** A request for the route {@code routeKey} (e.g. {@code POST /requests/{id}/reviews}) at {@code rawPath}. */
    public static HttpApiEvent of(String routeKey, String rawPath) {
        return new HttpApiEvent(routeKey, rawPath);
    }

    /** Adds a header value; names are lower-cased, a repeated name keeps every value. */
    public HttpApiEvent header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        return this;
    }

    /** Adds every value of every header. */
    public HttpApiEvent headers(Map<String, List<String>> values) {
        values.forEach((name, list) -> list.forEach(value -> header(name, value)));
        return this;
    }

    /** {@code Authorization: Bearer <token>}. */
    public HttpApiEvent bearer(String token) {
        return header("authorization", "Bearer " + token);
    }

    /** A JSON body as text, with its content type. */
    public HttpApiEvent jsonBody(String json) {
        header("content-type", "application/json");
        return body(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public HttpApiEvent body(byte[] bytes) {
        this.body = bytes.clone();
        return this;
    }

    public HttpApiEvent rawQuery(String query) {
        this.rawQuery = Objects.requireNonNull(query, "query");
        return this;
    }

    public HttpApiEvent pathParameters(Map<String, String> parameters) {
        this.pathParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        return this;
    }

    public HttpApiEvent source(String ip, String httpProtocol) {
        this.sourceIp = Objects.requireNonNull(ip, "ip");
        this.protocol = Objects.requireNonNull(httpProtocol, "httpProtocol");
        return this;
    }

    public HttpApiEvent received(Instant at, String id) {
        this.received = Objects.requireNonNull(at, "at");
        this.requestId = Objects.requireNonNull(id, "id");
        return this;
    }

    /** The account and API id to report (placeholders locally). */
    public HttpApiEvent api(String account, String api) {
        this.accountId = Objects.requireNonNull(account, "account");
        this.apiId = Objects.requireNonNull(api, "api");
        return this;
    }

    /** The verified token's claims (JSON values) the JWT authorizer would pass on; none on a public route. */
    public HttpApiEvent authorizerClaims(Map<String, Object> verifiedClaims) {
        this.claims = Optional.of(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(verifiedClaims)));
        return this;
    }

    /**
     * The event.
     *
     * @throws IllegalArgumentException when the query string is not valid percent-encoding
     */
    public Map<String, Object> build() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", VERSION);
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery);
        List<String> cookies = cookies();
        if (!cookies.isEmpty()) {
            event.put("cookies", cookies);
        }
        event.put("headers", eventHeaders());
        Map<String, String> query = queryParameters(rawQuery);
        if (!query.isEmpty()) {
            event.put("queryStringParameters", query);
        }
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", pathParameters);
        }
        event.put("requestContext", requestContext());
        boolean base64 = false;
        if (body.length > 0) {
            Optional<String> text = isTextual(header("content-type").orElse("")) ? Utf8.decode(body) : Optional.empty();
            base64 = text.isEmpty();
            event.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(body)));
        }
        event.put("isBase64Encoded", base64);
        return event;
    }

    private Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private Map<String, Object> requestContext() {
        String host = header("host").orElse("127.0.0.1");
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", protocol);
        http.put("sourceIp", sourceIp);
        http.put("userAgent", header("user-agent").orElse(""));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", accountId);
        context.put("apiId", apiId);
        claims.ifPresent(c -> context.put("authorizer", Map.of("jwt", jwt(c))));
        context.put("domainName", host);
        context.put("domainPrefix", host.split("[.:]", 2)[0]);
        context.put("http", http);
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.put("stage", STAGE);
        context.put("time", REQUEST_TIME.format(received));
        context.put("timeEpoch", received.toEpochMilli());
        return context;
    }

    private static Map<String, Object> jwt(Map<String, Object> claims) {
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("claims", JwtClaimRendering.render(claims));
        List<String> scopes = JwtClaimRendering.scopes(claims);
        jwt.put("scopes", scopes.isEmpty() ? null : scopes);
        return jwt;
    }

    /** Repeated headers joined with commas, cookies removed, forwarding headers added. */
    private Map<String, String> eventHeaders() {
        Map<String, String> result = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (!name.equals("cookie")) {
                result.put(name, String.join(",", values));
            }
        });
        result.put("x-forwarded-for", sourceIp);
        result.put("x-forwarded-proto", "http");
        String host = header("host").orElse("");
        int colon = host.lastIndexOf(':');
        result.put("x-forwarded-port", colon > 0 ? host.substring(colon + 1) : "80");
        return result;
    }

    private List<String> cookies() {
        List<String> cookies = new ArrayList<>();
        for (String line : headers.getOrDefault("cookie", List.of())) {
            Arrays.stream(line.split(";")).map(String::trim).filter(c -> !c.isEmpty()).forEach(cookies::add);
        }
        return cookies;
    }

    /**
     * Decoded query parameters; a name given several times has its values joined with commas, as
     * API Gateway does.
     */
    public static Map<String, String> queryParameters(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentDecoding.decode(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = equals < 0 ? "" : PercentDecoding.decode(pair.substring(equals + 1), true);
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> String.join(",", e.getValue()), (a, b) -> a, LinkedHashMap::new));
    }

    /** Content types API Gateway passes as text; everything else arrives base64-encoded. */
    public static boolean isTextual(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/javascript") || type.equals("application/x-www-form-urlencoded");
    }
}
