package dev.airlock.endpoints.s3;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the SDK-level conformance suite cannot reach: retention ending on an injected clock, the
 * integrity header S3 requires with Object Lock, aws-chunked bodies, unsupported features named,
 * and buckets that survive a restart.
 */
class S3ServiceTest {

    private static final Instant START = Instant.parse("2026-12-06T01:00:00Z");

    @TempDir
    Path root;

    private static final class MovableClock extends Clock {
        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static S3Request request(String method, String bucket, String key, Map<String, String> query,
                                     Map<String, String> headers, String body) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((name, value) -> h.put(name, List.of(value)));
        return new S3Request(method, bucket, Optional.ofNullable(key), query, h, body.getBytes(StandardCharsets.UTF_8));
    }

    private static S3Response lockedBucketWithObject(S3Service s3, String until) throws S3Exception {
        s3.handle(request("PUT", "anchor", null, Map.of(), Map.of("x-amz-bucket-object-lock-enabled", "true"), ""));
        return s3.handle(request("PUT", "anchor", "checkpoints/1.json", Map.of(), Map.of(
                "x-amz-object-lock-mode", "COMPLIANCE", "x-amz-object-lock-retain-until-date", until,
                "x-amz-sdk-checksum-algorithm", "CRC32"), "{}"));
    }

    @Test
    void aLockedVersion_shouldBeDeletableOnlyOnceItsRetentionHasPassed() throws Exception {
        MovableClock clock = new MovableClock();
        S3Service s3 = new S3Service(clock, S3Persistence.inMemory());
        String version = lockedBucketWithObject(s3, "2026-12-07T01:00:00Z").headers().get("x-amz-version-id");
        S3Request delete = request("DELETE", "anchor", "checkpoints/1.json", Map.of("versionId", version), Map.of(), "");

        clock.advance(Duration.ofDays(1).minusSeconds(1));
        S3Exception refused = catchThrowableOfType(S3Exception.class, () -> s3.handle(delete));
        clock.advance(Duration.ofSeconds(1));
        S3Response deleted = s3.handle(delete);

        assertThat(refused.code()).isEqualTo("AccessDenied");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(catchThrowableOfType(S3Exception.class, () -> s3.handle(request("GET", "anchor",
                "checkpoints/1.json", Map.of(), Map.of(), ""))).code()).isEqualTo("NoSuchKey");
    }

    @Test
    void lockHeaders_withoutAnIntegrityHeader_shouldBeRefused() throws Exception {
        S3Service s3 = new S3Service(new MovableClock(), S3Persistence.inMemory());
        s3.handle(request("PUT", "anchor", null, Map.of(), Map.of("x-amz-bucket-object-lock-enabled", "true"), ""));

        S3Exception refused = catchThrowableOfType(S3Exception.class, () -> s3.handle(request("PUT", "anchor", "k",
                Map.of(), Map.of("x-amz-object-lock-mode", "COMPLIANCE",
                        "x-amz-object-lock-retain-until-date", "2027-01-01T00:00:00Z"), "x")));

        assertThat(refused.code()).isEqualTo("InvalidRequest");
        assertThat(refused.getMessage()).contains("Content-MD5 OR x-amz-checksum-");
    }

    @Test
    void anAwsChunkedBody_shouldBeStoredDecoded_andItsCrc32Checked() throws Exception {
        S3Service s3 = new S3Service(new MovableClock(), S3Persistence.inMemory());
        s3.handle(request("PUT", "plain", null, Map.of(), Map.of(), ""));
        Map<String, String> headers = Map.of("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
                "content-encoding", "aws-chunked", "x-amz-trailer", "x-amz-checksum-crc32");
        String good = "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:" + PayloadDecoder.crc32("hello".getBytes(StandardCharsets.UTF_8))
                + "\r\n\r\n";
        String bad = "5\r\nhello\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n";

        s3.handle(request("PUT", "plain", "k", Map.of(), headers, good));
        S3Exception refused = catchThrowableOfType(S3Exception.class,
                () -> s3.handle(request("PUT", "plain", "k2", Map.of(), headers, bad)));

        S3Response stored = s3.handle(request("GET", "plain", "k", Map.of(), Map.of(), ""));
        assertThat(new String(stored.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(refused.code()).isEqualTo("BadDigest");
    }

    @Test
    void unsupportedSubresources_shouldBeNotImplemented_namingThem() throws Exception {
        S3Service s3 = new S3Service(new MovableClock(), S3Persistence.inMemory());
        s3.handle(request("PUT", "plain", null, Map.of(), Map.of(), ""));

        S3Exception refused = catchThrowableOfType(S3Exception.class,
                () -> s3.handle(request("PUT", "plain", "k", Map.of("legal-hold", ""), Map.of(), "")));

        assertThat(refused.code()).isEqualTo("NotImplemented");
        assertThat(refused.status()).isEqualTo(501);
        assertThat(refused.getMessage()).contains("legal-hold");
    }

    @Test
    void bucketsAndLockedVersions_shouldSurviveARestart() throws Exception {
        MovableClock clock = new MovableClock();
        String version = lockedBucketWithObject(new S3Service(clock, S3Persistence.in(root)), "2027-01-01T00:00:00Z")
                .headers().get("x-amz-version-id");

        S3Service restarted = new S3Service(clock, S3Persistence.in(root));
        S3Response object = restarted.handle(request("GET", "anchor", "checkpoints/1.json", Map.of(), Map.of(), ""));
        S3Exception refused = catchThrowableOfType(S3Exception.class, () -> restarted.handle(request("DELETE", "anchor",
                "checkpoints/1.json", Map.of("versionId", version), Map.of(), "")));

        assertThat(new String(object.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(object.headers()).containsEntry("x-amz-object-lock-mode", "COMPLIANCE")
                .containsEntry("x-amz-object-lock-retain-until-date", "2027-01-01T00:00:00.000Z")
                .containsEntry("x-amz-version-id", version);
        assertThat(refused.code()).isEqualTo("AccessDenied");
    }
}
