package dev.airlock.app.config;

import dev.airlock.app.config.AirlockConfig.CredentialsSource;
import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Routes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AirlockConfigTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    /** What the CDK stack sets on the list function, plus what the Lambda runtime sets. */
    private static Map<String, String> lambdaList() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", "airlock-list");
        env.put("AWS_REGION", "eu-central-1");
        env.put("AWS_ACCESS_KEY_ID", "ASIAEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "example");
        env.put("SPRING_CLOUD_FUNCTION_DEFINITION", "list");
        env.put("MAIN_CLASS", "dev.airlock.app.AirlockApplication");
        env.put("AIRLOCK_REQUESTS_TABLE", "prod-airlock-requests");
        env.put("AIRLOCK_AUDIT_TABLE", "prod-airlock-audit");
        env.put("AIRLOCK_USER_CLAIM", "email");
        env.put("AIRLOCK_GROUPS_CLAIM", "cognito:groups");
        env.put("AIRLOCK_CURSOR_KEY", KEY);
        env.put("AIRLOCK_JWT_ISSUER", "https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Example");
        env.put("AIRLOCK_JWT_AUDIENCE", "client-a, client-b");
        return env;
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return copy;
    }

    @Test
    void lambdaEnvironment_shouldBeReadIntoTheConfig() {
        AirlockConfig config = AirlockConfig.from(lambdaList());

        assertThat(config.function()).contains(Routes.LIST);
        assertThat(config.functions()).containsExactly(Routes.LIST);
        assertThat(config.inLambda()).isTrue();
        assertThat(config.local()).isFalse();
        assertThat(config.region()).isEqualTo("eu-central-1");
        assertThat(config.requestsTable()).isEqualTo("prod-airlock-requests");
        assertThat(config.auditTable()).isEqualTo("prod-airlock-audit");
        assertThat(config.userClaim()).isEqualTo("email");
        assertThat(config.groupsClaim()).isEqualTo("cognito:groups");
        assertThat(config.cursorKey().orElseThrow().bytes()).hasSize(32);
        assertThat(config.credentials()).isEqualTo(CredentialsSource.ENVIRONMENT);
        assertThat(config.endpoint()).isEmpty();
    }

    @Test
    void defaults_shouldApplyToUnsetVariables() {
        AirlockConfig config = AirlockConfig.from(with(lambdaList(), "AIRLOCK_USER_CLAIM", null));

        assertThat(config.userClaim()).isEqualTo("sub");
        assertThat(AirlockConfig.from(with(lambdaList(), "AIRLOCK_GROUPS_CLAIM", " ")).groupsClaim()).isEqualTo("groups");
        assertThat(config.caKeyId()).isEqualTo("alias/airlock-ca");
        assertThat(config.roleCacheTtl()).isEqualTo(Duration.ofSeconds(30));
        AirlockConfig tables = AirlockConfig.from(with(with(lambdaList(), "AIRLOCK_REQUESTS_TABLE", null),
                "AIRLOCK_AUDIT_TABLE", null));
        assertThat(tables.requestsTable()).isEqualTo("airlock-requests");
        assertThat(tables.auditTable()).isEqualTo("airlock-audit");
    }

    @Test
    void local_shouldDefaultRegionCursorKeyAndCredentials_andServeAllFunctions() {
        AirlockConfig config = AirlockConfig.local(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"));

        assertThat(config.local()).isTrue();
        assertThat(config.function()).isEmpty();
        assertThat(config.functions()).containsExactlyElementsOf(Catalogue.names());
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.endpoint()).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(config.cursorKey()).isPresent();
        assertThat(config.credentials()).isEqualTo(CredentialsSource.LOCAL_STATIC);
    }

    @Test
    void outsideLambdaAndNotLocal_shouldUseTheDefaultCredentialsChain() {
        Map<String, String> env = with(with(with(lambdaList(), "AWS_LAMBDA_FUNCTION_NAME", null),
                "AWS_ACCESS_KEY_ID", null), "AWS_SECRET_ACCESS_KEY", null);

        assertThat(AirlockConfig.from(env).credentials()).isEqualTo(CredentialsSource.DEFAULT_CHAIN);
    }

    @Test
    void cursorKey_shouldNotBeRequiredByOtherFunctions() {
        Map<String, String> sign = with(with(lambdaList(), "SPRING_CLOUD_FUNCTION_DEFINITION", "sign"),
                "AIRLOCK_CURSOR_KEY", null);

        assertThat(AirlockConfig.from(sign).cursorKey()).isEmpty();
    }

    @Test
    void cursorKey_shouldAcceptUrlSafeBase64() {
        byte[] key = new byte[40];
        key[0] = (byte) 0xfb;
        key[1] = (byte) 0xff;
        String urlSafe = Base64.getUrlEncoder().encodeToString(key);

        assertThat(AirlockConfig.from(with(lambdaList(), "AIRLOCK_CURSOR_KEY", urlSafe)).cursorKey().orElseThrow()
                .bytes()).isEqualTo(key);
    }

    @Test
    void toString_shouldNotRevealTheCursorKey() {
        String key = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

        assertThat(AirlockConfig.from(with(lambdaList(), "AIRLOCK_CURSOR_KEY", key)).toString())
                .doesNotContain(key).doesNotContain("0123456789abcdef").contains("redacted");
    }

    /** Each bad environment and the variable its error must name. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "<unset>", value = {
            "SPRING_CLOUD_FUNCTION_DEFINITION|<unset>",
            "SPRING_CLOUD_FUNCTION_DEFINITION|approve,list",
            "SPRING_CLOUD_FUNCTION_DEFINITION|routingFunction",
            "AWS_REGION|<unset>",
            "AWS_REGION|Frankfurt",
            "AWS_ENDPOINT_URL|localhost:4566",
            "AWS_ENDPOINT_URL|ftp://127.0.0.1",
            "AIRLOCK_REQUESTS_TABLE|a",
            "AIRLOCK_REQUESTS_TABLE|requests table",
            "AIRLOCK_AUDIT_TABLE|audit/table",
            "AIRLOCK_CA_KEY_ID|alias/with space",
            "AIRLOCK_USER_CLAIM|user name",
            "AIRLOCK_GROUPS_CLAIM|my groups",
            "AIRLOCK_CURSOR_KEY|<unset>",
            "AIRLOCK_CURSOR_KEY|not*base64",
            "AIRLOCK_CURSOR_KEY|c2hvcnQ=",
            "AIRLOCK_ROLE_CACHE_TTL|soon",
            "AIRLOCK_ROLE_CACHE_TTL|1h",
            "AIRLOCK_LOCAL|yes",
            "AIRLOCK_LOCAL|true",
            "AWS_SECRET_ACCESS_KEY|<unset>",
            "AIRLOCK_JWT_ISSUER|<unset>",
            "AIRLOCK_JWT_ISSUER|http://login.example.com/",
            "AIRLOCK_JWT_ISSUER|login.example.com",
            "AIRLOCK_JWT_AUDIENCE|<unset>",
            "AIRLOCK_JWT_AUDIENCE|' , '",
            "AIRLOCK_JWKS_URL|http://keys.example.com/jwks.json",
            "AIRLOCK_JWKS_URL|not a url"})
    void badVariable_shouldFailNamingIt(String variable, String value) {
        Map<String, String> env = with(lambdaList(), variable, value);

        assertThatThrownBy(() -> AirlockConfig.from(env))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(variable + " ")
                .satisfies(e -> assertThat(((InvalidConfigException) e).variable()).isEqualTo(variable));
    }

    @Test
    void tokenIssuer_shouldBeReadIntoIdentitySettings() {
        AirlockConfig config = AirlockConfig.from(with(lambdaList(), "AIRLOCK_JWKS_URL",
                "https://keys.example.com/jwks.json"));

        dev.airlock.identity.IdentitySettings identity = config.identity().orElseThrow();
        assertThat(identity.issuer()).isEqualTo("https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Example");
        assertThat(identity.audiences()).containsExactly("client-a", "client-b");
        assertThat(identity.jwksUri()).contains(java.net.URI.create("https://keys.example.com/jwks.json"));
        assertThat(identity.userClaim()).isEqualTo("email");
        assertThat(identity.groupsClaim()).isEqualTo("cognito:groups");
        assertThat(AirlockConfig.from(lambdaList()).identity().orElseThrow().jwksUri()).isEmpty();
    }

    @Test
    void expireAlone_orALocalRun_shouldNotNeedAnIssuer() {
        Map<String, String> expire = with(with(with(lambdaList(), "SPRING_CLOUD_FUNCTION_DEFINITION", "expire"),
                "AIRLOCK_JWT_ISSUER", null), "AIRLOCK_JWT_AUDIENCE", null);

        assertThat(AirlockConfig.from(expire).identity()).isEmpty();
        assertThat(AirlockConfig.local(Map.of()).identity()).isEmpty();
    }

    @Test
    void badCursorKey_shouldNeverBeEchoed() {
        String secretLooking = "c2VjcmV0LWJ1dC1zaG9ydA==";

        assertThatThrownBy(() -> AirlockConfig.from(with(lambdaList(), "AIRLOCK_CURSOR_KEY", secretLooking)))
                .hasMessageNotContaining(secretLooking);
    }

    @Test
    void accessKeyWithoutSecret_shouldNameTheMissingSecret() {
        assertThatThrownBy(() -> AirlockConfig.from(with(lambdaList(), "AWS_ACCESS_KEY_ID", null)))
                .hasMessageStartingWith("AWS_ACCESS_KEY_ID ");
    }

    @Test
    void localWithoutRegion_shouldNotFail() {
        assertThat(AirlockConfig.local(Map.of()).region()).isEqualTo(AirlockConfig.LOCAL_REGION);
        assertThat(AirlockConfig.from(Map.of("AIRLOCK_LOCAL", "TRUE", "AWS_REGION", "eu-west-1")).region())
                .isEqualTo("eu-west-1");
        assertThat(Optional.of(AirlockConfig.local(Map.of("SPRING_CLOUD_FUNCTION_DEFINITION", "expire")).functions()))
                .contains(java.util.List.of("expire"));
    }
}
