package dev.airlock.infra;

import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tables' resource policies: deny-only statements that hold whatever IAM policies say
 * (DynamoDB developer guide, "Using resource-based policies"; an explicit deny always wins).
 * Each is asserted statement by statement in {@code SecurityRegressionTest}.
 *
 * <p>Both tables: writes are denied to every principal but the functions that write the table
 * (their roles, from {@link Permissions}) and the {@link KeyAdministrator} role (which runs
 * {@code AdminMain apply-roles}); the settings that protect the table are denied to all but the key
 * administrator. The audit table additionally denies every rewrite to everyone: records are only
 * ever added, by conditional {@code PutItem} inside {@code TransactWriteItems}.
 *
 * <p>Why the requests table is protected too: it holds the state the {@code sign} function trusts
 * (an item in state {@code APPROVED} is what gets a certificate) and the audit chains' heads.
 */
public final class TablePolicies {

    /** What the writing functions do to a table, denied to everyone else. PartiQL has its own actions. */
    public static final List<String> REQUESTS_WRITES = List.of(
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
            "dynamodb:ConditionCheckItem", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete");
    /** The audit table's appends (each item of a {@code TransactWriteItems} is authorized by its own action). */
    public static final List<String> AUDIT_APPENDS = List.of("dynamodb:PutItem", "dynamodb:ConditionCheckItem");
    /** Rewrites of the audit table, denied to every principal without exception. */
    public static final List<String> AUDIT_REWRITES = List.of(
            "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
            "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete");
    /**
     * Table settings that could loosen a table's protection or lose its history: deleting it,
     * turning deletion protection or point-in-time recovery off ({@code UpdateTable},
     * {@code UpdateContinuousBackups}), replacing or removing this policy, and {@code UpdateTimeToLive}
     * (a TTL on the audit table would let DynamoDB delete records on someone's schedule).
     * Not listed: {@code DeleteBackup} (point-in-time recovery is not made of deletable backups and
     * the stack makes no on-demand ones), {@code RestoreTableToPointInTime} and
     * {@code RestoreTableFromBackup} (they create a new table and leave this one as it is).
     */
    public static final List<String> TABLE_MANAGEMENT = List.of(
            "dynamodb:DeleteTable", "dynamodb:UpdateTable", "dynamodb:UpdateContinuousBackups",
            "dynamodb:PutResourcePolicy", "dynamodb:DeleteResourcePolicy", "dynamodb:UpdateTimeToLive");
    private static final String PRINCIPAL_ARN = "aws:PrincipalArn";

    private TablePolicies() {
    }

    /**
     * @param tableArn        the table's ARN, built from its name (a table cannot refer to its own ARN)
     * @param writerRoleArns  roles of the functions that write this table
     * @param keyAdministratorArn the break-glass role
     */
    public static List<PolicyStatement> requests(String tableArn, List<String> writerRoleArns, String keyAdministratorArn) {
        return List.of(
                denyAllBut("OnlyAirlockWrites", REQUESTS_WRITES, tableArn, with(writerRoleArns, keyAdministratorArn)),
                denyAllBut("OnlyTheKeyAdministratorManagesTheTable", TABLE_MANAGEMENT, tableArn,
                        List.of(keyAdministratorArn)));
    }

    /** As {@link #requests}, plus the unconditional deny of every rewrite. */
    public static List<PolicyStatement> audit(String tableArn, List<String> writerRoleArns, String keyAdministratorArn) {
        return List.of(
                denyAllBut("OnlyAirlockWrites", AUDIT_APPENDS, tableArn, with(writerRoleArns, keyAdministratorArn)),
                deny("AuditIsAppendOnly", AUDIT_REWRITES, tableArn).build(),
                denyAllBut("OnlyTheKeyAdministratorManagesTheTable", TABLE_MANAGEMENT, tableArn,
                        List.of(keyAdministratorArn)));
    }

    private static List<String> with(List<String> writerRoleArns, String keyAdministratorArn) {
        List<String> principals = new ArrayList<>(writerRoleArns);
        principals.add(keyAdministratorArn);
        return principals;
    }

    /**
     * Denied unless the caller's role is one of {@code exempt}. {@code ArnNotEquals} with several
     * values holds when the key equals none of them; a request without {@code aws:PrincipalArn}
     * (a service principal) is denied as well.
     */
    private static PolicyStatement denyAllBut(String sid, List<String> actions, String tableArn, List<String> exempt) {
        return deny(sid, actions, tableArn)
                .conditions(Map.of("ArnNotEquals", Map.of(PRINCIPAL_ARN, exempt.size() == 1 ? exempt.get(0) : exempt)))
                .build();
    }

    private static PolicyStatement.Builder deny(String sid, List<String> actions, String tableArn) {
        return PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(actions)
                .resources(List.of(tableArn));
    }
}
