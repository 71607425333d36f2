package dev.airlock.infra;

import dev.airlock.core.api.Route;
import dev.airlock.core.api.Routes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API follows the shared route table, behind the JWT authorizer; the schedule drives expire. */
class AirlockApiTest {

    private static TemplateJson template;

    @BeforeAll
    static void synth() {
        template = SynthesizedStack.defaults();
    }

    @Test
    void routesAreExactlyTheSharedRouteTable() {
        assertThat(template.ofType("AWS::ApiGatewayV2::Route").values())
                .extracting(r -> r.get("RouteKey"))
                .containsExactlyInAnyOrderElementsOf(Routes.ALL.stream().map(Route::routeKey).toList());
    }

    @Test
    void eachRouteInvokesTheLiveAliasOfItsFunction() {
        Map<String, Map<String, Object>> integrations = template.ofType("AWS::ApiGatewayV2::Integration");
        for (Route route : Routes.ALL) {
            Map<String, Object> cfnRoute = routeFor(route);
            String target = TemplateJson.render(cfnRoute.get("Target"), Map.of());
            String integrationId = target.substring("integrations/".length());
            Map<String, Object> integration = integrations.get(integrationId);
            assertThat(integration).as(route.routeKey()).isNotNull();
            assertThat(integration.get("IntegrationType")).isEqualTo("AWS_PROXY");
            assertThat(integration.get("PayloadFormatVersion")).isEqualTo("2.0");
            assertThat(integration.get("IntegrationUri"))
                    .as(route.routeKey()).isEqualTo(Map.of("Ref", template.aliasId(route.function())));
        }
    }

    @Test
    void everyRouteButThePublicOnesRequiresAJwt() {
        String authorizerId = template.ofType("AWS::ApiGatewayV2::Authorizer").keySet().iterator().next();
        for (Route route : Routes.ALL) {
            Map<String, Object> cfnRoute = routeFor(route);
            if (route.isPublic()) {
                assertThat(cfnRoute.get("AuthorizationType")).as(route.routeKey()).isEqualTo("NONE");
                assertThat(cfnRoute.get("AuthorizerId")).as(route.routeKey()).isNull();
            } else {
                assertThat(cfnRoute.get("AuthorizationType")).as(route.routeKey()).isEqualTo("JWT");
                assertThat(cfnRoute.get("AuthorizerId")).isEqualTo(Map.of("Ref", authorizerId));
            }
        }
    }

    /** The console's audit trail route: behind the JWT authorizer, served by list's live alias. */
    @Test
    void theAuditTrailRouteRequiresAJwtAndInvokesList() {
        Map<String, Object> route = template.ofType("AWS::ApiGatewayV2::Route").values().stream()
                .filter(r -> "GET /requests/{id}/audit".equals(r.get("RouteKey"))).findFirst().orElseThrow();
        assertThat(route.get("AuthorizationType")).isEqualTo("JWT");
        String integrationId = TemplateJson.render(route.get("Target"), Map.of()).substring("integrations/".length());
        assertThat(template.ofType("AWS::ApiGatewayV2::Integration").get(integrationId).get("IntegrationUri"))
                .isEqualTo(Map.of("Ref", template.aliasId(Routes.LIST)));
    }

    @Test
    void onlyTheCaTheKrlAndTheCliSettingsArePublic() {
        assertThat(Routes.ALL.stream().filter(Route::isPublic).map(Route::routeKey))
                .containsExactlyInAnyOrder("GET /ca", "GET /krl", "GET /.well-known/airlock");
    }

    @Test
    void authorizerTakesIssuerAndAudienceFromParameters() {
        Map<String, Object> authorizer = template.ofType("AWS::ApiGatewayV2::Authorizer").values().iterator().next();
        assertThat(authorizer.get("AuthorizerType")).isEqualTo("JWT");
        assertThat(authorizer.get("IdentitySource")).isEqualTo(List.of("$request.header.Authorization"));
        assertThat(authorizer.get("JwtConfiguration")).isEqualTo(Map.of(
                "Issuer", Map.of("Ref", AirlockStack.JWT_ISSUER_PARAM),
                "Audience", Map.of("Ref", AirlockStack.JWT_AUDIENCE_PARAM)));
        Map<String, Object> parameters = template.section("Parameters");
        assertThat(parameter(parameters, AirlockStack.JWT_ISSUER_PARAM))
                .containsEntry("Type", "String").containsEntry("Default", SynthesizedStack.ISSUER);
        assertThat(parameter(parameters, AirlockStack.JWT_AUDIENCE_PARAM))
                .containsEntry("Type", "CommaDelimitedList").containsEntry("Default", SynthesizedStack.AUDIENCE);
    }

    @Test
    void defaultStageIsThrottledByParametersAndLogsAccess() {
        Map<String, Object> stage = template.ofType("AWS::ApiGatewayV2::Stage").values().iterator().next();
        assertThat(stage.get("StageName")).isEqualTo("$default");
        assertThat(stage.get("AutoDeploy")).isEqualTo(true);
        assertThat(stage.get("DefaultRouteSettings")).isEqualTo(Map.of(
                "ThrottlingBurstLimit", Map.of("Ref", AirlockStack.THROTTLE_BURST_PARAM),
                "ThrottlingRateLimit", Map.of("Ref", AirlockStack.THROTTLE_RATE_PARAM)));
        Map<String, Object> parameters = template.section("Parameters");
        assertThat(parameter(parameters, AirlockStack.THROTTLE_BURST_PARAM)).containsEntry("Default", 100);
        assertThat(parameter(parameters, AirlockStack.THROTTLE_RATE_PARAM)).containsEntry("Default", 50);
        Object destination = ((Map<?, ?>) stage.get("AccessLogSettings")).get("DestinationArn");
        String logGroupId = TemplateJson.getAttTarget(destination).orElseThrow();
        assertThat(template.ofType("AWS::Logs::LogGroup").get(logGroupId)).containsEntry("RetentionInDays", 30);
    }

    @Test
    void serverErrorsRaiseAnAlarm() {
        String apiId = template.ofType("AWS::ApiGatewayV2::Api").keySet().iterator().next();
        assertThat(template.ofType("AWS::CloudWatch::Alarm").values())
                .filteredOn(a -> "5xx".equals(a.get("MetricName")))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.get("Namespace")).isEqualTo("AWS/ApiGateway");
                    assertThat(a.get("Dimensions")).isEqualTo(List.of(Map.of("Name", "ApiId", "Value", Map.of("Ref", apiId))));
                });
    }

    @Test
    void scheduleRunsExpireEveryMinuteThroughItsAlias() {
        Object expire = Map.of("Ref", template.aliasId(Routes.EXPIRE));
        assertThat(template.ofType("AWS::Events::Rule").values())
                .filteredOn(rule -> TemplateJson.list(rule.get("Targets")).stream()
                        .anyMatch(t -> expire.equals(((Map<?, ?>) t).get("Arn"))))
                .singleElement().satisfies(rule -> {
                    assertThat(rule.get("ScheduleExpression")).isEqualTo("rate(1 minute)");
                    assertThat(rule.get("State")).isEqualTo("ENABLED");
                    assertThat(TemplateJson.list(rule.get("Targets"))).hasSize(1);
                });
        assertThat(template.ofType("AWS::Lambda::Permission").values())
                .anySatisfy(p -> {
                    assertThat(p.get("Principal")).isEqualTo("events.amazonaws.com");
                    assertThat(p.get("FunctionName")).isEqualTo(Map.of("Ref", template.aliasId(Routes.EXPIRE)));
                });
    }

    @Test
    void outputsNameTheApi() {
        assertThat(template.section("Outputs")).containsKeys(AirlockStack.API_URL_OUTPUT, AirlockStack.API_ID_OUTPUT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameter(Map<String, Object> parameters, String name) {
        return (Map<String, Object>) parameters.get(name);
    }

    private static Map<String, Object> routeFor(Route route) {
        return template.ofType("AWS::ApiGatewayV2::Route").values().stream()
                .filter(r -> route.routeKey().equals(r.get("RouteKey")))
                .findFirst().orElseThrow();
    }
}
