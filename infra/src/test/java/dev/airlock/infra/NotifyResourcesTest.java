package dev.airlock.infra;

import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Routes;
import dev.airlock.core.config.EnvironmentNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** notify's secret: no value in the template, told by ARN to notify only, readable by notify only. */
class NotifyResourcesTest {

    private static final Object ADMIN = Map.of("Ref", KeyAdministrator.PARAMETER);
    private static TemplateJson template;
    private static String secretId;

    @BeforeAll
    static void synth() {
        template = SynthesizedStack.defaults();
        secretId = template.environmentTarget(Routes.NOTIFY, EnvironmentNames.NOTIFY_SECRETS_ARN);
    }

    @Test
    void theSecretStartsAsAnEmptyObject_soNoSecretIsInTheTemplate() {
        assertThat(template.ofType("AWS::SecretsManager::Secret").get(secretId))
                .containsEntry("SecretString", "{}").doesNotContainKey("GenerateSecretString");
        assertThat(template.resource(secretId)).containsEntry("DeletionPolicy", "Retain");
    }

    @Test
    void onlyNotifyIsToldTheSecret() {
        for (String function : Catalogue.names()) {
            assertThat(TemplateJson.environment(template.function(function)).get(EnvironmentNames.NOTIFY_SECRETS_ARN))
                    .as(function).isEqualTo(function.equals(Routes.NOTIFY) ? Map.of("Ref", secretId) : null);
        }
    }

    @Test
    void readingTheSecretIsDeniedToEveryoneButTheNotifyRole() {
        Map<String, Object> deny = bySid("OnlyNotifyReads");
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(deny.get("Principal")).isEqualTo(Map.of("AWS", "*"));
        assertThat(deny.get("Action")).isEqualTo("secretsmanager:GetSecretValue");
        assertThat(deny.get("Condition")).isEqualTo(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn",
                Map.of("Fn::GetAtt", List.of(template.roleId(Routes.NOTIFY), "Arn")))));
    }

    @Test
    void changingTheSecretsPolicyIsDeniedToAllButTheKeyAdministrator() {
        Map<String, Object> deny = bySid("OnlyTheKeyAdministratorChangesThePolicy");
        assertThat(deny.get("Effect")).isEqualTo("Deny");
        assertThat(TemplateJson.list(deny.get("Action")))
                .containsExactlyInAnyOrder("secretsmanager:PutResourcePolicy", "secretsmanager:DeleteResourcePolicy");
        assertThat(deny.get("Condition")).isEqualTo(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", ADMIN)));
    }

    private static Map<String, Object> bySid(String sid) {
        return template.ofType("AWS::SecretsManager::ResourcePolicy").values().stream()
                .filter(p -> Map.of("Ref", secretId).equals(p.get("SecretId")))
                .flatMap(p -> TemplateJson.statements(p.get("ResourcePolicy")).stream())
                .filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }
}
