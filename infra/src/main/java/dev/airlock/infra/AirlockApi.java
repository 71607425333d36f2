package dev.airlock.infra;

import dev.airlock.core.api.Route;
import dev.airlock.core.api.Routes;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.lambda.CfnPermission;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API: one route per entry of {@link Routes#ALL}, each behind the JWT authorizer (but the
 * routes the table marks public, {@code GET /ca} and {@code GET /krl}) and
 * integrated with its function's alias (payload format 2.0) and allowed to invoke it only from that
 * route of the one stage, a {@code $default} stage with
 * throttling and access logs, and an alarm on 5xx responses.
 */
public final class AirlockApi extends Construct {

    /** The API's only stage. */
    public static final String STAGE = "$default";
    /** Where API Gateway takes the bearer token from. */
    public static final String IDENTITY_SOURCE = "$request.header.Authorization";
    private static final int SERVER_ERROR_ALARM_THRESHOLD = 5;
    // Access log fields (API Gateway "$context variables" for HTTP APIs); no request bodies or tokens.
    private static final String ACCESS_LOG_FORMAT = "{\"requestId\":\"$context.requestId\","
            + "\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\","
            + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\","
            + "\"user\":\"$context.authorizer.claims.sub\","
            + "\"integrationError\":\"$context.integrationErrorMessage\","
            + "\"authorizerError\":\"$context.authorizer.error\"}";

    /** Deployment parameters of the API (CloudFormation parameter values as tokens). */
    public record Settings(String jwtIssuer, List<String> jwtAudience, Number throttleBurst,
                           Number throttleRate) {
    }

    private final HttpApi api;
    private final HttpStage stage;

    public AirlockApi(Construct scope, String id, Settings settings, Map<String, AirlockFunction> functions) {
        super(scope, id);
        HttpJwtAuthorizer authorizer = HttpJwtAuthorizer.Builder.create("JwtAuthorizer", settings.jwtIssuer())
                .jwtAudience(settings.jwtAudience())
                .identitySource(List.of(IDENTITY_SOURCE))
                .build();
        this.api = HttpApi.Builder.create(this, "Api")
                .apiName("airlock")
                .description("Airlock: just-in-time SSH access requests")
                .defaultAuthorizer(authorizer)
                .createDefaultStage(false)
                .build();
        this.stage = defaultStage(settings);
        addRoutes(functions);
        api.metricServerError(MetricOptions.builder().period(Duration.minutes(5)).statistic("Sum").build())
                .createAlarm(this, "ServerErrors", CreateAlarmOptions.builder()
                        .alarmDescription("Airlock API answered 5xx")
                        .threshold(SERVER_ERROR_ALARM_THRESHOLD)
                        .evaluationPeriods(1)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                        .treatMissingData(TreatMissingData.NOT_BREACHING)
                        .build());
    }

    public HttpApi api() {
        return api;
    }

    /** The invoke URL of the {@code $default} stage. */
    public String url() {
        return stage.getUrl();
    }

    private HttpStage defaultStage(Settings settings) {
        HttpStage defaultStage = api.addStage("DefaultStage", HttpStageOptions.builder()
                .stageName(STAGE)
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .burstLimit(settings.throttleBurst())
                        .rateLimit(settings.throttleRate())
                        .build())
                .build());
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(AirlockFunction.LOG_RETENTION)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // Escape hatch: the L1 property is simpler than the L2 IAccessLogSettings interface.
        CfnStage cfnStage = (CfnStage) defaultStage.getNode().getDefaultChild();
        cfnStage.setAccessLogSettings(CfnStage.AccessLogSettingsProperty.builder()
                .destinationArn(accessLogs.getLogGroupArn())
                .format(ACCESS_LOG_FORMAT)
                .build());
        return defaultStage;
    }

    private void addRoutes(Map<String, AirlockFunction> functions) {
        Map<String, HttpLambdaIntegration> integrations = new HashMap<>();
        for (Route route : Routes.ALL) {
            HttpLambdaIntegration integration = integrations.computeIfAbsent(route.function(), name ->
                    new HttpLambdaIntegration(capitalize(name) + "Integration", requireFunction(functions, name).alias(),
                            HttpLambdaIntegrationProps.builder()
                                    .payloadFormatVersion(PayloadFormatVersion.VERSION_2_0).build()));
            AddRoutesOptions.Builder options = AddRoutesOptions.builder()
                    .path(route.pathTemplate())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(integration);
            if (route.isPublic()) {
                // GET /ca and GET /krl: hosts fetch them from timers with no user token; the stage throttle still applies
                options.authorizer(new HttpNoneAuthorizer());
            }
            List<HttpRoute> added = api.addRoutes(options.build());
            added.forEach(httpRoute -> pinInvokePermission(httpRoute, route));
        }
    }

    /**
     * CDK's integration lets API Gateway invoke the function from {@code <api>/*}{@code /*}{@code <path>}:
     * any stage and any method. Narrowed here to this route on the one stage
     * ({@code <api>/$default/<METHOD><path>}, the execute-api ARN of the route), so a stage or
     * a route with another method added to the API later cannot invoke the function.
     */
    private void pinInvokePermission(HttpRoute httpRoute, Route route) {
        String permissionId = capitalize(route.function()) + "Integration-Permission";
        CfnPermission permission = (CfnPermission) httpRoute.getNode().findChild(permissionId);
        permission.setSourceArn(api.arnForExecuteApi(route.method(), route.pathTemplate(), STAGE));
    }

    private static AirlockFunction requireFunction(Map<String, AirlockFunction> functions, String name) {
        AirlockFunction function = functions.get(name);
        if (function == null) {
            throw new IllegalStateException("route table names function " + name + " but no such function exists");
        }
        return function;
    }

    static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
