package dev.airlock.infra;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Routes;
import dev.airlock.core.api.Trigger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The five functions: runtime, SnapStart behind the {@code live} alias, configuration, logs, alarms. */
class AirlockFunctionTest {

    static final List<String> FUNCTIONS = Catalogue.names();
    private static TemplateJson template;

    @BeforeAll
    static void synth() {
        template = SynthesizedStack.defaults();
    }

    @Test
    void thereIsOneFunctionPerName() {
        assertThat(template.airlockOfType("AWS::Lambda::Function").values())
                .extracting(f -> TemplateJson.environment(f).get(EnvironmentNames.FUNCTION_DEFINITION))
                .containsExactlyInAnyOrderElementsOf(FUNCTIONS);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("FUNCTIONS")
    void runsJava21WithSnapStartAndTheSpringHandler(String name) {
        Map<String, Object> function = template.function(name);
        assertThat(function.get("Runtime")).isEqualTo("java21");
        assertThat(function.get("Handler"))
                .isEqualTo("org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest");
        assertThat(function.get("MemorySize")).isEqualTo(1024);
        assertThat(function.get("Timeout")).isEqualTo(StackConfig.DEFAULT_TIMEOUT_SECONDS);
        assertThat(function.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("FUNCTIONS")
    void liveAliasPointsAtThePublishedVersion(String name) {
        Map<String, Object> alias = template.ofType("AWS::Lambda::Alias").get(template.aliasId(name));
        assertThat(alias.get("Name")).isEqualTo("live");
        String versionId = TemplateJson.getAttTarget(alias.get("FunctionVersion")).orElseThrow();
        Map<String, Object> version = template.ofType("AWS::Lambda::Version").get(versionId);
        assertThat(version.get("FunctionName")).isEqualTo(Map.of("Ref", template.functionId(name)));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("FUNCTIONS")
    void environmentCarriesTheAgreedConfiguration(String name) {
        Map<String, Object> env = TemplateJson.environment(template.function(name));
        assertThat(env).containsEntry("SPRING_CLOUD_FUNCTION_DEFINITION", name)
                .containsEntry("MAIN_CLASS", "dev.airlock.app.AirlockApplication")
                .containsEntry("AIRLOCK_REQUESTS_TABLE", Map.of("Ref", template.tableId("airlock-requests")))
                .containsEntry("AIRLOCK_AUDIT_TABLE", Map.of("Ref", template.tableId("airlock-audit")))
                .containsEntry("AIRLOCK_USER_CLAIM", "sub")
                .containsEntry("AIRLOCK_GROUPS_CLAIM", "groups");
        if (name.equals(Routes.SIGN)) {
            String keyId = template.keyIdByAlias(CaKey.ALIAS);
            assertThat(env).containsEntry("AIRLOCK_CA_KEY_ID", Map.of("Fn::GetAtt", List.of(keyId, "Arn")));
        }
        assertThat(env.containsKey("AIRLOCK_CURSOR_KEY_SECRET_ARN")).as("cursor key secret only on list")
                .isEqualTo(name.equals(Routes.LIST));
        // No secret value in any environment: not the key itself, not a deploy-time dynamic reference.
        assertThat(env).doesNotContainKey("AIRLOCK_CURSOR_KEY");
        assertThat(env.values()).noneMatch(v -> String.valueOf(v).contains("resolve:secretsmanager"));
        // Each HTTP function verifies tokens itself, against the authorizer's issuer and audiences.
        if (Catalogue.of(name).kind() != Trigger.Kind.HTTP) {
            assertThat(env).doesNotContainKeys("AIRLOCK_JWT_ISSUER", "AIRLOCK_JWT_AUDIENCE");
        } else {
            assertThat(env).containsEntry("AIRLOCK_JWT_ISSUER", Map.of("Ref", AirlockStack.JWT_ISSUER_PARAM))
                    .containsEntry("AIRLOCK_JWT_AUDIENCE", Map.of("Fn::Join", List.of(",",
                            Map.of("Ref", AirlockStack.JWT_AUDIENCE_PARAM))));
        }
    }

    @Test
    void listCursorKeyIsAGeneratedSecretTheFunctionReadsByArn() {
        Map<String, Map<String, Object>> secrets = template.ofType("AWS::SecretsManager::Secret");
        String secretId = template.environmentTarget(Routes.LIST, "AIRLOCK_CURSOR_KEY_SECRET_ARN");
        // base64 alphabet only (no punctuation, no space), length a multiple of 4, >= 32 bytes decoded
        assertThat(secrets.get(secretId).get("GenerateSecretString")).isEqualTo(Map.of(
                "PasswordLength", 64, "ExcludePunctuation", true, "IncludeSpace", false,
                "RequireEachIncludedType", false));
        // Ref of a secret is its ARN: the function reads the value at start-up.
        assertThat(TemplateJson.environment(template.function(Routes.LIST)).get("AIRLOCK_CURSOR_KEY_SECRET_ARN"))
                .isEqualTo(Map.of("Ref", secretId));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("FUNCTIONS")
    void logsGoToItsOwnLogGroupWithRetention(String name) {
        Object logGroupRef = ((Map<?, ?>) template.function(name).get("LoggingConfig")).get("LogGroup");
        String logGroupId = TemplateJson.getAttTarget(logGroupRef).orElseThrow();
        assertThat(template.ofType("AWS::Logs::LogGroup").get(logGroupId)).containsEntry("RetentionInDays", 30);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("FUNCTIONS")
    void errorsAndThrottlesRaiseAlarms(String name) {
        List<Object> metrics = template.ofType("AWS::CloudWatch::Alarm").values().stream()
                .filter(a -> List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", template.functionId(name))))
                        .equals(a.get("Dimensions")))
                .map(a -> a.get("MetricName"))
                .toList();
        assertThat(metrics).containsExactlyInAnyOrder("Errors", "Throttles");
    }
}
