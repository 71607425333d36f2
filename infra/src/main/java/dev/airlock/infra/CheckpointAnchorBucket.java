package dev.airlock.infra;

import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The write-once anchor of audit checkpoints: a versioned S3 bucket with Object Lock whose default
 * retention is COMPLIANCE for {@value #RETENTION_PARAM} days, so no principal, the account's root
 * included, can delete or overwrite a checkpoint's object version before its retention ends (S3 user
 * guide, "Using S3 Object Lock": COMPLIANCE mode). Object Lock cannot be turned off and versioning
 * cannot be suspended on such a bucket (S3 API reference, PutBucketVersioning).
 *
 * <p>The bucket policy ({@code SecurityRegressionTest} and {@code CheckpointAnchorBucketTest} assert each statement):
 * TLS only; {@code PutObject} denied to every principal but the {@code checkpoint} function's role, and
 * outside {@value #PREFIX} to everyone; {@code DeleteObject} (a delete marker would hide a checkpoint from a
 * plain listing) and {@code DeleteObjectVersion} denied to everyone; the bucket's protections
 * ({@link #BUCKET_PROTECTIONS}) denied to all but the {@link KeyAdministrator} role. S3 lets the root user of
 * the owning account change or delete a bucket policy whatever it says (S3 user guide, "Bucket policies"),
 * so for the root the policy is a tripwire and Object Lock is the guarantee.
 */
public final class CheckpointAnchorBucket extends Construct {

    public static final String RETENTION_PARAM = "CheckpointRetentionDays";
    public static final int DEFAULT_RETENTION_DAYS = 400;
    /** Where checkpoint {@code n} goes: {@code checkpoints/<n>.json} (the function's S3 anchor). */
    public static final String PREFIX = "checkpoints/";
    /** What could weaken the bucket or lose its objects, denied to all but the key administrator. */
    public static final List<String> BUCKET_PROTECTIONS = List.of(
            "s3:PutBucketObjectLockConfiguration", "s3:PutBucketVersioning", "s3:PutBucketPolicy",
            "s3:DeleteBucketPolicy", "s3:PutBucketPublicAccessBlock", "s3:PutLifecycleConfiguration",
            "s3:PutBucketOwnershipControls", "s3:PutEncryptionConfiguration", "s3:DeleteBucket");
    /** Object writes that only the checkpoint function may make. */
    public static final List<String> OBJECT_WRITES = List.of("s3:PutObject", "s3:PutObjectRetention");
    public static final List<String> OBJECT_DELETES = List.of("s3:DeleteObject", "s3:DeleteObjectVersion");
    private static final String PRINCIPAL_ARN = "aws:PrincipalArn";
    private static final int MAX_RETENTION_DAYS = 36_500;

    private final Bucket bucket;

    /**
     * @param checkpointRoleArn   the {@code checkpoint} function's role, the only one that may put
     * @param keyAdministratorArn the break-glass role, the only one that may change the bucket's protections
     */
    public CheckpointAnchorBucket(Construct scope, String id, String checkpointRoleArn, String keyAdministratorArn) {
        super(scope, id);
        this.bucket = Bucket.Builder.create(this, "Bucket")
                .versioned(true)
                .objectLockEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        defaultRetention(retentionDays());
        policy(checkpointRoleArn, keyAdministratorArn).forEach(bucket::addToResourcePolicy);
    }

    public Bucket bucket() {
        return bucket;
    }

    /** The IAM resource of the checkpoint objects. */
    public String checkpointObjectsArn() {
        return bucket.arnForObjects(PREFIX + "*");
    }

    private Number retentionDays() {
        return CfnParameter.Builder.create(Stack.of(this), RETENTION_PARAM).type("Number")
                .defaultValue(DEFAULT_RETENTION_DAYS).minValue(1).maxValue(MAX_RETENTION_DAYS)
                .description("Days each audit checkpoint stays locked (S3 Object Lock, COMPLIANCE mode): no one, "
                        + "the account root included, can delete or overwrite it before then")
                .build().getValueAsNumber();
    }

    /** A deploy parameter, which the L2 bucket's Duration-typed retention cannot take. */
    private void defaultRetention(Number days) {
        ((CfnBucket) bucket.getNode().getDefaultChild()).setObjectLockConfiguration(
                CfnBucket.ObjectLockConfigurationProperty.builder()
                        .objectLockEnabled("Enabled")
                        .rule(CfnBucket.ObjectLockRuleProperty.builder()
                                .defaultRetention(CfnBucket.DefaultRetentionProperty.builder()
                                        .mode("COMPLIANCE").days(days).build())
                                .build())
                        .build());
    }

    private List<PolicyStatement> policy(String checkpointRoleArn, String keyAdministratorArn) {
        String objects = bucket.arnForObjects("*");
        return List.of(
                deny("OnlyTheCheckpointFunctionPuts", OBJECT_WRITES)
                        .resources(List.of(objects))
                        .conditions(Map.of("ArnNotEquals", Map.of(PRINCIPAL_ARN, checkpointRoleArn))).build(),
                deny("PutsOnlyUnderCheckpoints", OBJECT_WRITES)
                        .notResources(List.of(checkpointObjectsArn())).build(),
                deny("NothingIsDeleted", OBJECT_DELETES).resources(List.of(objects)).build(),
                deny("OnlyTheKeyAdministratorChangesTheBucket", BUCKET_PROTECTIONS)
                        .resources(List.of(bucket.getBucketArn()))
                        .conditions(Map.of("ArnNotEquals", Map.of(PRINCIPAL_ARN, keyAdministratorArn))).build());
    }

    private static PolicyStatement.Builder deny(String sid, List<String> actions) {
        return PolicyStatement.Builder.create().sid(sid).effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal())).actions(actions);
    }
}
