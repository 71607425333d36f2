package dev.airlock.aws.dynamodb;

import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.ThrottledException;
import dev.airlock.domain.error.UnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.time.Duration;

/**
 * Maps DynamoDB failures to the domain's error family, after the SDK's own retries: throttling is
 * {@link ThrottledException} (429), an outage (5xx on every attempt, unreachable, timed out) is
 * {@link UnavailableException} (503), both retryable; a missing table or a refused call is Airlock's
 * own fault, {@link InternalException} (500). Messages name the operation and AWS's error code only:
 * never the SDK's message (which may quote request data), never credentials.
 */
final class DynamoDbErrors {

    /**
     * Suggested wait after throttling. DynamoDB returns no Retry-After; the SDK's own standard retry
     * mode backs off for up to 20 s (throttling base delay 500 ms), so a second is a fair client hint.
     */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private DynamoDbErrors() {
    }

    /** The domain error for a failed call of {@code operation} (not a transaction cancellation). */
    static AirlockException map(String operation, SdkException e) {
        if (e instanceof ResourceNotFoundException) {
            return new InternalException("table_missing", "DynamoDB " + operation + ": table or index does not exist", e);
        }
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "unknown" : service.awsErrorDetails().errorCode();
            if (service.isThrottlingException()) {
                return throttled(operation, e);
            }
            if (service.statusCode() >= 500) {
                return unavailable("DynamoDB " + operation + " failed with " + code + " (HTTP "
                        + service.statusCode() + ")", e);
            }
            return new InternalException("storage_rejected", "DynamoDB " + operation + " rejected the call: " + code, e);
        }
        // unreachable endpoint, connection reset, API call or attempt timeout: all transient
        return unavailable("DynamoDB " + operation + " could not be reached (" + e.getClass().getSimpleName() + ")", e);
    }

    private static UnavailableException unavailable(String what, Throwable cause) {
        return new UnavailableException("storage_unavailable", what + "; retry later", RETRY_AFTER, cause);
    }

    static ThrottledException throttled(String operation, Throwable cause) {
        return new ThrottledException("storage_throttled",
                "DynamoDB is throttling " + operation + "; retry later", RETRY_AFTER, cause);
    }
}
