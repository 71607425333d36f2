package dev.airlock.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.CfnAlias;
import software.amazon.awscdk.services.kms.CfnKey;
import software.constructs.Construct;

import java.util.List;

/**
 * The SSH certificate authority's key: an asymmetric KMS key that signs and never leaves KMS.
 *
 * <p>The L1 {@link CfnKey} is used on purpose: the L2 {@code Key} always adds a statement giving the
 * account root {@code kms:*} (or, with {@code admins}, {@code PutKeyPolicy} to those admins), which
 * would let any administrator rewrite the policy and sign. The policy is {@link CaKeyPolicy}.
 *
 * <p>KMS's policy lockout safety check is left on: KMS refuses to create the key unless the
 * principal creating it may change its policy afterwards, so the stack must be created by the key
 * administrator role (docs/DEPLOY.md), and a later change of the key policy must be too.
 */
public final class CaKey extends Construct {

    public static final String ALIAS = "alias/airlock-ca";
    /** What the sign function may do with the key (also granted in its IAM policy). */
    public static final List<String> SIGNER_ACTIONS = CaKeyPolicy.SIGNER_ACTIONS;
    /** Longest waiting period KMS allows before a scheduled deletion, to leave time to undo it. */
    private static final int DELETION_WINDOW_DAYS = 30;

    private final CfnKey key;

    /**
     * @param signerRole          the {@code sign} function's role, the only one that may sign
     * @param keyAdministratorArn the break-glass role, the only one that may change the key policy
     */
    public CaKey(Construct scope, String id, String keySpec, IRole signerRole, String keyAdministratorArn) {
        super(scope, id);
        this.key = CfnKey.Builder.create(this, "Key")
                .description("Airlock SSH user CA (signs OpenSSH certificates)")
                .keySpec(keySpec)
                .keyUsage("SIGN_VERIFY")
                .pendingWindowInDays(DELETION_WINDOW_DAYS)
                .keyPolicy(CaKeyPolicy.of(signerRole.getRoleArn(), keyAdministratorArn))
                .build();
        key.applyRemovalPolicy(RemovalPolicy.RETAIN);
        CfnAlias.Builder.create(this, "Alias").aliasName(ALIAS).targetKeyId(key.getRef()).build();
    }

    public String keyArn() {
        return key.getAttrArn();
    }
}
