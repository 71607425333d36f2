package dev.airlock.app.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.ErrorKind;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.error.ThrottledException;
import dev.airlock.domain.error.UnavailableException;
import dev.airlock.domain.error.UnauthenticatedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kms.model.KmsException;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    private static final String CORRELATION_ID = "JKJaXmPLvHcESHA=";

    /** One exception of every kind, so a new kind without a mapping fails this test. */
    private static AirlockException exceptionOf(ErrorKind kind) {
        return switch (kind) {
            case INVALID_REQUEST -> new InvalidRequestException("reason_required", "a reason is required");
            case UNAUTHENTICATED -> new UnauthenticatedException("no_identity", "no verified identity claims");
            case ACCESS_DENIED -> new AccessDeniedException("self_review", "a requester cannot review their own request");
            case NOT_FOUND -> new NotFoundException("request_not_found", "no access request 'x'");
            case CONFLICT -> new ConflictException("already_reviewed", "'alice' has already reviewed request x");
            case THROTTLED -> new ThrottledException("kms_throttled", "KMS is throttling Sign", Duration.ofMillis(2500));
            case UNAVAILABLE -> new UnavailableException("kms_unavailable", "KMS Sign failed on the KMS side (HTTP 500)",
                    Duration.ofSeconds(2), null);
            case INTERNAL -> new InternalException("roles_corrupt", "stored roles do not match their hash 3f9a...");
        };
    }

    private static Map<String, Object> body(APIGatewayV2HTTPResponse response) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) Json.readTree(response.getBody());
        return map;
    }

    @ParameterizedTest
    @EnumSource(value = ErrorKind.class, names = "INTERNAL", mode = EnumSource.Mode.EXCLUDE)
    void everyClientKind_shouldMapToItsStatusTitleTypeDetailAndCode(ErrorKind kind) {
        AirlockException failure = exceptionOf(kind);

        APIGatewayV2HTTPResponse response = Problems.of(failure, CORRELATION_ID);

        assertThat(response.getStatusCode()).isEqualTo(kind.httpStatus());
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        Map<String, Object> body = body(response);
        assertThat(body).containsOnlyKeys("type", "title", "status", "detail", "code");
        assertThat(body.get("type")).isEqualTo("https://airlock.dev/problems/" + failure.code().replace('_', '-'));
        assertThat(body.get("title")).isEqualTo(kind.title());
        assertThat(body.get("status")).isEqualTo(kind.httpStatus());
        assertThat(body.get("detail")).isEqualTo(failure.detail());
        assertThat(body.get("code")).isEqualTo(failure.code());
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void retryAfter_shouldAccompanyThrottlingAndUnavailabilityOnly(ErrorKind kind) {
        APIGatewayV2HTTPResponse response = Problems.of(exceptionOf(kind), CORRELATION_ID);

        if (kind == ErrorKind.THROTTLED) {
            // 2.5 s rounds up: retrying early would only be throttled again.
            assertThat(response.getHeaders()).containsEntry("Retry-After", "3");
        } else if (kind == ErrorKind.UNAVAILABLE) {
            assertThat(response.getHeaders()).containsEntry("Retry-After", "2");
        } else {
            assertThat(response.getHeaders()).doesNotContainKey("Retry-After");
        }
    }

    @Test
    void throttledWithoutRetryAfter_shouldSuggestTheDefault() {
        APIGatewayV2HTTPResponse response = Problems.of(new ThrottledException("throttled", "slow down"), CORRELATION_ID);

        assertThat(response.getStatusCode()).isEqualTo(429);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
    }

    @Test
    void internalKind_shouldBe500WithOnlyTheCorrelationId() {
        APIGatewayV2HTTPResponse response = Problems.of(exceptionOf(ErrorKind.INTERNAL), CORRELATION_ID);

        assertThat(response.getStatusCode()).isEqualTo(500);
        Map<String, Object> body = body(response);
        assertThat(body).containsOnlyKeys("type", "title", "status", "correlationId");
        assertThat(body.get("correlationId")).isEqualTo(CORRELATION_ID);
        assertThat(response.getBody()).doesNotContain("roles_corrupt", "hash");
    }

    @Test
    void unexpectedException_shouldBe500WithoutItsMessage() {
        APIGatewayV2HTTPResponse response = Problems.of(
                new IllegalStateException("secret detail: arn:aws:kms:eu-central-1:123456789012:key/abc"), CORRELATION_ID);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("secret", "arn:aws", "IllegalStateException");
        assertThat(body(response).get("correlationId")).isEqualTo(CORRELATION_ID);
    }

    @Test
    void awsThrottling_shouldBe429WithRetryAfter() {
        KmsException throttling = (KmsException) KmsException.builder().statusCode(400)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
                .build();

        APIGatewayV2HTTPResponse response = Problems.of(throttling, CORRELATION_ID);

        assertThat(response.getStatusCode()).isEqualTo(429);
        assertThat(response.getHeaders()).containsKey("Retry-After");
        assertThat(response.getBody()).doesNotContain("Rate exceeded");
    }

    @Test
    void unavailableDependency_shouldBe503WithItsRetryAfter() {
        APIGatewayV2HTTPResponse response = Problems.of(exceptionOf(ErrorKind.UNAVAILABLE), CORRELATION_ID);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "2");
        assertThat(body(response).get("title")).isEqualTo("Service unavailable");
    }

    @Test
    void aws5xxLetThroughByAnAdapter_shouldBe503WithRetryAfter() {
        APIGatewayV2HTTPResponse response = Problems.of(KmsException.builder().statusCode(500)
                .message("internal detail").build(), CORRELATION_ID);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(response.getBody()).doesNotContain("internal detail");
    }

    @Test
    void awsUnreachable_shouldBe503WithRetryAfter() {
        APIGatewayV2HTTPResponse response = Problems.of(
                SdkClientException.create("Unable to execute HTTP request: Connection refused"), CORRELATION_ID);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(response.getBody()).doesNotContain("Connection refused");
    }

    @Test
    void everyProblem_shouldForbidCachingAndSniffing() {
        for (ErrorKind kind : ErrorKind.values()) {
            APIGatewayV2HTTPResponse response = Problems.of(exceptionOf(kind), CORRELATION_ID);

            assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store")
                    .containsEntry("X-Content-Type-Options", "nosniff");
        }
    }
}
