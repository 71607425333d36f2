package dev.airlock.aws.kms;

import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.ThrottledException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.kms.model.KmsInternalException;

import java.time.Duration;

/**
 * Maps AWS SDK failures of KMS calls to the error family, once. Throttling ({@code ThrottlingException},
 * HTTP 429; KMS Sign is capped near 1,000 requests per second per account and Region) becomes
 * {@link ThrottledException} so callers retry; {@code KMSInternalException}, other 5xx, unreachable
 * endpoints and key problems (disabled, deleted, wrong usage, access denied) are Airlock's fault
 * and become {@link InternalException}. Messages name the operation and key, never key material.
 */
final class KmsErrors {

    /** Suggested wait after throttling, once the SDK's own retries have been spent. */
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
                return new InternalException("kms_unavailable", where + " failed on the KMS side (HTTP "
                        + service.statusCode() + ")", e);
            }
            String code = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                    ? aws.awsErrorDetails().errorCode() : "HTTP " + service.statusCode();
            return new InternalException("kms_key_unusable", where + " was refused: " + code, e);
        }
        if (e instanceof SdkClientException) {
            return new InternalException("kms_unreachable", where + " could not reach KMS", e);
        }
        return new InternalException("kms_failed", where + " failed", e);
    }
}
