package dev.airlock.infra;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.FunctionSpec;
import dev.airlock.core.api.Routes;
import dev.airlock.core.api.Trigger;
import dev.airlock.core.usecase.PostReviewQueue;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import dev.airlock.core.storage.Tables;
import dev.airlock.infra.Permissions.Grant;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Airlock stack: tables, CA key, the functions of the catalogue with their least-privilege roles, the
 * HTTP API, the expiry schedule, the audit stream's consumers with the audit anchor and notify's secret. Each piece is its own construct; this class wires them together and
 * turns {@link Permissions} into IAM statements.
 */
public final class AirlockStack extends Stack {

    public static final String JWT_ISSUER_PARAM = "JwtIssuer";
    public static final String JWT_AUDIENCE_PARAM = "JwtAudience";
    public static final String OIDC_CLIENT_ID_PARAM = "OidcClientId";
    public static final String THROTTLE_BURST_PARAM = "ThrottleBurstLimit";
    public static final String THROTTLE_RATE_PARAM = "ThrottleRateLimit";
    /** Outputs read by scripts/deploy-localstack and the docs. */
    public static final String API_URL_OUTPUT = "ApiUrl";
    public static final String API_ID_OUTPUT = "ApiId";
    public static final String CONSOLE_URL_OUTPUT = "ConsoleUrl";
    public static final String CONSOLE_CLIENT_ID_PARAM = "ConsoleClientId";
    public static final String CONSOLE_IDENTITY_ORIGINS_PARAM = "ConsoleIdentityOrigins";
    /** Context key: the console's files (default {@code console}, or {@code ../console} from infra/). */
    public static final String CONSOLE_DIR = "consoleDir";
    /** Context key: {@code false} leaves the console out of the stack. */
    public static final String CONSOLE = "console";

    /** A multiple of 4, so the alphanumeric string is valid base64 without padding. */
    static final int CURSOR_KEY_LENGTH = 64;

    private final AirlockTables tables;
    private final Map<String, AirlockFunction> functions = new LinkedHashMap<>();
    private final CaKey caKey;
    private final Secret cursorKey;
    private final AuditAnchor auditAnchor;
    private final NotifyResources notify;

    public AirlockStack(Construct scope, String id, StackProps props, StackConfig config) {
        super(scope, id, props);
        this.tables = new AirlockTables(this, "Tables", Catalogue.ofKind(Trigger.Kind.TABLE_STREAM).stream()
                .map(spec -> ((Trigger.TableStream) spec.trigger()).table()).collect(Collectors.toSet()));
        String keyAdministrator = KeyAdministrator.parameter(this, config);
        Code code = code(config);
        // The key policy names the sign role (in a condition), and the sign function's environment names the key:
        // the role is created first (inside the function construct), the key next, and the
        // role's policy statements last, which CloudFormation can order without a cycle.
        for (String name : Catalogue.names()) {
            functions.put(name, new AirlockFunction(this, AirlockApi.capitalize(name), name, code, config,
                    environment(name, config)));
        }
        this.cursorKey = cursorKeySecret();
        this.caKey = new CaKey(this, "CaKey", config.caKeySpec(), functions.get(Routes.SIGN).role(), keyAdministrator);
        this.auditAnchor = new AuditAnchor(this, "AuditAnchor", functions.get(Routes.CHECKPOINT), keyAdministrator);
        this.notify = new NotifyResources(this, "NotifyResources", functions.get(Routes.NOTIFY), keyAdministrator);
        tables.restrictTo(roleArns(Permissions.writersOf(Permissions.Target.REQUESTS_TABLE)),
                roleArns(Permissions.writersOf(Permissions.Target.AUDIT_TABLE)), keyAdministrator);
        functions.get(Routes.SIGN).function().addEnvironment(EnvironmentNames.CA_KEY_ID, caKey.keyArn());
        // The secret's ARN only: the function reads the value once at start-up (no value in the template).
        functions.get(Routes.LIST).function().addEnvironment(EnvironmentNames.CURSOR_KEY_SECRET_ARN,
                cursorKey.getSecretArn());
        functions.forEach((name, function) -> Permissions.of(name).forEach(grant ->
                function.grant(grant.actions(), resources(grant), grant.conditions())));

        AirlockApi.Settings apiSettings = apiSettings(config);
        // The authorizer is the first gate; each HTTP function verifies the token again against the same issuer.
        Catalogue.ofKind(Trigger.Kind.HTTP).forEach(spec -> {
            functions.get(spec.name()).function().addEnvironment(EnvironmentNames.JWT_ISSUER, apiSettings.jwtIssuer());
            functions.get(spec.name()).function().addEnvironment(EnvironmentNames.JWT_AUDIENCE,
                    Fn.join(",", apiSettings.jwtAudience()));
        });
        signInEnvironment(config.signIn(), apiSettings.clientId());
        AirlockApi api = new AirlockApi(this, "Http", apiSettings, functions);
        Catalogue.ALL.forEach(this::eventSource);
        overduePostReviewAlarm();
        outputs(api);
        // The console's files and its BucketDeployment's handler are CDK assets, which need `cdk bootstrap`:
        // the emulator path (code already in a bucket, no bootstrap) and -c console=false leave it out.
        if (config.codeLocation().isEmpty() && !"false".equals(String.valueOf(getNode().tryGetContext(CONSOLE)))) {
            Console console = new Console(this, "Console", consoleSettings(apiSettings.jwtIssuer()), api.url());
            CfnOutput.Builder.create(this, CONSOLE_URL_OUTPUT).value(console.url())
                    .description("The review console (CloudFront)").build();
        }
    }

    private Console.Settings consoleSettings(String issuer) {
        String clientId = CfnParameter.Builder.create(this, CONSOLE_CLIENT_ID_PARAM).type("String")
                .defaultValue("airlock-console")
                .description("OAuth client id of the review console at the identity provider (a public client, "
                        + "code flow with PKCE, redirect URI = the ConsoleUrl output)").build().getValueAsString();
        String origins = CfnParameter.Builder.create(this, CONSOLE_IDENTITY_ORIGINS_PARAM).type("String")
                .defaultValue("")
                .description("Further origins the console may call, space separated: the identity provider's "
                        + "token endpoint when it is not on the issuer's host (e.g. https://DOMAIN.auth.REGION.amazoncognito.com)")
                .build().getValueAsString();
        Object dir = getNode().tryGetContext(CONSOLE_DIR);
        java.nio.file.Path directory = dir != null ? java.nio.file.Path.of(dir.toString())
                : Files.isDirectory(java.nio.file.Path.of("functions", "console")) ? java.nio.file.Path.of("functions", "console")
                : java.nio.file.Path.of("..", "functions", "console");
        return new Console.Settings(directory, issuer, clientId, origins);
    }

    /** The event source of each trigger kind, mapped once (HTTP routes are the API's, built above). */
    private void eventSource(FunctionSpec spec) {
        switch (spec.kind()) {
            case HTTP -> { } // AirlockApi integrates every route of the route table
            case SCHEDULE -> schedule(spec, "Schedule", "on schedule", ((Trigger.Schedule) spec.trigger()).rate());
            case TABLE_STREAM -> {
                Trigger.TableStream stream = (Trigger.TableStream) spec.trigger();
                new StreamSource(this, AirlockApi.capitalize(spec.name()) + "Stream", spec.name(),
                        functions.get(spec.name()), tables.byStreamName(stream.table()));
                // Lambda invokes a stream function only when records arrive; the heartbeat's scheduled
                // event is read as an empty batch (StreamEvents), so a quiet table is still checkpointed.
                stream.heartbeat().ifPresent(rate -> schedule(spec, "Heartbeat", "with an empty batch", rate));
            }
        }
    }

    private void schedule(FunctionSpec spec, String idSuffix, String what, java.time.Duration rate) {
        Rule.Builder.create(this, AirlockApi.capitalize(spec.name()) + idSuffix)
                .description("Airlock: run " + spec.name() + " " + what)
                .schedule(Schedule.rate(Duration.minutes(rate.toMinutes())))
                .targets(List.of(new LambdaFunction(functions.get(spec.name()).alias())))
                .build();
    }

    /**
     * Break-glass requests whose post-review is past its deadline: the expire function logs the count every
     * run as an EMF line (PostReviewQueue.OVERDUE_METRIC); any overdue one in 15 minutes raises the alarm. No
     * data is not breaching, as for the function alarms: a sweep that stops running raises its own Errors alarm.
     */
    private void overduePostReviewAlarm() {
        Metric.Builder.create().namespace(PostReviewQueue.METRIC_NAMESPACE).metricName(PostReviewQueue.OVERDUE_METRIC)
                .statistic("Maximum").period(Duration.minutes(15)).build()
                .createAlarm(this, "OverduePostReviewsAlarm", CreateAlarmOptions.builder()
                        .alarmDescription("Airlock: a break-glass request was not reviewed afterwards in time "
                                + "(access request ls --review-due)")
                        .threshold(1)
                        .evaluationPeriods(1)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                        .treatMissingData(TreatMissingData.NOT_BREACHING)
                        .build());
    }

    /**
     * The Lambda package: a CDK asset (uploaded by {@code cdk deploy} to the bootstrap bucket), or
     * an object already in S3 when the template is deployed without the CDK CLI (emulators).
     */
    private Code code(StackConfig config) {
        if (config.codeLocation().isPresent()) {
            StackConfig.CodeLocation location = config.codeLocation().get();
            return Code.fromBucket(Bucket.fromBucketName(this, "CodeBucket", location.bucket()), location.key());
        }
        if (!Files.isRegularFile(config.lambdaZip())) {
            throw new IllegalArgumentException("Lambda package " + config.lambdaZip() + " does not exist: build it with"
                    + " `mvn -B -q -pl functions/app -am package -DskipTests` or pass -c "
                    + StackConfig.LAMBDA_ZIP + "=<path>");
        }
        return Code.fromAsset(config.lambdaZip().toAbsolutePath().toString());
    }

    /**
     * The key that signs list cursors: generated by Secrets Manager, never in the repository, the
     * template or a function's environment; {@code list} reads it at start-up with
     * {@code secretsmanager:GetSecretValue} on this secret only ({@link Permissions}). 64 characters
     * from [A-Za-z0-9] are valid base64 and decode to 48 bytes, above the 32 the functions require.
     */
    private Secret cursorKeySecret() {
        return Secret.Builder.create(this, "CursorKey")
                .description("Airlock: HMAC key that signs list cursors (base64)")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(CURSOR_KEY_LENGTH)
                        .excludePunctuation(true)
                        .includeSpace(false)
                        .requireEachIncludedType(false)
                        .build())
                .build();
    }

    private Map<String, String> environment(String name, StackConfig config) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(EnvironmentNames.FUNCTION_DEFINITION, name);
        env.put(EnvironmentNames.MAIN_CLASS, AirlockFunction.MAIN_CLASS);
        // Every function gets both table names: names are not permissions, and one config class
        // can then validate the same variables everywhere.
        env.put(EnvironmentNames.REQUESTS_TABLE, tables.requests().getTableName());
        env.put(EnvironmentNames.AUDIT_TABLE, tables.audit().getTableName());
        env.put(EnvironmentNames.USER_CLAIM, config.userClaim());
        env.put(EnvironmentNames.GROUPS_CLAIM, config.groupsClaim());
        return env;
    }

    private List<String> roleArns(List<String> functionNames) {
        return functionNames.stream().map(name -> functions.get(name).role().getRoleArn()).toList();
    }

    private List<String> resources(Grant grant) {
        return switch (grant.target()) {
            case REQUESTS_TABLE -> List.of(tables.requests().getTableArn());
            case REQUESTS_INDEXES -> List.of(tables.requestsIndexArn("*"));
            case EXPIRY_INDEX -> List.of(tables.requestsIndexArn(Tables.REQUESTS_BY_EXPIRY));
            case KRL_INDEX -> List.of(tables.requestsIndexArn(Tables.REQUESTS_BY_KRL));
            case AUDIT_SERIAL_INDEX -> List.of(tables.auditIndexArn(Tables.AUDIT_BY_SERIAL));
            case AUDIT_HOLDER_INDEX -> List.of(tables.auditIndexArn(Tables.AUDIT_BY_HOLDER));
            case AUDIT_TABLE -> List.of(tables.audit().getTableArn());
            case CA_KEY -> List.of(caKey.keyArn());
            case CURSOR_KEY_SECRET -> List.of(cursorKey.getSecretArn());
            case AUDIT_STREAM -> List.of(tables.streamsArn(tables.audit()));
            case AUDIT_KEY -> List.of(auditAnchor.keyArn());
            case CHECKPOINT_OBJECTS -> List.of(auditAnchor.bucket().checkpointObjectsArn());
            case NOTIFY_SECRET -> List.of(notify.secretArn());
        };
    }

    /** What GET /.well-known/airlock (served by list) tells the CLI. */
    private void signInEnvironment(SignInConfig signIn, String clientId) {
        software.amazon.awscdk.services.lambda.Function list = functions.get(Routes.LIST).function();
        list.addEnvironment(EnvironmentNames.OIDC_CLIENT_ID, clientId);
        list.addEnvironment(EnvironmentNames.OIDC_SCOPES, signIn.scopes());
        signIn.redirectUri().ifPresent(uri -> list.addEnvironment(EnvironmentNames.OIDC_REDIRECT_URI, uri));
    }

    private AirlockApi.Settings apiSettings(StackConfig config) {
        CfnParameter burst = CfnParameter.Builder.create(this, THROTTLE_BURST_PARAM).type("Number")
                .description("Default-stage burst limit (requests)").minValue(0)
                .defaultValue(config.throttleBurst()).build();
        CfnParameter rate = CfnParameter.Builder.create(this, THROTTLE_RATE_PARAM).type("Number")
                .description("Default-stage steady rate limit (requests per second)").minValue(0)
                .defaultValue(config.throttleRate()).build();
        if (config.signIn().createUserPool()) {
            // The pool is the issuer; its CLI client is the audience (Cognito access tokens carry client_id).
            UserPool pool = new UserPool(this, "UserPool", config.signIn().domainPrefix().orElseThrow(),
                    config.signIn().groups(), config.signIn().redirectPort());
            return new AirlockApi.Settings(pool.issuer(), List.of(pool.clientId()), pool.clientId(),
                    burst.getValueAsNumber(), rate.getValueAsNumber());
        }
        CfnParameter.Builder clientId = CfnParameter.Builder.create(this, OIDC_CLIENT_ID_PARAM).type("String")
                .description("The CLI's public OIDC client id (access login); empty: no single sign-on");
        clientId.defaultValue(config.signIn().clientId().orElse(""));
        CfnParameter.Builder issuer = CfnParameter.Builder.create(this, JWT_ISSUER_PARAM).type("String")
                .description("OIDC issuer URL of the JWT authorizer (the token's iss claim), e.g. https://login.example.com/");
        config.jwtIssuer().ifPresent(issuer::defaultValue);
        CfnParameter.Builder audience = CfnParameter.Builder.create(this, JWT_AUDIENCE_PARAM).type("CommaDelimitedList")
                .description("Accepted audiences (aud or client_id claim), comma separated");
        config.jwtAudience().ifPresent(audience::defaultValue);
        return new AirlockApi.Settings(issuer.build().getValueAsString(), audience.build().getValueAsList(),
                clientId.build().getValueAsString(), burst.getValueAsNumber(), rate.getValueAsNumber());
    }

    private void outputs(AirlockApi api) {
        CfnOutput.Builder.create(this, API_URL_OUTPUT).value(api.url())
                .description("Invoke URL of the HTTP API").build();
        CfnOutput.Builder.create(this, API_ID_OUTPUT).value(api.api().getApiId())
                .description("HTTP API id (emulators serve it on their own host names)").build();
        CfnOutput.Builder.create(this, "RequestsTableName").value(tables.requests().getTableName()).build();
        CfnOutput.Builder.create(this, "AuditTableName").value(tables.audit().getTableName()).build();
        CfnOutput.Builder.create(this, "CaKeyArn").value(caKey.keyArn()).build();
        CfnOutput.Builder.create(this, "CaKeyAlias").value(CaKey.ALIAS).build();
        CfnOutput.Builder.create(this, "AuditKeyArn").value(auditAnchor.keyArn())
                .description("Verifies audit checkpoints (access audit verify)").build();
        CfnOutput.Builder.create(this, "CheckpointBucketName").value(auditAnchor.bucket().bucket().getBucketName())
                .description("Object Lock bucket of the signed audit checkpoints").build();
    }
}
