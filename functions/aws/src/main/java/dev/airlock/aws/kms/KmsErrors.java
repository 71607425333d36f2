package dev.airlock.aws.kms;

import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.ThrottledException;
import dev.airlock.domain.error.UnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.kms.model.KmsInternalException;

import java.time.Duration;

/**
 * Maps AWS SDK failures of KMS calls to the error family, once. All of these arrive after the SDK's
 * own retries are spent:
 * <ul>
 *   <li>throttling ({@code ThrottlingException}; KMS Sign is capped near 1,000 requests per second per
 *       account and Region) becomes {@link ThrottledException} (429) so callers retry;</li>
 *   <li>an outage — {@code KMSInternalException} or another 5xx on every attempt, an endpoint that
 *       cannot be reached, a timed-out or lost connection — becomes {@link UnavailableException}
 *       (503): transient, not our bug, so callers retry too;</li>
 *   <li>key problems (disabled, deleted, wrong usage, access denied) are Airlock's deployment at
 *       fault and become {@link InternalException} (500).</li>
 * </ul>
 * Messages name the operation (and, for Airlock's own faults, which are logged but never returned, the
 * key), never key material.
 */
final class KmsErrors {

    /** Suggested wait after throttling or an outage, once the SDK's own retries have been spent. */
    static final Duration THROTTLED_RETRY_AFTER = Duration.ofSeconds(1);

    private KmsErrors() {
    }

    static AirlockException translate(SdkException e, String operation, String keyId) {
        String where = "KMS " + operation + " for key " + keyId;
        if (e instanceof SdkServiceException service) {
            if (service.isThrottlingException()) {
                return new ThrottledException("kms_throttled", where + " was throttled; retry later",
                        THROTTLED_RETRY_AFTER, e);
            }
            if (e instanceof KmsInternalException || service.statusCode() >= 500) {
                return new UnavailableException("kms_unavailable", "KMS " + operation
                        + " failed on the KMS side (HTTP " + service.statusCode() + "); retry later",
                        THROTTLED_RETRY_AFTER, e);
            }
            String code = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                    ? aws.awsErrorDetails().errorCode() : "HTTP " + service.statusCode();
            return new InternalException("kms_key_unusable", where + " was refused: " + code, e);
        }
        if (e instanceof SdkClientException) {
            // unreachable endpoint, connection reset, API call or attempt timeout: all transient
            return new UnavailableException("kms_unreachable", "KMS " + operation + " could not reach KMS; retry later",
                    THROTTLED_RETRY_AFTER, e);
        }
        return new InternalException("kms_failed", where + " failed", e);
    }
}
