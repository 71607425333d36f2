package dev.airlock.infra;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Routes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only the sign function can use the CA key; administrators manage it but cannot sign (SecurityRegressionTest: who may change the policy). */
class CaKeyTest {

    private static TemplateJson template;
    private static Map<String, Object> key;
    private static List<Map<String, Object>> statements;

    @BeforeAll
    static void synth() {
        template = SynthesizedStack.defaults();
        key = template.ofType("AWS::KMS::Key").get(template.keyIdByAlias(CaKey.ALIAS));
        statements = TemplateJson.statements(key.get("KeyPolicy"));
    }

    @Test
    void keyIsAnAsymmetricSigningKeyWithItsAlias() {
        assertThat(template.ofType("AWS::KMS::Key")).as("the CA key and the audit key").hasSize(2);
        assertThat(key.get("KeyUsage")).isEqualTo("SIGN_VERIFY");
        assertThat(key.get("KeySpec")).isEqualTo("ECC_NIST_P256");
        assertThat(template.ofType("AWS::KMS::Alias").values()).extracting(alias -> alias.get("AliasName"))
                .containsExactlyInAnyOrder("alias/airlock-ca", "alias/airlock-audit");
        assertThat(template.resource(template.keyIdByAlias(CaKey.ALIAS)).get("DeletionPolicy"))
                .isEqualTo("Retain");
    }

    @Test
    void onlyTheSignRoleIsAllowedToSignOrReadThePublicKey() {
        List<Map<String, Object>> allowsUse = statements.stream()
                .filter(s -> "Allow".equals(s.get("Effect")))
                .filter(s -> TemplateJson.list(s.get("Action")).stream()
                        .anyMatch(a -> a.equals("kms:Sign") || a.equals("kms:GetPublicKey")))
                .toList();
        assertThat(allowsUse).singleElement().satisfies(s ->
                assertThat(s.get("Condition")).isEqualTo(Map.of("ArnEquals", Map.of("aws:PrincipalArn", signRole()))));
    }

    @Test
    void administratorsManageTheKeyButCannotUseItNorChangeItsPolicy() {
        Map<String, Object> admin = statements.stream()
                .filter(s -> "KeyAdministrationWithoutUse".equals(s.get("Sid"))).findFirst().orElseThrow();
        assertThat(TemplateJson.render(((Map<?, ?>) admin.get("Principal")).get("AWS"), Map.of())).endsWith(":root");
        assertThat(admin.get("Condition")).isNull();
        List<Object> actions = TemplateJson.list(admin.get("Action"));
        assertThat(actions).contains("kms:DisableKey", "kms:EnableKey", "kms:CancelKeyDeletion")
                .doesNotContain("kms:Sign", "kms:Verify", "kms:GetPublicKey", "kms:CreateGrant", "kms:*",
                        "kms:PutKeyPolicy", "kms:ScheduleKeyDeletion")
                .allMatch(a -> !a.toString().contains("*"), "no wildcard that could match Sign");
    }

    @Test
    void everyoneButTheSignRoleIsExplicitlyDeniedSigning() {
        Map<String, Object> deny = statements.stream()
                .filter(s -> "NobodyElseSigns".equals(s.get("Sid"))).findFirst().orElseThrow();
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(deny.get("Principal")).isEqualTo(Map.of("AWS", "*"));
        assertThat(TemplateJson.list(deny.get("Action"))).containsExactly("kms:Sign");
        assertThat(deny.get("Condition")).isEqualTo(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", signRole())));
    }

    @Test
    void onlyTheSignFunctionIsToldTheKey() {
        for (String function : Catalogue.names()) {
            Map<String, Object> env = TemplateJson.environment(template.function(function));
            assertThat(env.containsKey(EnvironmentNames.CA_KEY_ID)).as(function).isEqualTo(function.equals(Routes.SIGN));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RSA_3072", "RSA_4096", "ECC_NIST_EDWARDS25519"})
    void keySpecIsConfigurable(String keySpec) {
        // A small stack with only the key: the spec is a plain pass-through, no need for the whole stack.
        Stack stack = new Stack(new App(AppProps.builder().analyticsReporting(false).build()), "KeyOnly");
        Role role = Role.Builder.create(stack, "Signer").assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
        new CaKey(stack, "CaKey", keySpec, role, SynthesizedStack.KEY_ADMINISTRATOR);
        Template.fromStack(stack).hasResourceProperties("AWS::KMS::Key",
                Map.of("KeySpec", keySpec, "KeyUsage", "SIGN_VERIFY"));
    }

    @Test
    void unsupportedKeySpecFailsTheSynth() {
        App app = SynthesizedStack.app(Map.of(StackConfig.CA_KEY_SPEC, "RSA_2048"));
        assertThatThrownBy(() -> StackConfig.from(app.getNode()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("caKeySpec=RSA_2048").hasMessageContaining("ECC_NIST_EDWARDS25519");
    }

    private static Map<String, Object> signRole() {
        return Map.of("Fn::GetAtt", List.of(template.roleId(Routes.SIGN), "Arn"));
    }
}
