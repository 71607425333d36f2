package dev.airlock.infra.local;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.infra.AirlockApp;
import dev.airlock.infra.AirlockStack;
import dev.airlock.infra.StackConfig;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Command line of {@code scripts/deploy-localstack}: deploys the stack into the emulator on
 * {@code AWS_ENDPOINT_URL} and prints the API URL. Every failure ends in one {@code error:} line
 * and a non-zero exit.
 */
public final class DeployLocal {

    static final String USAGE = """
            Usage: DeployLocal [--endpoint URL] [--region R] [--stack-name NAME] [--lambda-zip PATH]
                               [--issuer URL] [--audience AUD] [--bucket NAME] [-c KEY=VALUE]...
            Defaults: endpoint $AWS_ENDPOINT_URL or http://localhost:4566, region $AWS_REGION or
            us-east-1, issuer $AIRLOCK_JWT_ISSUER, audience $AIRLOCK_JWT_AUDIENCE or airlock.
            """;
    /** Used when no issuer is given: the stack deploys, but the API rejects every token. */
    static final String PLACEHOLDER_ISSUER = "https://issuer.invalid/";

    private DeployLocal() {
    }

    public static void main(String[] args) {
        try {
            Map<String, String> options = parse(args);
            if (options.containsKey("help")) {
                System.out.print(USAGE);
                return;
            }
            LocalDeployment deployment = deployment(options, System::getenv);
            if (deployment.jwtIssuer().equals(PLACEHOLDER_ISSUER)) {
                System.err.println("warning: no --issuer (or AIRLOCK_JWT_ISSUER): the API will reject every token");
            }
            Path workDir = Files.createTempDirectory("airlock-cdk-out");
            Map<String, String> outputs = new LocalDeployer(deployment).deploy(workDir);
            String apiId = outputs.get(AirlockStack.API_ID_OUTPUT);
            System.out.println("stack " + deployment.stackName() + " deployed to " + deployment.endpoint());
            System.out.println("API URL: " + deployment.localApiUrl(apiId));
        } catch (SdkClientException e) {
            fail("cannot reach the AWS endpoint (" + e.getMessage() + ")");
        } catch (SdkServiceException e) {
            fail("the emulator refused a request: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            fail(e.getMessage());
        }
    }

    /** Builds the deployment from options, falling back to the environment ({@code env}). */
    static LocalDeployment deployment(Map<String, String> options, UnaryOperator<String> env) {
        Map<String, Object> context = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (key.startsWith("context.")) {
                context.put(key.substring("context.".length()), value);
            }
        });
        Path zip = Path.of(options.getOrDefault("lambda-zip", StackConfig.DEFAULT_LAMBDA_ZIP));
        if (!Files.isRegularFile(zip)) {
            throw new IllegalArgumentException("Lambda package " + zip + " does not exist: build it with"
                    + " `mvn -B -q -pl functions/app -am package -DskipTests` or pass --lambda-zip");
        }
        return new LocalDeployment(
                URI.create(firstOf(options.get("endpoint"), env.apply(EnvironmentNames.ENDPOINT_URL), LocalDeployment.DEFAULT_ENDPOINT)),
                firstOf(options.get("region"), env.apply(EnvironmentNames.REGION), env.apply(EnvironmentNames.DEFAULT_REGION),
                        LocalDeployment.DEFAULT_REGION),
                options.getOrDefault("stack-name", AirlockApp.DEFAULT_STACK_NAME),
                zip,
                options.getOrDefault("bucket", LocalDeployment.DEFAULT_BUCKET),
                firstOf(options.get("issuer"), env.apply(EnvironmentNames.JWT_ISSUER), PLACEHOLDER_ISSUER),
                firstOf(options.get("audience"), env.apply(EnvironmentNames.JWT_AUDIENCE), "airlock"),
                context);
    }

    /** {@code --name value} pairs; {@code -c K=V} becomes {@code context.K}. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> names = List.of("endpoint", "region", "stack-name", "lambda-zip", "issuer", "audience", "bucket");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                options.put("help", "");
                return options;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value (try --help)");
            }
            String value = args[++i];
            if (arg.equals("-c") || arg.equals("--context")) {
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(arg + " expects KEY=VALUE, got " + value);
                }
                options.put("context." + value.substring(0, eq), value.substring(eq + 1));
            } else if (arg.startsWith("--") && names.contains(arg.substring(2))) {
                options.put(arg.substring(2), value);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (try --help)");
            }
        }
        return options;
    }

    private static String firstOf(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no value");
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(1);
    }
}
