package dev.airlock.endpoints;

import com.sun.net.httpserver.HttpExchange;
import dev.airlock.endpoints.s3.S3Errors;
import dev.airlock.endpoints.s3.S3Exception;
import dev.airlock.endpoints.s3.S3Request;
import dev.airlock.endpoints.s3.S3Response;
import dev.airlock.endpoints.s3.S3Service;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The S3 REST protocol on the embedded server's port: path-style requests ({@code /bucket/key}),
 * with the same SigV4 shape check as the JSON services, errors as S3's {@code <Error>} XML.
 */
final class S3Endpoint {

    private static final System.Logger LOG = System.getLogger(S3Endpoint.class.getName());
    /** S3's single PUT limit is 5 GB; the embedded store keeps objects in memory, so it takes far less. */
    private static final int MAX_OBJECT_BYTES = 64 * 1024 * 1024;

    private final S3Service service;

    S3Endpoint(S3Service service) {
        this.service = service;
    }

    /** True for a request in S3's REST shape: no {@code X-Amz-Target}, a bucket in the path. */
    static boolean accepts(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        return exchange.getRequestHeaders().getFirst("X-Amz-Target") == null && path != null && path.length() > 1;
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        boolean head = exchange.getRequestMethod().equals("HEAD");
        S3Response response;
        try {
            SigV4Header.check(exchange.getRequestHeaders());
            response = service.handle(request(exchange));
        } catch (AwsServiceException e) {
            response = error(new S3Exception("AccessDenied", e.getMessage(), 403), path);
        } catch (S3Exception e) {
            response = error(e, path);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "unexpected failure in S3 " + exchange.getRequestMethod() + " " + path, e);
            response = error(new S3Exception("InternalError", "We encountered an internal error. Please try again.", 500),
                    path);
        }
        send(exchange, response, head);
    }

    private static S3Request request(HttpExchange exchange) throws IOException, S3Exception {
        String path = exchange.getRequestURI().getRawPath().substring(1);
        int slash = path.indexOf('/');
        String bucket = decode(slash < 0 ? path : path.substring(0, slash));
        Optional<String> key = slash < 0 || slash == path.length() - 1 ? Optional.empty()
                : Optional.of(decode(path.substring(slash + 1)));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        byte[] body = exchange.getRequestBody().readNBytes(MAX_OBJECT_BYTES + 1);
        if (body.length > MAX_OBJECT_BYTES) {
            throw new S3Exception("EntityTooLarge", "Your proposed upload exceeds the maximum allowed object size "
                    + "of the embedded S3 (" + MAX_OBJECT_BYTES + " bytes).", 400);
        }
        return new S3Request(exchange.getRequestMethod(), bucket, key, query(exchange.getRequestURI().getRawQuery()),
                headers, body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            query.put(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static S3Response error(S3Exception e, String resource) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/xml");
        return new S3Response(e.status(), headers,
                S3Errors.xml(e, resource).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, S3Response response, boolean head) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("x-amz-request-id", UUID.randomUUID().toString().replace("-", ""));
        boolean noBody = head || response.status() == 204 || response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }
}
