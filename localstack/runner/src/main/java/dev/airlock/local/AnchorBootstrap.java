package dev.airlock.local;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

import java.util.Objects;

/**
 * What the {@code checkpoint} function needs locally, made once and found on every later start: the
 * audit table's stream (NEW_AND_OLD_IMAGES), the audit key (KMS {@code ECC_NIST_P256},
 * {@code SIGN_VERIFY}, under its alias; a key of its own, never the CA key) and the checkpoint bucket
 * with Object Lock and a COMPLIANCE default retention of {@value #RETENTION_DAYS} day.
 */
final class AnchorBootstrap {

    static final String AUDIT_KEY_ALIAS = "alias/airlock-audit";
    static final String BUCKET = "airlock-local-checkpoints";
    /** Locally a day: long enough to see S3 refuse a delete, short enough not to pile up. */
    static final int RETENTION_DAYS = 1;

    private AnchorBootstrap() {
    }

    /** Enables the table's stream unless one is enabled; returns whether it enabled it now. */
    static boolean ensureStream(DynamoDbClient dynamoDb, String table) {
        TableDescription description = dynamoDb.describeTable(b -> b.tableName(table)).table();
        if (description.streamSpecification() != null && Boolean.TRUE.equals(description.streamSpecification().streamEnabled())) {
            return false;
        }
        dynamoDb.updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        return true;
    }

    /** The audit key behind {@code alias}, created when the alias does not exist. */
    static String ensureAuditKey(KmsClient kms, String alias) {
        try {
            KeyMetadata key = kms.describeKey(b -> b.keyId(alias)).keyMetadata();
            if (!KeySpec.ECC_NIST_P256.toString().equals(key.keySpecAsString())) {
                throw new IllegalStateException("the audit key " + alias + " is " + key.keySpecAsString()
                        + ", not ECC_NIST_P256; start with a fresh AIRLOCK_HOME");
            }
            return key.keyId();
        } catch (NotFoundException absent) {
            KeyMetadata created = kms.createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY)
                    .description("Airlock audit key: signs checkpoints (local development)")).keyMetadata();
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(created.keyId()));
            return created.keyId();
        }
    }

    /** The Object Lock bucket, created with its default COMPLIANCE retention when it does not exist. */
    static void ensureBucket(S3Client s3, String bucket) {
        Objects.requireNonNull(bucket, "bucket");
        try {
            s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        } catch (BucketAlreadyOwnedByYouException exists) {
            return;
        }
        s3.putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c.objectLockEnabled("Enabled")
                .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.COMPLIANCE).days(RETENTION_DAYS)))));
    }
}
