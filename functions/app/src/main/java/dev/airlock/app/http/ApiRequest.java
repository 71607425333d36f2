package dev.airlock.app.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.airlock.domain.error.InvalidRequestException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of an API Gateway HTTP API (payload 2.0) event the functions use. Identity is not here:
 * {@link ClaimsIdentity} reads it from the authorizer's claims only.
 *
 * @param method      HTTP method, upper case
 * @param path        the raw path, e.g. {@code /requests/bc8c…}
 * @param routeKey    API Gateway's route key, e.g. {@code GET /requests/{id}} ({@code $default} for a catch-all)
 * @param pathParams  path parameters of the matched route
 * @param query       query parameters (API Gateway joins repeated ones with commas)
 * @param headers     headers, looked up case-insensitively
 * @param body        the body as text, base64-decoded when API Gateway encoded it
 * @param requestId   API Gateway's request id ({@code requestContext.requestId})
 */
public record ApiRequest(String method, String path, String routeKey, Map<String, String> pathParams,
                         Map<String, String> query, Map<String, String> headers, Optional<String> body,
                         String requestId) {

    /** Largest body accepted, in bytes (docs/API.md). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(routeKey, "routeKey");
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        TreeMap<String, String> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = Collections.unmodifiableMap(caseInsensitive);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(requestId, "requestId");
    }

    /**
     * Reads an event.
     *
     * @throws InvalidRequestException code {@code body_too_large} or {@code malformed_body}
     */
    public static ApiRequest from(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = context == null ? null : context.getHttp();
        String method = http == null || http.getMethod() == null ? "" : http.getMethod().toUpperCase(Locale.ROOT);
        String path = event.getRawPath() != null ? event.getRawPath()
                : http == null || http.getPath() == null ? "" : http.getPath();
        String routeKey = event.getRouteKey() != null ? event.getRouteKey()
                : context == null || context.getRouteKey() == null ? "" : context.getRouteKey();
        String requestId = context == null || context.getRequestId() == null ? "" : context.getRequestId();
        return new ApiRequest(method, path, routeKey, nonNull(event.getPathParameters()),
                nonNull(event.getQueryStringParameters()), nonNull(event.getHeaders()),
                body(event.getBody(), event.getIsBase64Encoded()), requestId);
    }

    /** A path parameter of the matched route; empty text when absent (no id names no request). */
    public String pathParam(String name) {
        return pathParams.getOrDefault(name, "");
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The same request with the route resolved (for {@code $default} routes matched by path). */
    public ApiRequest withRoute(String resolvedRouteKey, Map<String, String> resolvedPathParams) {
        return new ApiRequest(method, path, resolvedRouteKey, resolvedPathParams, query, headers, body, requestId);
    }

    /**
     * The JSON body read into {@code type}, strictly ({@link Json#read}).
     *
     * @throws InvalidRequestException code {@code unsupported_media_type} unless the content type is
     *                                 {@code application/json} (charset UTF-8 if given),
     *                                 {@code body_required} for an empty body, or see {@link Json#read}
     */
    public <T> T jsonBody(Class<T> type) {
        requireJsonContentType();
        String text = body.filter(b -> !b.isBlank())
                .orElseThrow(() -> new InvalidRequestException("body_required", "a JSON body is required"));
        return Json.read(text, type);
    }

    /** Method, path and request id only: headers carry the bearer token and bodies may carry secrets. */
    @Override
    public String toString() {
        return "ApiRequest[" + method + " " + path + ", route=" + routeKey + ", requestId=" + requestId + "]";
    }

    private void requireJsonContentType() {
        String contentType = header("content-type").orElse("");
        String[] parts = contentType.split(";");
        boolean json = parts[0].trim().equalsIgnoreCase("application/json");
        for (int i = 1; i < parts.length && json; i++) {
            String[] param = parts[i].trim().split("=", 2);
            if (param[0].trim().equalsIgnoreCase("charset")) {
                json = param.length == 2 && param[1].trim().replace("\"", "").equalsIgnoreCase("utf-8");
            }
        }
        if (!json) {
            throw new InvalidRequestException("unsupported_media_type",
                    "the body must be sent with Content-Type: application/json");
        }
    }

    private static Optional<String> body(String raw, boolean base64) {
        if (raw == null) {
            return Optional.empty();
        }
        byte[] bytes;
        if (base64) {
            // Compare before decoding: base64 text is 4/3 of the bytes, so a huge body is refused cheaply.
            if (raw.length() > (MAX_BODY_BYTES / 3 + 1) * 4 + 4) {
                throw tooLarge();
            }
            try {
                bytes = Base64.getMimeDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("malformed_body", "the body is not valid base64");
            }
        } else {
            if (raw.length() > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            bytes = raw.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return Optional.of(utf8(bytes));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("malformed_body", "the body is not valid UTF-8");
        }
    }

    private static InvalidRequestException tooLarge() {
        return new InvalidRequestException("body_too_large", "the body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    private static Map<String, String> nonNull(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        Map<String, String> copy = new TreeMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
