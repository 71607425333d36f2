package dev.airlock.infra;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.core.api.Routes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CLI's single sign-on in the template: with {@code createUserPool=true} a Cognito user pool with
 * groups and one public PKCE client whose issuer and client id the JWT authorizer and the functions
 * trust; without it, the existing provider's client id as the {@code OidcClientId} parameter.
 */
class UserPoolTest {

    private static TemplateJson pool;

    @BeforeAll
    static void synth() {
        pool = new TemplateJson(SynthesizedStack.synth(Map.of(StackConfig.CREATE_USER_POOL, "true",
                StackConfig.USER_POOL_DOMAIN, "airlock-test", StackConfig.JWT_ISSUER, "", StackConfig.JWT_AUDIENCE, "")));
    }

    private static String onlyId(TemplateJson template, String type) {
        assertThat(template.ofType(type)).hasSize(1);
        return template.ofType(type).keySet().iterator().next();
    }

    @Test
    void userPool_hasTheGroups_noSelfSignUp_andAHostedDomain() {
        String poolId = onlyId(pool, "AWS::Cognito::UserPool");
        assertThat(pool.ofType("AWS::Cognito::UserPool").get(poolId).get("AdminCreateUserConfig"))
                .isEqualTo(Map.of("AllowAdminCreateUserOnly", true));
        assertThat(pool.ofType("AWS::Cognito::UserPoolGroup").values()).extracting(g -> g.get("GroupName"))
                .containsExactlyInAnyOrder("contractors", "dba-reviewers");
        assertThat(pool.ofType("AWS::Cognito::UserPoolDomain").values()).extracting(d -> d.get("Domain"))
                .containsExactly("airlock-test");
    }

    @Test
    void cliClient_isPublic_codeGrantOnly_withTheFixedLoopbackCallback() {
        Map<String, Object> client = pool.ofType("AWS::Cognito::UserPoolClient").values().iterator().next();
        assertThat(client.get("GenerateSecret")).isEqualTo(false);
        assertThat(client.get("AllowedOAuthFlowsUserPoolClient")).isEqualTo(true);
        assertThat(client.get("AllowedOAuthFlows")).isEqualTo(List.of("code"));
        assertThat(client.get("AllowedOAuthScopes")).isEqualTo(List.of("openid", "profile"));
        assertThat(client.get("CallbackURLs")).isEqualTo(List.of("http://localhost:53682/callback"));
        assertThat(client.get("SupportedIdentityProviders")).isEqualTo(List.of("COGNITO"));
    }

    @Test
    void authorizerAndFunctions_trustThePoolAndItsClient() {
        String poolId = onlyId(pool, "AWS::Cognito::UserPool");
        String clientId = onlyId(pool, "AWS::Cognito::UserPoolClient");
        Map<String, Object> authorizer = pool.ofType("AWS::ApiGatewayV2::Authorizer").values().iterator().next();
        @SuppressWarnings("unchecked")
        Map<String, Object> jwt = (Map<String, Object>) authorizer.get("JwtConfiguration");
        assertThat(TemplateJson.render(jwt.get("Issuer"), Map.of(poolId, "POOL", "AWS::Region", "REGION")))
                .isEqualTo("https://cognito-idp.REGION.amazonaws.com/POOL");
        assertThat(jwt.get("Audience")).isEqualTo(List.of(Map.of("Ref", clientId)));
        Map<String, Object> list = TemplateJson.environment(pool.function(Routes.LIST));
        assertThat(list.get(EnvironmentNames.JWT_AUDIENCE)).asString().contains(clientId);
        assertThat(list.get(EnvironmentNames.OIDC_CLIENT_ID)).isEqualTo(Map.of("Ref", clientId));
        assertThat(list.get(EnvironmentNames.OIDC_SCOPES)).isEqualTo("openid profile");
        assertThat(list.get(EnvironmentNames.OIDC_REDIRECT_URI)).isEqualTo("http://localhost:53682/callback");
        assertThat(list.get(EnvironmentNames.GROUPS_CLAIM)).isEqualTo("cognito:groups");
        assertThat(pool.section("Parameters")).doesNotContainKeys(AirlockStack.JWT_ISSUER_PARAM,
                AirlockStack.JWT_AUDIENCE_PARAM, AirlockStack.OIDC_CLIENT_ID_PARAM);
    }

    @Test
    void withoutAPool_theClientIdIsAParameter_andNoCognitoResourceExists() {
        TemplateJson defaults = SynthesizedStack.defaults();
        assertThat(defaults.ofType("AWS::Cognito::UserPool")).isEmpty();
        assertThat(defaults.ofType("AWS::Cognito::UserPoolClient")).isEmpty();
        assertThat(defaults.section("Parameters")).containsKey(AirlockStack.OIDC_CLIENT_ID_PARAM);
        Map<String, Object> list = TemplateJson.environment(defaults.function(Routes.LIST));
        assertThat(list.get(EnvironmentNames.OIDC_CLIENT_ID)).isEqualTo(Map.of("Ref", AirlockStack.OIDC_CLIENT_ID_PARAM));
        assertThat(list.get(EnvironmentNames.OIDC_SCOPES)).isEqualTo("openid offline_access");
        assertThat(list).doesNotContainKey(EnvironmentNames.OIDC_REDIRECT_URI);
    }

    @Test
    void aPool_needsADomainPrefix_andTakesNoIssuerOfItsOwn() {
        assertThatThrownBy(() -> SynthesizedStack.synth(Map.of(StackConfig.CREATE_USER_POOL, "true",
                StackConfig.JWT_ISSUER, "", StackConfig.JWT_AUDIENCE, "")))
                .hasMessageContaining("needs " + StackConfig.USER_POOL_DOMAIN);
        assertThatThrownBy(() -> SynthesizedStack.synth(Map.of(StackConfig.CREATE_USER_POOL, "true",
                StackConfig.USER_POOL_DOMAIN, "airlock-test")))
                .hasMessageContaining("takes issuer, audience and client id from the pool");
    }
}
