package dev.airlock.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.CfnAlias;
import software.amazon.awscdk.services.kms.CfnKey;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The SSH certificate authority's key: an asymmetric KMS key that signs and never leaves KMS.
 *
 * <p>The L1 {@link CfnKey} is used on purpose: the L2 {@code Key} always adds a statement giving the
 * account root {@code kms:*}, which would let any administrator sign certificates. Here the key
 * policy is written out in full:
 * <ul>
 *   <li>the account root (so IAM administrators) may <em>manage</em> the key — an explicit list of
 *       actions with no wildcard that could match {@code Sign}, {@code Verify},
 *       {@code GetPublicKey} or {@code CreateGrant};</li>
 *   <li>only the {@code sign} function's role may call {@code Sign}, {@code GetPublicKey} and
 *       {@code DescribeKey}. The statement names the account as principal and the role in an
 *       {@code aws:PrincipalArn} condition, so the key can be created while the new role is still
 *       propagating in IAM, and it keeps working if the role is ever replaced (a role named as
 *       principal is pinned to its unique id);</li>
 *   <li>an explicit deny of {@code Sign} to every other principal, so a grant or a broad IAM
 *       policy added later cannot widen who signs.</li>
 * </ul>
 */
public final class CaKey extends Construct {

    public static final String ALIAS = "alias/airlock-ca";
    /** What the sign function may do with the key (also granted in its IAM policy). */
    public static final List<String> SIGNER_ACTIONS = List.of("kms:Sign", "kms:GetPublicKey", "kms:DescribeKey");
    /** Key management without any use of the key (KMS key policy reference, "administrators"). */
    public static final List<String> ADMIN_ACTIONS = List.of(
            "kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:ListKeyPolicies",
            "kms:ListGrants", "kms:RevokeGrant", "kms:ListResourceTags", "kms:TagResource",
            "kms:UntagResource", "kms:UpdateKeyDescription", "kms:EnableKey", "kms:DisableKey",
            "kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias", "kms:ListAliases",
            "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion");
    private static final String PRINCIPAL_ARN = "aws:PrincipalArn";
    /** Longest waiting period KMS allows before a scheduled deletion, to leave time to undo it. */
    private static final int DELETION_WINDOW_DAYS = 30;

    private final CfnKey key;

    public CaKey(Construct scope, String id, String keySpec, IRole signerRole) {
        super(scope, id);
        this.key = CfnKey.Builder.create(this, "Key")
                .description("Airlock SSH user CA (signs OpenSSH certificates)")
                .keySpec(keySpec)
                .keyUsage("SIGN_VERIFY")
                .pendingWindowInDays(DELETION_WINDOW_DAYS)
                .keyPolicy(policy(signerRole))
                .build();
        key.applyRemovalPolicy(RemovalPolicy.RETAIN);
        CfnAlias.Builder.create(this, "Alias").aliasName(ALIAS).targetKeyId(key.getRef()).build();
    }

    public String keyArn() {
        return key.getAttrArn();
    }

    private static PolicyDocument policy(IRole signerRole) {
        PolicyStatement admin = PolicyStatement.Builder.create()
                .sid("KeyAdministrationWithoutUse")
                .principals(List.of(new AccountRootPrincipal()))
                .actions(ADMIN_ACTIONS)
                .resources(List.of("*"))
                .build();
        PolicyStatement signer = PolicyStatement.Builder.create()
                .sid("SignFunctionSigns")
                .principals(List.of(new AccountRootPrincipal()))
                .actions(SIGNER_ACTIONS)
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of(PRINCIPAL_ARN, signerRole.getRoleArn())))
                .build();
        PolicyStatement denyOthers = PolicyStatement.Builder.create()
                .sid("NobodyElseSigns")
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("kms:Sign"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnNotEquals", Map.of(PRINCIPAL_ARN, signerRole.getRoleArn())))
                .build();
        return PolicyDocument.Builder.create().statements(List.of(admin, signer, denyOthers)).build();
    }
}
