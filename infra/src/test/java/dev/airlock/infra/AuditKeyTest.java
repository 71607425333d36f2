package dev.airlock.infra;

import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Routes;
import dev.airlock.core.config.EnvironmentNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit key signs checkpoints for the checkpoint function only: not for the sign function, not for the
 * key administrator, not through a grant. Expected values are written out here, independently of
 * {@link AuditKeyPolicy}.
 */
class AuditKeyTest {

    private static final Object ADMIN = Map.of("Ref", KeyAdministrator.PARAMETER);
    private static TemplateJson template;
    private static String keyId;
    private static List<Map<String, Object>> statements;

    @BeforeAll
    static void synth() {
        template = SynthesizedStack.defaults();
        keyId = template.keyIdByAlias("alias/airlock-audit");
        statements = TemplateJson.statements(template.ofType("AWS::KMS::Key").get(keyId).get("KeyPolicy"));
    }

    @Test
    void isASecondP256SigningKey_retained_withTheLockoutCheckOn() {
        Map<String, Object> key = template.ofType("AWS::KMS::Key").get(keyId);
        assertThat(keyId).isNotEqualTo(template.keyIdByAlias(CaKey.ALIAS));
        assertThat(key).containsEntry("KeySpec", "ECC_NIST_P256").containsEntry("KeyUsage", "SIGN_VERIFY")
                .doesNotContainKey("BypassPolicyLockoutSafetyCheck");
        assertThat(template.resource(keyId).get("DeletionPolicy")).isEqualTo("Retain");
    }

    @Test
    void statementsAreExactlyTheseSix() {
        assertThat(statements).extracting(s -> s.get("Sid")).containsExactly(
                "KeyAdministrationWithoutUse", "KeyAdministratorChangesPolicy", "CheckpointFunctionSigns",
                "AccountVerifies", "NobodyElseSigns", "NobodyButTheKeyAdministratorLoosensTheKey");
    }

    @Test
    void onlyTheCheckpointRoleIsAllowedToSign() {
        assertThat(statements).filteredOn(s -> "Allow".equals(s.get("Effect")))
                .filteredOn(s -> actions(s).stream().anyMatch(a -> a.equals("kms:Sign") || a.contains("*")))
                .singleElement().satisfies(s -> {
                    assertThat(s.get("Sid")).isEqualTo("CheckpointFunctionSigns");
                    assertThat(s.get("Condition")).isEqualTo(Map.of("ArnEquals", Map.of("aws:PrincipalArn", role(Routes.CHECKPOINT))));
                });
    }

    @Test
    void everyoneElse_theSignRoleAndTheKeyAdministratorIncluded_isDeniedSigning() {
        Map<String, Object> deny = bySid("NobodyElseSigns");
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(deny.get("Principal")).isEqualTo(Map.of("AWS", "*"));
        assertThat(actions(deny)).containsExactly("kms:Sign");
        assertThat(deny.get("Condition")).isEqualTo(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", role(Routes.CHECKPOINT))));
        assertThat(deny.toString()).doesNotContain(KeyAdministrator.PARAMETER, template.roleId(Routes.SIGN));
    }

    /** access audit verify needs the public key; verifying and reading it sign nothing. */
    @Test
    void theAccountMayVerifyAndReadThePublicKey_butNotSignOrLoosen() {
        Map<String, Object> verify = bySid("AccountVerifies");
        assertThat(verify.get("Effect")).isEqualTo("Allow");
        assertThat(TemplateJson.render(((Map<?, ?>) verify.get("Principal")).get("AWS"), Map.of())).endsWith(":root");
        assertThat(actions(verify)).containsExactlyInAnyOrder("kms:GetPublicKey", "kms:Verify", "kms:DescribeKey");
    }

    /** Disabling the audit key would stop checkpoints and every verifier: the key administrator's alone, unlike the CA key's. */
    @Test
    void onlyTheKeyAdministratorMayChangeThePolicy_grant_delete_orDisableTheKey() {
        Map<String, Object> allow = bySid("KeyAdministratorChangesPolicy");
        assertThat(actions(allow)).containsExactlyInAnyOrder("kms:PutKeyPolicy", "kms:ScheduleKeyDeletion", "kms:DisableKey");
        assertThat(allow.get("Condition")).isEqualTo(Map.of("ArnEquals", Map.of("aws:PrincipalArn", ADMIN)));
        Map<String, Object> deny = bySid("NobodyButTheKeyAdministratorLoosensTheKey");
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(deny.get("Principal")).isEqualTo(Map.of("AWS", "*"));
        assertThat(actions(deny)).containsExactlyInAnyOrder("kms:PutKeyPolicy", "kms:CreateGrant", "kms:ScheduleKeyDeletion",
                "kms:DisableKey");
        assertThat(deny.get("Condition")).isEqualTo(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", ADMIN)));
        assertThat(statements).filteredOn(s -> "Allow".equals(s.get("Effect")) && s.get("Condition") == null)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(actions(s)).as((String) s.get("Sid"))
                        .doesNotContain("kms:Sign", "kms:PutKeyPolicy", "kms:CreateGrant", "kms:ScheduleKeyDeletion",
                                "kms:DisableKey")
                        .noneMatch(a -> a.contains("*")));
    }

    /** The CA key stays the sign function's: the checkpoint role is not its signer. */
    @Test
    void theCheckpointRoleCannotSignWithTheCaKey() {
        List<Map<String, Object>> caPolicy = TemplateJson.statements(
                template.ofType("AWS::KMS::Key").get(template.keyIdByAlias(CaKey.ALIAS)).get("KeyPolicy"));
        assertThat(caPolicy.toString()).doesNotContain(template.roleId(Routes.CHECKPOINT));
    }

    @Test
    void onlyTheCheckpointFunctionIsToldTheKey() {
        for (String function : Catalogue.names()) {
            Map<String, Object> env = TemplateJson.environment(template.function(function));
            assertThat(env.get(EnvironmentNames.AUDIT_KEY_ID)).as(function).isEqualTo(
                    function.equals(Routes.CHECKPOINT) ? Map.of("Fn::GetAtt", List.of(keyId, "Arn")) : null);
        }
    }

    private static Map<String, Object> bySid(String sid) {
        return statements.stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }

    private static List<String> actions(Map<String, Object> statement) {
        return TemplateJson.list(statement.get("Action")).stream().map(String::valueOf).toList();
    }

    private static Object role(String function) {
        return Map.of("Fn::GetAtt", List.of(template.roleId(function), "Arn"));
    }
}
