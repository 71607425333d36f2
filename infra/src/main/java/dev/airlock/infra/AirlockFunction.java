package dev.airlock.infra;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * One Airlock Lambda function: its own role (no managed policies; only its log group plus what
 * {@link Permissions} grants), its own log group with retention, SnapStart on published versions,
 * an alias {@value #ALIAS} that the API and the schedule invoke, and alarms on errors and throttles.
 */
public final class AirlockFunction extends Construct {

    public static final String ALIAS = "live";
    public static final String HANDLER =
            "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";
    /** The Spring Boot start class of the function jar (read by FunctionInvoker). */
    public static final String MAIN_CLASS = "dev.airlock.app.AirlockApplication";
    static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;
    private static final Duration ALARM_PERIOD = Duration.minutes(5);

    private final Role role;
    private final Function function;
    private final Alias alias;

    /**
     * @param name        the function name of {@code Catalogue.names()}; also its Spring bean
     * @param environment configuration variables (see {@link dev.airlock.core.config.EnvironmentNames})
     */
    public AirlockFunction(Construct scope, String id, String name, Code code, StackConfig config,
                           Map<String, String> environment) {
        super(scope, id);
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Airlock " + name + " function (least privilege)")
                .build();
        LogGroup logGroup = LogGroup.Builder.create(this, "Logs")
                .retention(LOG_RETENTION)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        // Written out because a role given to Function gets no AWSLambdaBasicExecutionRole.
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logGroup.getLogGroupArn()))
                .build());
        this.function = Function.Builder.create(this, "Function")
                .description("Airlock " + name)
                .runtime(Runtime.JAVA_21)
                .handler(HANDLER)
                .code(code)
                .memorySize(config.memoryMb())
                .timeout(Duration.seconds(config.timeoutSeconds()))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .role(role)
                .logGroup(logGroup)
                .environment(environment)
                .build();
        this.alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();
        // CDK warns that SnapStart needs a published version; the alias above is exactly that.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "published through currentVersion behind the alias " + ALIAS);
        addAlarms(name);
    }

    public Role role() {
        return role;
    }

    public Function function() {
        return function;
    }

    /** What callers invoke: the SnapStart snapshot lives on the published version behind it. */
    public Alias alias() {
        return alias;
    }

    public void grant(List<String> actions, List<String> resources) {
        grant(actions, resources, Map.of());
    }

    /** As {@link #grant(List, List)}, allowed only where the IAM {@code conditions} hold (none if empty). */
    public void grant(List<String> actions, List<String> resources, Map<String, ? extends Object> conditions) {
        PolicyStatement.Builder statement = PolicyStatement.Builder.create().actions(actions).resources(resources);
        if (!conditions.isEmpty()) {
            statement.conditions(conditions);
        }
        role.addToPrincipalPolicy(statement.build());
    }

    private void addAlarms(String name) {
        MetricOptions sum = MetricOptions.builder().period(ALARM_PERIOD).statistic("Sum").build();
        alarm(function.metricErrors(sum), "Errors", "Airlock " + name + " function errors");
        alarm(function.metricThrottles(sum), "Throttles", "Airlock " + name + " function throttled");
    }

    private void alarm(Metric metric, String id, String description) {
        metric.createAlarm(this, id, CreateAlarmOptions.builder()
                .alarmDescription(description)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build());
    }
}
