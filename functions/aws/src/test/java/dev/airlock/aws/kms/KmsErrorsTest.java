package dev.airlock.aws.kms;

import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.ThrottledException;
import dev.airlock.domain.error.UnavailableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInternalException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class KmsErrorsTest {

    @Test
    void throttlingBecomesThrottledWithRetryAfter() {
        KmsException throttled = (KmsException) KmsException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();

        AirlockException error = KmsErrors.translate(throttled, "Sign", "alias/airlock-ca");

        assertThat(error).isInstanceOf(ThrottledException.class).hasCause(throttled);
        assertThat(error.code()).isEqualTo("kms_throttled");
        assertThat(((ThrottledException) error).retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(error.detail()).isEqualTo("KMS Sign for key alias/airlock-ca was throttled; retry later");
    }

    @Test
    void kmsInternalAndOther5xxBecomeUnavailableWithRetryAfter() {
        AirlockException internal = KmsErrors.translate(KmsInternalException.builder().statusCode(500).build(),
                "Sign", "k");
        AirlockException unavailable = KmsErrors.translate(KmsException.builder().statusCode(503).build(), "Sign", "k");

        assertThat(internal).isInstanceOf(UnavailableException.class);
        assertThat(internal.code()).isEqualTo("kms_unavailable");
        assertThat(((UnavailableException) internal).retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(unavailable).isInstanceOf(UnavailableException.class);
        assertThat(unavailable.detail()).isEqualTo("KMS Sign failed on the KMS side (HTTP 503); retry later");
    }

    @Test
    void keyProblemsBecomeInternal_unreachableEndpointsUnavailable() {
        DisabledException disabled = (DisabledException) DisabledException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("DisabledException").build()).build();

        AirlockException refused = KmsErrors.translate(disabled, "GetPublicKey", "k");
        AirlockException unreachable = KmsErrors.translate(SdkClientException.create("connection refused"), "Sign", "k");
        AirlockException timedOut = KmsErrors.translate(ApiCallTimeoutException.create(10_000), "Sign", "k");

        assertThat(refused).isInstanceOf(InternalException.class);
        assertThat(refused.code()).isEqualTo("kms_key_unusable");
        assertThat(refused.detail()).isEqualTo("KMS GetPublicKey for key k was refused: DisabledException");
        assertThat(unreachable).isInstanceOf(UnavailableException.class);
        assertThat(unreachable.code()).isEqualTo("kms_unreachable");
        assertThat(timedOut).isInstanceOf(UnavailableException.class);
    }
}
