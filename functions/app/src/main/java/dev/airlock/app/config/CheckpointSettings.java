package dev.airlock.app.config;

import dev.airlock.core.config.EnvironmentNames;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the {@code checkpoint} function needs: the Object Lock bucket ({@value EnvironmentNames#CHECKPOINT_BUCKET}),
 * the audit key ({@value EnvironmentNames#AUDIT_KEY_ID}), the interval between checkpoints
 * ({@value EnvironmentNames#CHECKPOINT_INTERVAL}, default PT5M) and each checkpoint's COMPLIANCE retention
 * ({@value EnvironmentNames#CHECKPOINT_RETENTION}, default P400D).
 */
public record CheckpointSettings(String bucket, String auditKeyId, Duration interval, Duration retention) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(400);
    /** S3 bucket names: 3–63 of lower-case letters, digits, dots and hyphens (S3 user guide, bucket naming rules). */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern KEY_ID = Pattern.compile("\\S{1,2048}");

    public CheckpointSettings {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(auditKeyId, "auditKeyId");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(retention, "retention");
    }

    /**
     * The settings in {@code env}: empty when neither the bucket nor the key is set.
     *
     * @param required whether the checkpoint function is the one selected (then both must be set)
     */
    static Optional<CheckpointSettings> parse(Environment env, boolean required) {
        Optional<String> bucket = env.get(EnvironmentNames.CHECKPOINT_BUCKET);
        Optional<String> key = env.get(EnvironmentNames.AUDIT_KEY_ID);
        if (bucket.isEmpty() && key.isEmpty() && !required) {
            return Optional.empty();
        }
        String b = bucket.orElseThrow(() -> new InvalidConfigException(EnvironmentNames.CHECKPOINT_BUCKET,
                "is required by the checkpoint function: the Object Lock bucket of the checkpoints"));
        String k = key.orElseThrow(() -> new InvalidConfigException(EnvironmentNames.AUDIT_KEY_ID,
                "is required by the checkpoint function: the audit key's id, ARN or alias"));
        if (!BUCKET.matcher(b).matches()) {
            throw new InvalidConfigException(EnvironmentNames.CHECKPOINT_BUCKET, "must be an S3 bucket name");
        }
        if (!KEY_ID.matcher(k).matches()) {
            throw new InvalidConfigException(EnvironmentNames.AUDIT_KEY_ID, "must be a KMS key id, key ARN or alias");
        }
        return Optional.of(new CheckpointSettings(b, k, duration(env, EnvironmentNames.CHECKPOINT_INTERVAL,
                DEFAULT_INTERVAL), duration(env, EnvironmentNames.CHECKPOINT_RETENTION, DEFAULT_RETENTION)));
    }

    private static Duration duration(Environment env, String name, Duration fallback) {
        Optional<String> text = env.get(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(text.get());
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidConfigException(name, "must be a positive ISO-8601 duration such as PT5M or P400D");
    }
}
