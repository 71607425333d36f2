package dev.airlock.local;

import dev.airlock.core.api.PercentDecoding;
import dev.airlock.core.api.RouteMatcher;
import java.security.SecureRandom;
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
 * Builds the event an API Gateway HTTP API sends a Lambda integration (payload format 2.0), as JSON
 * ready to serialize, from a request the gateway accepted. It follows AWS's "Working with AWS Lambda
 * proxy integrations for HTTP APIs" page:
 * <ul>
 *   <li>header names lower-cased, repeated headers joined with commas, {@code Cookie} moved to
 *       {@code cookies}; {@code x-forwarded-*} added as API Gateway does;</li>
 *   <li>{@code rawQueryString} as sent; {@code queryStringParameters} decoded, repeated names joined
 *       with commas, absent when there is no query; {@code pathParameters} absent when none;</li>
 *   <li>{@code body} absent when empty, base64-encoded ({@code isBase64Encoded: true}) unless the
 *       content type is textual and the bytes are UTF-8;</li>
 *   <li>{@code requestContext.authorizer.jwt.claims}: every claim rendered as a string, arrays as
 *       {@code "[a b]"} ({@link JwtClaimRendering}), and {@code scopes} from {@code scope}/{@code scp}.</li>
 * </ul>
 */
public final class ApiGatewayEvents {

    public static final String VERSION = "2.0";
    public static final String STAGE = "$default";
    /** The time format of {@code requestContext.time}, e.g. {@code 12/Mar/2020:19:03:58 +0000}. */
    static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int REQUEST_ID_BYTES = 10;

    private final String accountId;
    private final String apiId;

    /**
     * @param accountId the account the local "API" lives in (a placeholder, 12 digits)
     * @param apiId     the API id to report
     */
    public ApiGatewayEvents(String accountId, String apiId) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.apiId = Objects.requireNonNull(apiId, "apiId");
    }

    /** A request id shaped like API Gateway's ({@code apigw-requestid}), e.g. {@code JKJaXmPLvHcESHA=}. */
    public static String newRequestId() {
        byte[] bytes = new byte[REQUEST_ID_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The v2 event for {@code request}, matched to {@code match}, from a caller with verified
     * {@code claims} (the JWT payload as JSON values).
     *
     * @throws IllegalArgumentException when the query string is not valid percent-encoding
     */
    public Map<String, Object> event(GatewayRequest request, RouteMatcher.Match match, Map<String, Object> claims,
                                     String requestId) {
        return event(request, match, Optional.of(claims), requestId);
    }

    /** As above; with no claims (a public route) the event has no {@code authorizer}, as API Gateway's. */
    public Map<String, Object> event(GatewayRequest request, RouteMatcher.Match match,
                                     Optional<Map<String, Object>> claims, String requestId) {
        String routeKey = match.route().routeKey();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", VERSION);
        event.put("routeKey", routeKey);
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery());
        List<String> cookies = cookies(request);
        if (!cookies.isEmpty()) {
            event.put("cookies", cookies);
        }
        event.put("headers", headers(request));
        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            event.put("queryStringParameters", query);
        }
        if (!match.pathParameters().isEmpty()) {
            event.put("pathParameters", match.pathParameters());
        }
        event.put("requestContext", requestContext(request, routeKey, claims, requestId));
        byte[] body = request.body();
        boolean base64 = false;
        if (body.length > 0) {
            String contentType = request.header("content-type").orElse("");
            Optional<String> text = isTextual(contentType) ? Utf8.decode(body) : Optional.empty();
            base64 = text.isEmpty();
            event.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(body)));
        }
        event.put("isBase64Encoded", base64);
        return event;
    }

    private static Map<String, Object> jwt(Map<String, Object> claims) {
        Map<String, Object> jwt = new LinkedHashMap<>();
        jwt.put("claims", JwtClaimRendering.render(claims));
        List<String> scopes = JwtClaimRendering.scopes(claims);
        jwt.put("scopes", scopes.isEmpty() ? null : scopes);
        return jwt;
    }

    private Map<String, Object> requestContext(GatewayRequest request, String routeKey,
                                               Optional<Map<String, Object>> claims, String requestId) {
        String host = request.header("host").orElse("127.0.0.1");
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("user-agent").orElse(""));


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
        context.put("time", REQUEST_TIME.format(request.received()));
        context.put("timeEpoch", request.received().toEpochMilli());
        return context;
    }

    /** Lower-case names, repeated headers joined with commas, cookies removed, forwarding headers added. */
    private static Map<String, String> headers(GatewayRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            if (!name.equals("cookie")) {
                headers.put(name, String.join(",", values));
            }
        });
        headers.put("x-forwarded-for", request.sourceIp());
        headers.put("x-forwarded-proto", "http");
        String host = request.header("host").orElse("");
        int colon = host.lastIndexOf(':');
        headers.put("x-forwarded-port", colon > 0 ? host.substring(colon + 1) : "80");
        return headers;
    }

    private static List<String> cookies(GatewayRequest request) {
        List<String> cookies = new ArrayList<>();
        for (String line : request.headers().getOrDefault("cookie", List.of())) {
            Arrays.stream(line.split(";")).map(String::trim).filter(c -> !c.isEmpty()).forEach(cookies::add);
        }
        return cookies;
    }

    /**
     * Decoded query parameters; a name given several times has its values joined with commas, as
     * API Gateway does.
     */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return Map.of();
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> String.join(",", e.getValue()), (a, b) -> a, LinkedHashMap::new));
    }

    private static String decode(String text) {
        return PercentDecoding.decode(text, true);
    }

    /** Content types API Gateway passes as text; everything else arrives base64-encoded. */
    static boolean isTextual(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/javascript") || type.equals("application/x-www-form-urlencoded");
    }
}
