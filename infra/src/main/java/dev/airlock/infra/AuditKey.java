package dev.airlock.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.CfnAlias;
import software.amazon.awscdk.services.kms.CfnKey;
import software.constructs.Construct;

/**
 * The audit key: a second asymmetric KMS key, separate from the CA's, that signs audit checkpoints.
 * An L1 {@link CfnKey} for the reason {@link CaKey} gives (the L2 key adds {@code kms:*} for the
 * account); its policy is {@link AuditKeyPolicy}. ECDSA P-256 is what the checkpoint signer and
 * verifier use ({@code KmsCheckpointSigner}).
 */
public final class AuditKey extends Construct {

    public static final String ALIAS = "alias/airlock-audit";
    public static final String KEY_SPEC = "ECC_NIST_P256";
    private static final int DELETION_WINDOW_DAYS = 30;

    private final CfnKey key;

    /**
     * @param checkpointRole      the {@code checkpoint} function's role, the only one that may sign
     * @param keyAdministratorArn the break-glass role, the only one that may change the key policy
     */
    public AuditKey(Construct scope, String id, IRole checkpointRole, String keyAdministratorArn) {
        super(scope, id);
        this.key = CfnKey.Builder.create(this, "Key")
                .description("Airlock audit key (signs audit checkpoints)")
                .keySpec(KEY_SPEC)
                .keyUsage("SIGN_VERIFY")
                .pendingWindowInDays(DELETION_WINDOW_DAYS)
                .keyPolicy(AuditKeyPolicy.of(checkpointRole.getRoleArn(), keyAdministratorArn))
                .build();
        // Checkpoints in the anchor bucket outlive the stack: their key must too, or they cannot be verified.
        key.applyRemovalPolicy(RemovalPolicy.RETAIN);
        CfnAlias.Builder.create(this, "Alias").aliasName(ALIAS).targetKeyId(key.getRef()).build();
    }

    public String keyArn() {
        return key.getAttrArn();
    }
}
