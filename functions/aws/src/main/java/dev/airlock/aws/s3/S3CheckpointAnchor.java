package dev.airlock.aws.s3;

import dev.airlock.core.audit.SignedCheckpoint;
import dev.airlock.core.port.CheckpointAnchor;
import dev.airlock.domain.error.InternalException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link CheckpointAnchor} over an S3 bucket with Object Lock: checkpoint {@code n} is the object
 * {@code checkpoints/<n>.json}, put with retention mode COMPLIANCE until now + the retention, so no
 * principal, the account's root included, can delete or overwrite that version before it ends
 * (S3 user guide, "Using S3 Object Lock"). The object is JSON: {@code n}, {@code keyId},
 * {@code signature} (base64 DER) and {@code body} (the signed text).
 */
public final class S3CheckpointAnchor implements CheckpointAnchor {

    static final String PREFIX = "checkpoints/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S3Client s3;
    private final String bucket;
    private final Duration retention;
    private final Clock clock;

    public S3CheckpointAnchor(S3Client s3, String bucket, Duration retention, Clock clock) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static String key(long n) {
        return PREFIX + n + ".json";
    }

    @Override
    public void put(SignedCheckpoint checkpoint) {
        ObjectNode json = JSON.createObjectNode().put("n", checkpoint.n()).put("keyId", checkpoint.keyId())
                .put("signature", Base64.getEncoder().encodeToString(checkpoint.signature())).put("body", checkpoint.body());
        try {
            s3.putObject(b -> b.bucket(bucket).key(key(checkpoint.n())).contentType("application/json")
                            .objectLockMode(ObjectLockMode.COMPLIANCE)
                            .objectLockRetainUntilDate(clock.instant().plus(retention)),
                    RequestBody.fromString(JSON.writeValueAsString(json), StandardCharsets.UTF_8));
        } catch (SdkException e) {
            throw new InternalException("anchor_unavailable", "could not put " + key(checkpoint.n()) + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public List<SignedCheckpoint> from(long fromN) {
        List<SignedCheckpoint> out = new ArrayList<>();
        for (S3Object object : list()) {
            Optional<Long> n = number(object.key());
            if (n.isPresent() && n.get() >= fromN) {
                out.add(read(object.key()));
            }
        }
        out.sort((a, b) -> Long.compare(a.n(), b.n()));
        return out;
    }

    private List<S3Object> list() {
        List<S3Object> objects = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket).prefix(PREFIX).continuationToken(next));
                objects.addAll(page.contents());
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw new InternalException("anchor_unavailable", "could not list " + bucket + "/" + PREFIX, e);
        }
        return objects;
    }

    /** An object that is not a readable checkpoint comes back with an empty body: the verifier names it. */
    private SignedCheckpoint read(String key) {
        long n = number(key).orElseThrow();
        try {
            JsonNode json = JSON.readTree(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
            return new SignedCheckpoint(n, json.path("body").asString(""), json.path("keyId").asString(""),
                    Base64.getDecoder().decode(json.path("signature").asString("")));
        } catch (JacksonException | IllegalArgumentException e) {
            return new SignedCheckpoint(n, "", "", new byte[0]);
        } catch (SdkException e) {
            throw new InternalException("anchor_unavailable", "could not get " + bucket + "/" + key, e);
        }
    }

    private static Optional<Long> number(String key) {
        if (!key.startsWith(PREFIX) || !key.endsWith(".json")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(key.substring(PREFIX.length(), key.length() - ".json".length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
