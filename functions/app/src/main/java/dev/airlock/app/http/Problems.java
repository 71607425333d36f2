package dev.airlock.app.http;

import dev.airlock.core.api.ProblemBody;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.ErrorKind;
import dev.airlock.domain.error.ThrottledException;
import dev.airlock.domain.error.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.time.Duration;
import java.util.Map;

/**
 * The one mapping from failures to RFC 9457 {@code application/problem+json} responses.
 *
 * <ul>
 *   <li>{@link AirlockException}: status and title from its {@link ErrorKind}, {@code type}
 *       {@value #TYPE_BASE}{@code <code-with-dashes>}, {@code detail}, {@code code};</li>
 *   <li>throttling (a {@link ThrottledException}, or an AWS SDK throttling error an adapter let
 *       through): 429 with {@code Retry-After};</li>
 *   <li>a dependency's outage (an {@link UnavailableException}, or an AWS 5xx or unreachable endpoint
 *       an adapter let through): 503 with {@code Retry-After} — transient, so clients retry;</li>
 *   <li>anything else, and {@link ErrorKind#INTERNAL}: 500 whose body carries only a generic title and
 *       the {@code correlationId}; the exception is logged with that id, never returned.</li>
 * </ul>
 */
public final class Problems {

    public static final String CONTENT_TYPE = ProblemBody.CONTENT_TYPE;
    public static final String TYPE_BASE = ProblemBody.TYPE_BASE;
    /** Retry-After when the thrower gave none: long enough to let a token bucket refill. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /** The response for {@code failure} while serving the request {@code correlationId}. */
    public static APIGatewayV2HTTPResponse of(Throwable failure, String correlationId) {
        if (failure instanceof AirlockException e && e.kind() != ErrorKind.INTERNAL) {
            return fromAirlock(e, correlationId);
        }
        if (failure instanceof SdkServiceException e && e.isThrottlingException()) {
            LOG.warn("AWS throttled request {}: {}", correlationId, e.getClass().getSimpleName());
            return problem(429, ErrorKind.THROTTLED.title(), "throttled", "AWS is throttling requests; retry later",
                    DEFAULT_RETRY_AFTER);
        }
        if (failure instanceof SdkServiceException e && e.statusCode() >= 500) {
            LOG.warn("AWS failed on its side while serving request {}", correlationId, failure);
            return problem(503, ErrorKind.UNAVAILABLE.title(), "unavailable", "a dependency is unavailable; retry later",
                    DEFAULT_RETRY_AFTER);
        }
        if (failure instanceof SdkClientException) {
            LOG.error("AWS unreachable while serving request {}", correlationId, failure);
            return problem(503, ErrorKind.UNAVAILABLE.title(), "unavailable", "a dependency is unavailable; retry later",
                    DEFAULT_RETRY_AFTER);
        }
        return internal(failure, correlationId);
    }

    private static APIGatewayV2HTTPResponse fromAirlock(AirlockException e, String correlationId) {
        ErrorKind kind = e.kind();
        Duration retryAfter = null;
        if (e instanceof ThrottledException t) {
            retryAfter = t.retryAfter().orElse(DEFAULT_RETRY_AFTER);
        } else if (e instanceof UnavailableException u) {
            // an outage is worth a warning with its cause; the caller sees only code and detail
            LOG.warn("request {} failed: {} {}", correlationId, kind.httpStatus(), e.code(), e);
            return problem(kind.httpStatus(), kind.title(), e.code(), e.detail(), u.retryAfter());
        }
        LOG.info("request {} failed: {} {}", correlationId, kind.httpStatus(), e.code());
        return problem(kind.httpStatus(), kind.title(), e.code(), e.detail(), retryAfter);
    }

    private static APIGatewayV2HTTPResponse internal(Throwable failure, String correlationId) {
        LOG.error("request {} failed with an internal error", correlationId, failure);
        Map<String, Object> body = ProblemBody.internal(correlationId);
        return Responses.of(ErrorKind.INTERNAL.httpStatus(), CONTENT_TYPE, Json.write(body), Map.of());
    }

    private static APIGatewayV2HTTPResponse problem(int status, String title, String code, String detail,
                                                    Duration retryAfter) {
        Map<String, Object> body = ProblemBody.of(status, title, code, detail);
        Map<String, String> headers = retryAfter == null ? Map.of()
                : Map.of("Retry-After", Long.toString(Math.max(1, ceilSeconds(retryAfter))));
        return Responses.of(status, CONTENT_TYPE, Json.write(body), headers);
    }

    private static long ceilSeconds(Duration duration) {
        return duration.getNano() == 0 ? duration.getSeconds() : duration.getSeconds() + 1;
    }
}
