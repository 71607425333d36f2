package dev.airlock.aws.admin;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.InvalidRequestException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * Operator commands the {@code access} CLI calls:
 * <pre>
 * java -cp airlock-aws.jar:... dev.airlock.aws.admin.AdminMain verify        [options]
 * java -cp ... dev.airlock.aws.admin.AdminMain apply-roles FILE [--actor NAME] [options]
 * java -cp ... dev.airlock.aws.admin.AdminMain apply-notifications FILE [--actor NAME] [options]
 * java -cp ... dev.airlock.aws.admin.AdminMain create-tables [options]
 * java -cp ... dev.airlock.aws.admin.AdminMain roles check FILE
 * java -cp ... dev.airlock.aws.admin.AdminMain ca register --ca-key K [--actor NAME] [options]
 * options: --endpoint URL --region R --requests-table T --audit-table A [--ca-key K]
 * </pre>
 * Exit codes: {@value #OK} success (every chain intact); {@value #BREAKS_FOUND} the verifier found
 * breaks; {@value #USAGE} bad command line; {@value #INVALID_INPUT} the role or notification file is invalid or
 * unreadable (nothing written), or {@code roles check} refused something; {@value #FAILED} the tables could not be read or written.
 */
public final class AdminMain {

    public static final int OK = 0;
    public static final int BREAKS_FOUND = 1;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = 3;
    public static final int FAILED = 4;

    static final String USAGE_TEXT = """
            usage: AdminMain verify        [--endpoint URL] [--region R] [--requests-table T] [--audit-table A]
                                          [--checkpoint-bucket B --audit-key K [--checkpoint-interval PT5M] [--since N]]
                                          [--ca-key K | --ca-url URL]   (the served CA key must be the newest ca record's)
                   AdminMain apply-roles FILE [--actor NAME] [same options]
                   AdminMain ca register --ca-key K [--actor NAME] [same options]   (records the CA key on chain ca)
                   AdminMain apply-notifications FILE [--actor NAME] [same options]
                   AdminMain create-tables [same options]
                   AdminMain roles check FILE   (what Airlock enforces, ignores and refuses; no AWS access)
            environment: AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL, AWS_REGION, AWS_DEFAULT_REGION,
                         AIRLOCK_REQUESTS_TABLE, AIRLOCK_AUDIT_TABLE, AIRLOCK_CHECKPOINT_BUCKET,
                         AIRLOCK_AUDIT_KEY_ID, AIRLOCK_CHECKPOINT_INTERVAL, AIRLOCK_CA_KEY_ID
            exit codes: 0 ok, 1 audit breaks found, 2 usage, 3 invalid input or refused, 4 failure""";

    private AdminMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        AdminOptions options;
        try {
            options = AdminOptions.parse(args, env);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (options.command().equals(AdminOptions.ROLES_CHECK)) {
            return RolesCheckCommand.run(options.file().orElseThrow(), out, err);
        }
        try (DynamoDbClient dynamoDb = DynamoDbClients.create(options.endpoint(), options.region(),
                credentials(options, env))) {
            return switch (options.command()) {
                case "verify" -> verify(dynamoDb, options, env, out);
                case AdminOptions.CA_REGISTER -> CaKeyCommand.register(dynamoDb, options.tables(), options,
                        credentials(options, env), out);
                case "apply-roles" -> new ApplyRolesCommand(dynamoDb, options.tables())
                        .run(options.file().orElseThrow(), options.actor(), out, err);
                case AdminOptions.APPLY_NOTIFICATIONS -> new ApplyNotificationsCommand(dynamoDb, options.tables())
                        .run(options.file().orElseThrow(), options.actor(), out, err);
                default -> new CreateTablesCommand(dynamoDb, options.tables()).run(out);
            };
        } catch (InvalidRequestException e) {
            err.println("error: " + e.code() + ": " + e.getMessage());
            return INVALID_INPUT;
        } catch (AirlockException e) {
            err.println("error: " + e.code() + ": " + e.getMessage());
            return FAILED;
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "unknown" : e.awsErrorDetails().errorCode();
            err.println("error: DynamoDB refused the call: " + code + " (HTTP " + e.statusCode() + ")");
            return FAILED;
        } catch (SdkException | IllegalStateException e) {
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return FAILED;
        }
    }

    private static int verify(DynamoDbClient dynamoDb, AdminOptions options, Map<String, String> env, PrintStream out) {
        Optional<String> servedCa = CaKeyCommand.servedFingerprint(options, credentials(options, env));
        AuditVerifyCommand command = new AuditVerifyCommand(dynamoDb, options.tables(), servedCa);
        if (options.anchor().isEmpty()) {
            return command.run(out);
        }
        // AnchoredVerification (and so S3) is loaded only here: the functions' package carries no S3.
        return AnchoredVerification.run(command, options, credentials(options, env), out);
    }

    /**
     * The SDK's default chain; but against an explicit endpoint (embedded endpoints, LocalStack) with
     * no credentials in the environment, fixed local ones, since those endpoints do not check them
     * (letters only: DynamoDB Local refuses other access keys).
     */
    private static AwsCredentialsProvider credentials(AdminOptions options, Map<String, String> env) {
        boolean configured = env.containsKey(EnvironmentNames.ACCESS_KEY_ID) || env.containsKey(EnvironmentNames.PROFILE)
                || env.containsKey(EnvironmentNames.CONTAINER_CREDENTIALS_FULL_URI)
                || env.containsKey(EnvironmentNames.CONTAINER_CREDENTIALS_RELATIVE_URI)
                || env.containsKey(EnvironmentNames.WEB_IDENTITY_TOKEN_FILE);
        if (options.endpoint().isPresent() && !configured) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("airlocklocal", "airlocklocal"));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
