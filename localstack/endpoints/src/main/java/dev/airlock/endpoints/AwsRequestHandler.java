package dev.airlock.endpoints;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One HTTP request in, one AWS JSON response out: authentication shape, routing by
 * {@code X-Amz-Target}, injected faults, and errors in the shape the AWS SDK maps to its exception
 * classes ({@code {"__type": ..., "message": ...}} with the service's HTTP status).
 */
final class AwsRequestHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(AwsRequestHandler.class.getName());
    /** Requests larger than this are refused; DynamoDB's own request limit is 16 MB. */
    private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final List<AwsJsonService> services;
    private final S3Endpoint s3;
    private final FaultInjector faults;

    AwsRequestHandler(List<AwsJsonService> services, S3Endpoint s3, FaultInjector faults) {
        this.services = services;
        this.s3 = s3;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (S3Endpoint.accepts(exchange)) {
                s3.handle(exchange);
                return;
            }
            if ("GET".equals(exchange.getRequestMethod())) {
                // DynamoDB answers a plain GET with a health line; scripts use it as a readiness probe.
                send(exchange, 200, "text/plain", "healthy: embedded AWS endpoints".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String target = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
            Optional<AwsJsonService> service = route(target);
            String contentType = service.map(AwsJsonService::contentType).orElse("application/x-amz-json-1.1");
            try {
                byte[] body = readBody(exchange.getRequestBody());
                ObjectNode response = dispatch(exchange.getRequestHeaders(), target, service, body);
                send(exchange, 200, contentType, JSON.writeValueAsBytes(response));
            } catch (AwsServiceException e) {
                sendError(exchange, service, contentType, e);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "unexpected failure in " + target, e);
                AwsServiceException internal = service.map(s -> s.internalError(operationOf(target)))
                        .orElse(new AwsServiceException("InternalFailure", "Internal failure", 500));
                sendError(exchange, service, contentType, internal);
            }
        }
    }

    private ObjectNode dispatch(Headers headers, String target, Optional<AwsJsonService> service, byte[] body)
            throws AwsServiceException {
        SigV4Header.check(headers);
        if (service.isEmpty()) {
            throw new AwsServiceException("UnknownOperationException",
                    target.isEmpty() ? "Missing X-Amz-Target header" : "Unknown operation: " + target, 400);
        }
        String operation = operationOf(target);
        applyFaults(target, service.get(), operation);
        return service.get().handle(operation, parse(body));
    }

    private void applyFaults(String target, AwsJsonService service, String operation) throws AwsServiceException {
        Duration delay = faults.latencyFor(target);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Optional<FaultInjector.Kind> fault = faults.takeFault(target);
        if (fault.isPresent()) {
            throw fault.get() == FaultInjector.Kind.THROTTLE
                    ? service.throttlingError(operation)
                    : service.internalError(operation);
        }
    }

    private Optional<AwsJsonService> route(String target) {
        int dot = target.indexOf('.');
        if (dot <= 0 || dot == target.length() - 1) {
            return Optional.empty();
        }
        String prefix = target.substring(0, dot);
        return services.stream().filter(s -> s.targetPrefix().equals(prefix)).findFirst();
    }

    private static String operationOf(String target) {
        return target.substring(target.indexOf('.') + 1);
    }

    private static ObjectNode parse(byte[] body) throws AwsServiceException {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new AwsServiceException("SerializationException", "Malformed JSON request body", 400);
        }
        if (node == null || node.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!(node instanceof ObjectNode object)) {
            throw new AwsServiceException("SerializationException",
                    "Start of structure or map found where not expected", 400);
        }
        return object;
    }

    private static byte[] readBody(InputStream in) throws AwsServiceException {
        try {
            byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (body.length > MAX_REQUEST_BYTES) {
                throw new AwsServiceException("RequestEntityTooLarge",
                        "Request must be smaller than " + MAX_REQUEST_BYTES + " bytes", 413);
            }
            return body;
        } catch (IOException e) {
            throw new AwsServiceException("SerializationException", "Cannot read the request body", 400);
        }
    }

    private static void sendError(HttpExchange exchange, Optional<AwsJsonService> service, String contentType,
                                  AwsServiceException e) throws IOException {
        ObjectNode error = JSON.createObjectNode();
        error.put("__type", service.map(s -> s.errorTypeOf(e.type())).orElse(e.type()));
        error.put("message", e.getMessage());
        e.extraFields().ifPresent(extra -> extra.properties().forEach(f -> error.set(f.getKey(), f.getValue())));
        send(exchange, e.status(), contentType, JSON.writeValueAsBytes(error));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
