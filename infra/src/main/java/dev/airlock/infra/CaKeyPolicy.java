package dev.airlock.infra;

import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.List;
import java.util.Map;

/**
 * The CA key's policy, written out in full (KMS developer guide, "Key policies"): five statements,
 * each asserted by {@code SecurityRegressionTest}.
 * <ol>
 *   <li>{@code KeyAdministrationWithoutUse}: the account (so IAM administrators) may manage the key
 *       with {@link #ADMIN_ACTIONS} — reading its state, tags, aliases, disabling and re-enabling
 *       it, cancelling a deletion — none of which lets anyone sign or change who may;</li>
 *   <li>{@code KeyAdministratorChangesPolicy}: only the {@link KeyAdministrator} role may
 *       {@code PutKeyPolicy} and {@code ScheduleKeyDeletion} ({@link #BREAK_GLASS_ACTIONS});</li>
 *   <li>{@code SignFunctionSigns}: only the {@code sign} function's role may {@code Sign},
 *       {@code GetPublicKey} and {@code DescribeKey};</li>
 *   <li>{@code NobodyElseSigns}: {@code Sign} is denied to every other principal, the key
 *       administrator included, so neither a grant nor a broad IAM policy widens who signs;</li>
 *   <li>{@code NobodyButTheKeyAdministratorLoosensTheKey}: {@link #LOOSENING_ACTIONS} are denied
 *       to every principal but the key administrator, whatever IAM policies say.</li>
 * </ol>
 * Roles are named in {@code aws:PrincipalArn} conditions with the account as principal, so the key
 * can be created while a new role is still propagating and keeps working if a role is replaced.
 */
public final class CaKeyPolicy {

    /** What the sign function may do with the key (also granted in its IAM policy). */
    public static final List<String> SIGNER_ACTIONS = List.of("kms:Sign", "kms:GetPublicKey", "kms:DescribeKey");
    /**
     * Key management open to IAM administrators: none of these can make someone a signer or undo
     * the deny. {@code DisableKey} stays here on purpose: it is the reversible emergency stop for
     * all issuance, and stopping issuance is no escalation (an administrator can also delete the
     * functions). Aliases do not matter to signing: the function is configured with the key ARN.
     */
    public static final List<String> ADMIN_ACTIONS = List.of(
            "kms:DescribeKey", "kms:GetKeyPolicy", "kms:ListKeyPolicies", "kms:ListGrants", "kms:RevokeGrant",
            "kms:ListResourceTags", "kms:TagResource", "kms:UntagResource", "kms:UpdateKeyDescription",
            "kms:EnableKey", "kms:DisableKey", "kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias",
            "kms:ListAliases", "kms:CancelKeyDeletion");
    /**
     * Break-glass only. {@code PutKeyPolicy} can remove every other statement, including the deny
     * on {@code Sign}. {@code ScheduleKeyDeletion} destroys the CA for good once the waiting period
     * ends; CloudFormation never needs it (the key is retained).
     */
    public static final List<String> BREAK_GLASS_ACTIONS = List.of("kms:PutKeyPolicy", "kms:ScheduleKeyDeletion");
    /**
     * Denied to all but the key administrator. {@code CreateGrant} is allowed to no one by the
     * statements above; it is denied as well because a grant is a second, separate policy on the
     * key (KMS developer guide, "Grants") that would let someone use it without appearing here.
     */
    public static final List<String> LOOSENING_ACTIONS =
            List.of("kms:PutKeyPolicy", "kms:CreateGrant", "kms:ScheduleKeyDeletion");
    private static final String PRINCIPAL_ARN = "aws:PrincipalArn";

    private CaKeyPolicy() {
    }

    /**
     * @param signerRoleArn      ARN of the {@code sign} function's role
     * @param keyAdministratorArn ARN of the break-glass role (the {@link KeyAdministrator} parameter)
     */
    public static PolicyDocument of(String signerRoleArn, String keyAdministratorArn) {
        return PolicyDocument.Builder.create().statements(List.of(
                allow("KeyAdministrationWithoutUse", ADMIN_ACTIONS, null),
                allow("KeyAdministratorChangesPolicy", BREAK_GLASS_ACTIONS, keyAdministratorArn),
                allow("SignFunctionSigns", SIGNER_ACTIONS, signerRoleArn),
                denyAllBut("NobodyElseSigns", List.of("kms:Sign"), signerRoleArn),
                denyAllBut("NobodyButTheKeyAdministratorLoosensTheKey", LOOSENING_ACTIONS, keyAdministratorArn)))
                .build();
    }

    static PolicyStatement allow(String sid, List<String> actions, String onlyPrincipalArn) {
        PolicyStatement.Builder statement = PolicyStatement.Builder.create()
                .sid(sid)
                .principals(List.of(new AccountRootPrincipal()))
                .actions(actions)
                .resources(List.of("*"));
        if (onlyPrincipalArn != null) {
            statement.conditions(Map.of("ArnEquals", Map.of(PRINCIPAL_ARN, onlyPrincipalArn)));
        }
        return statement.build();
    }

    static PolicyStatement denyAllBut(String sid, List<String> actions, String exemptPrincipalArn) {
        return PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(actions)
                .resources(List.of("*"))
                .conditions(Map.of("ArnNotEquals", Map.of(PRINCIPAL_ARN, exemptPrincipalArn)))
                .build();
    }
}
