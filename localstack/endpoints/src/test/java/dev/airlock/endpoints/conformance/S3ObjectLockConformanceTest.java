package dev.airlock.endpoints.conformance;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * S3 with Object Lock as the S3 User Guide (object-lock.html) and API reference describe it: a
 * bucket created with Object Lock has versioning; a COMPLIANCE-locked version cannot be deleted or
 * have its retention shortened (403 AccessDenied), while a plain DELETE only adds a delete marker
 * and an overwrite only adds a version; retention round-trips through the object's headers;
 * ListObjectsV2 pages with continuation tokens. Retention dates are one day ahead, so a real
 * bucket used by this suite empties itself a day later.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ObjectLockConformanceTest {

    private final ConformanceTarget target = ConformanceTarget.current();
    private S3Client s3;
    private String locked;

    @BeforeAll
    void createBucket() {
        s3 = target.s3();
        locked = target.uniqueName("airlock-lock");
        s3.createBucket(r -> r.bucket(locked).objectLockEnabledForBucket(true));
    }

    private static Instant oneDayAhead() {
        return Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    private PutObjectResponse putLocked(String key, String content, Instant until) {
        return s3.putObject(r -> r.bucket(locked).key(key).objectLockMode(ObjectLockMode.COMPLIANCE)
                .objectLockRetainUntilDate(until), RequestBody.fromString(content));
    }

    private String read(String key, String versionId) {
        return s3.getObjectAsBytes(r -> r.bucket(locked).key(key).versionId(versionId))
                .asString(StandardCharsets.UTF_8);
    }

    @Test
    void objectLockBucket_shouldHaveVersioning_andKeepItsDefaultRetention() {
        s3.putObjectLockConfiguration(r -> r.bucket(locked).objectLockConfiguration(c -> c.objectLockEnabled("Enabled")
                .rule(rule -> rule.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).days(1)))));

        var configuration = s3.getObjectLockConfiguration(r -> r.bucket(locked)).objectLockConfiguration();

        assertThat(configuration.objectLockEnabledAsString()).isEqualTo("Enabled");
        assertThat(configuration.rule().defaultRetention().mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
        assertThat(configuration.rule().defaultRetention().days()).isEqualTo(1);
        assertThat(s3.getBucketVersioning(r -> r.bucket(locked)).statusAsString()).isEqualTo("Enabled");
    }

    @Test
    void retentionHeaders_shouldRoundTripThroughHeadAndGet() {
        Instant until = oneDayAhead();
        PutObjectResponse put = putLocked("checkpoints/1.json", "{\"n\":1}", until);

        HeadObjectResponse head = s3.headObject(r -> r.bucket(locked).key("checkpoints/1.json"));

        assertThat(put.versionId()).isNotBlank();
        assertThat(head.versionId()).isEqualTo(put.versionId());
        assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.COMPLIANCE);
        assertThat(head.objectLockRetainUntilDate()).isEqualTo(until);
        assertThat(head.contentLength()).isEqualTo(7L);
        assertThat(read("checkpoints/1.json", null)).isEqualTo("{\"n\":1}");
        assertThat(s3.getObjectRetention(r -> r.bucket(locked).key("checkpoints/1.json")).retention()
                .retainUntilDate()).isEqualTo(until);
    }

    @Test
    void deletingALockedVersion_shouldBeRefused_butADeleteMarkerIsAllowed() {
        PutObjectResponse put = putLocked("checkpoints/2.json", "two", oneDayAhead());

        S3Exception refused = catchThrowableOfType(S3Exception.class,
                () -> s3.deleteObject(r -> r.bucket(locked).key("checkpoints/2.json").versionId(put.versionId())));
        DeleteObjectResponse marker = s3.deleteObject(r -> r.bucket(locked).key("checkpoints/2.json"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(marker.deleteMarker()).isTrue();
        assertThat(catchThrowableOfType(NoSuchKeyException.class,
                () -> s3.getObjectAsBytes(r -> r.bucket(locked).key("checkpoints/2.json")))).isNotNull();
        assertThat(read("checkpoints/2.json", put.versionId())).isEqualTo("two");
    }

    @Test
    void overwritingALockedObject_shouldKeepTheLockedVersion() {
        PutObjectResponse first = putLocked("checkpoints/3.json", "original", oneDayAhead());
        PutObjectResponse second = putLocked("checkpoints/3.json", "rewritten", oneDayAhead());

        assertThat(second.versionId()).isNotEqualTo(first.versionId());
        assertThat(read("checkpoints/3.json", null)).isEqualTo("rewritten");
        assertThat(read("checkpoints/3.json", first.versionId())).isEqualTo("original");
    }

    @Test
    void complianceRetention_shouldExtendButNeverShorten() {
        Instant until = oneDayAhead();
        PutObjectResponse put = putLocked("checkpoints/4.json", "four", until);

        S3Exception shorter = catchThrowableOfType(S3Exception.class, () -> s3.putObjectRetention(r -> r.bucket(locked)
                .key("checkpoints/4.json").versionId(put.versionId())
                .retention(x -> x.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until.minus(Duration.ofHours(1))))));
        Instant later = until.plus(Duration.ofHours(1));
        s3.putObjectRetention(r -> r.bucket(locked).key("checkpoints/4.json").versionId(put.versionId())
                .retention(x -> x.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(later)));

        assertThat(shorter.statusCode()).isEqualTo(403);
        assertThat(shorter.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(s3.getObjectRetention(r -> r.bucket(locked).key("checkpoints/4.json").versionId(put.versionId()))
                .retention().retainUntilDate()).isEqualTo(later);
    }

    @Test
    void lockHeaders_onABucketWithoutObjectLock_shouldBeRefused() {
        String plain = target.uniqueName("airlock-plain");
        s3.createBucket(r -> r.bucket(plain));

        S3Exception refused = catchThrowableOfType(S3Exception.class, () -> s3.putObject(r -> r.bucket(plain).key("k")
                .objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(oneDayAhead()),
                RequestBody.fromString("x")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
        s3.deleteBucket(r -> r.bucket(plain));
    }

    @Test
    void listObjectsV2_shouldPageThroughAPrefix_withoutDeletedKeys() {
        String plain = target.uniqueName("airlock-list");
        s3.createBucket(r -> r.bucket(plain));
        for (int i = 1; i <= 5; i++) {
            String key = "checkpoints/" + i + ".json";
            s3.putObject(r -> r.bucket(plain).key(key), RequestBody.fromString("c" + key));
        }
        s3.putObject(r -> r.bucket(plain).key("other/x"), RequestBody.fromString("x"));
        s3.putObject(r -> r.bucket(plain).key("checkpoints/9.json"), RequestBody.fromString("gone"));
        s3.deleteObject(r -> r.bucket(plain).key("checkpoints/9.json"));

        List<String> keys = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(plain).prefix("checkpoints/").maxKeys(2)
                    .continuationToken(current));
            page.contents().stream().map(S3Object::key).forEach(keys::add);
            pageSizes.add(page.keyCount());
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);

        assertThat(keys).containsExactly("checkpoints/1.json", "checkpoints/2.json", "checkpoints/3.json",
                "checkpoints/4.json", "checkpoints/5.json");
        assertThat(pageSizes).containsExactly(2, 2, 1);
    }

    @Test
    void objectLockConfiguration_onABucketCreatedWithout_shouldBeRefused() {
        String plain = target.uniqueName("airlock-nolock");
        s3.createBucket(r -> r.bucket(plain));

        S3Exception refused = catchThrowableOfType(S3Exception.class, () -> s3.getObjectLockConfiguration(
                r -> r.bucket(plain)));

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ObjectLockConfigurationNotFoundError");
        s3.deleteBucket(r -> r.bucket(plain));
    }
}
