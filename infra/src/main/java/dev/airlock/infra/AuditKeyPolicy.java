package dev.airlock.infra;

import software.amazon.awscdk.services.iam.PolicyDocument;

import java.util.List;

import static dev.airlock.infra.CaKeyPolicy.allow;
import static dev.airlock.infra.CaKeyPolicy.denyAllBut;

/**
 * The audit key's policy: the {@link CaKeyPolicy} shape with the {@code checkpoint} function as the one
 * signer, plus verification open to the account. Six statements, each asserted by {@code AuditKeyTest}.
 * <ol>
 *   <li>{@code KeyAdministrationWithoutUse}: {@link #ADMIN_ACTIONS}, the CA key's without {@code DisableKey};</li>
 *   <li>{@code KeyAdministratorChangesPolicy}: only the {@link KeyAdministrator} role may
 *       {@code PutKeyPolicy}, {@code ScheduleKeyDeletion} and {@code DisableKey} ({@link #KEY_ADMINISTRATOR_ACTIONS});</li>
 *   <li>{@code CheckpointFunctionSigns}: only the {@code checkpoint} function's role may {@code Sign};</li>
 *   <li>{@code AccountVerifies}: {@link #VERIFIER_ACTIONS} for the account, so an operator whose IAM
 *       policy allows it can check checkpoints ({@code access audit verify}); a public key and a
 *       verification reveal nothing and sign nothing;</li>
 *   <li>{@code NobodyElseSigns}: {@code Sign} denied to every other principal, the key administrator included;</li>
 *   <li>{@code NobodyButTheKeyAdministratorLoosensTheKey}: {@link #KEY_ADMINISTRATOR_ONLY} denied
 *       to all but the key administrator.</li>
 * </ol>
 */
public final class AuditKeyPolicy {

    /** What the checkpoint function may do with the key (also granted in its IAM policy). */
    public static final List<String> SIGNER_ACTIONS = List.of("kms:Sign", "kms:GetPublicKey", "kms:DescribeKey");
    /** What anyone in the account whose IAM policy allows it may do: check a checkpoint's signature. */
    public static final List<String> VERIFIER_ACTIONS = List.of("kms:GetPublicKey", "kms:Verify", "kms:DescribeKey");

    /**
     * Unlike the CA key, disabling the audit key is no emergency stop worth giving IAM administrators: it
     * stops checkpoints and {@code GetPublicKey} for every verifier, and stops no abuse.
     */
    public static final List<String> ADMIN_ACTIONS =
            CaKeyPolicy.ADMIN_ACTIONS.stream().filter(a -> !a.equals("kms:DisableKey")).toList();
    public static final List<String> KEY_ADMINISTRATOR_ACTIONS =
            List.of("kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:DisableKey");
    /** {@link CaKeyPolicy#LOOSENING_ACTIONS} and {@code DisableKey}, denied to all but the key administrator. */
    public static final List<String> KEY_ADMINISTRATOR_ONLY =
            List.of("kms:PutKeyPolicy", "kms:CreateGrant", "kms:ScheduleKeyDeletion", "kms:DisableKey");

    private AuditKeyPolicy() {
    }

    /**
     * @param checkpointRoleArn   ARN of the {@code checkpoint} function's role
     * @param keyAdministratorArn ARN of the break-glass role (the {@link KeyAdministrator} parameter)
     */
    public static PolicyDocument of(String checkpointRoleArn, String keyAdministratorArn) {
        return PolicyDocument.Builder.create().statements(List.of(
                allow("KeyAdministrationWithoutUse", ADMIN_ACTIONS, null),
                allow("KeyAdministratorChangesPolicy", KEY_ADMINISTRATOR_ACTIONS, keyAdministratorArn),
                allow("CheckpointFunctionSigns", SIGNER_ACTIONS, checkpointRoleArn),
                allow("AccountVerifies", VERIFIER_ACTIONS, null),
                denyAllBut("NobodyElseSigns", List.of("kms:Sign"), checkpointRoleArn),
                denyAllBut("NobodyButTheKeyAdministratorLoosensTheKey", KEY_ADMINISTRATOR_ONLY, keyAdministratorArn)))
                .build();
    }
}
