package dev.airlock.infra;

import software.constructs.Node;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every deployment knob of the stack, read once from CDK context ({@code -c key=value} or
 * {@code cdk.json}) and validated, so a bad value fails the synth with a clear message instead of
 * producing a template that fails later in CloudFormation. Only this class reads context.
 *
 * <p>Values that operators change per deployment without re-synthesizing (JWT issuer and
 * audience, throttling) are CloudFormation parameters instead; the context values here only give
 * those parameters their defaults.
 *
 * @param lambdaZip       the Lambda package built by {@code functions/app}
 * @param codeLocation    S3 bucket and key of an already-uploaded package; when present the
 *                        template has no CDK assets (used for emulators, which have no CDK bootstrap)
 * @param caKeySpec       the KMS key spec of the CA key
 * @param memoryMb        memory of every function
 * @param timeoutSeconds  timeout of every function
 * @param jwtIssuer       default of the {@code JwtIssuer} parameter, if any
 * @param jwtAudience     default of the {@code JwtAudience} parameter, if any
 * @param userClaim       the JWT claim naming the user
 * @param groupsClaim     the JWT claim listing the user's groups
 * @param throttleBurst   default of the {@code ThrottleBurstLimit} parameter
 * @param throttleRate    default of the {@code ThrottleRateLimit} parameter
 * @param keyAdministratorRoleArn default of the {@code KeyAdministratorRoleArn} parameter, if any
 */
public record StackConfig(Path lambdaZip, Optional<CodeLocation> codeLocation, String caKeySpec,
                          int memoryMb, int timeoutSeconds, Optional<String> jwtIssuer,
                          Optional<String> jwtAudience, String userClaim, String groupsClaim,
                          int throttleBurst, int throttleRate, Optional<String> keyAdministratorRoleArn) {

    public static final String LAMBDA_ZIP = "lambdaZip";
    public static final String CODE_BUCKET = "codeBucket";
    public static final String CODE_KEY = "codeKey";
    public static final String CA_KEY_SPEC = "caKeySpec";
    public static final String MEMORY_MB = "memoryMb";
    public static final String TIMEOUT_SECONDS = "timeoutSeconds";
    public static final String JWT_ISSUER = "jwtIssuer";
    public static final String JWT_AUDIENCE = "jwtAudience";
    public static final String USER_CLAIM = "userClaim";
    public static final String GROUPS_CLAIM = "groupsClaim";
    public static final String THROTTLE_BURST = "throttleBurst";
    public static final String THROTTLE_RATE = "throttleRate";
    public static final String KEY_ADMINISTRATOR_ROLE_ARN = "keyAdministratorRoleArn";

    /** Where {@code mvn -pl functions/app package} leaves the Lambda package (relative to the repo root). */
    public static final String DEFAULT_LAMBDA_ZIP = "functions/app/target/airlock-functions-lambda.zip";
    /** The key kinds the certificate code can sign with (see docs/ARCHITECTURE.md "Certificates"). */
    public static final List<String> CA_KEY_SPECS =
            List.of("ECC_NIST_P256", "RSA_3072", "RSA_4096", "ECC_NIST_EDWARDS25519");
    public static final int DEFAULT_MEMORY_MB = 1024;
    /** Below API Gateway's 30 s integration timeout, so the function, not the gateway, times out first. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 25;
    public static final int DEFAULT_THROTTLE_BURST = 100;
    public static final int DEFAULT_THROTTLE_RATE = 50;
    // Lambda's own limits (Lambda quotas page): 128 MB..10,240 MB, 1..900 s.
    private static final int MIN_MEMORY_MB = 128;
    private static final int MAX_MEMORY_MB = 10_240;
    private static final int MAX_TIMEOUT_SECONDS = 900;

    /** An S3 object holding the Lambda package. */
    public record CodeLocation(String bucket, String key) {
    }

    public StackConfig {
        if (!CA_KEY_SPECS.contains(caKeySpec)) {
            throw new IllegalArgumentException(
                    "context " + CA_KEY_SPEC + "=" + caKeySpec + " is not one of " + CA_KEY_SPECS);
        }
        requireRange(MEMORY_MB, memoryMb, MIN_MEMORY_MB, MAX_MEMORY_MB);
        requireRange(TIMEOUT_SECONDS, timeoutSeconds, 1, MAX_TIMEOUT_SECONDS);
        requireRange(THROTTLE_BURST, throttleBurst, 0, Integer.MAX_VALUE);
        requireRange(THROTTLE_RATE, throttleRate, 0, Integer.MAX_VALUE);
        keyAdministratorRoleArn.ifPresent(arn -> KeyAdministrator.requireRoleArn(KEY_ADMINISTRATOR_ROLE_ARN, arn));
    }

    /** Reads and validates the context of {@code node} (usually the app's). */
    public static StackConfig from(Node node) {
        Optional<String> bucket = text(node, CODE_BUCKET);
        Optional<String> key = text(node, CODE_KEY);
        if (bucket.isPresent() != key.isPresent()) {
            throw new IllegalArgumentException(
                    "context " + CODE_BUCKET + " and " + CODE_KEY + " must be given together");
        }
        return new StackConfig(
                Path.of(text(node, LAMBDA_ZIP).orElse(DEFAULT_LAMBDA_ZIP)),
                bucket.map(b -> new CodeLocation(b, key.orElseThrow())),
                text(node, CA_KEY_SPEC).orElse("ECC_NIST_P256"),
                integer(node, MEMORY_MB, DEFAULT_MEMORY_MB),
                integer(node, TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS),
                text(node, JWT_ISSUER),
                text(node, JWT_AUDIENCE),
                text(node, USER_CLAIM).orElse("sub"),
                text(node, GROUPS_CLAIM).orElse("groups"),
                integer(node, THROTTLE_BURST, DEFAULT_THROTTLE_BURST),
                integer(node, THROTTLE_RATE, DEFAULT_THROTTLE_RATE),
                text(node, KEY_ADMINISTRATOR_ROLE_ARN));
    }

    private static Optional<String> text(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
    }

    private static int integer(Node node, String key, int defaultValue) {
        Optional<String> value = text(node, key);
        try {
            // context from the command line is a string, from cdk.json a JSON number (a Double in Java)
            return value.map(v -> (int) Double.parseDouble(v)).orElse(defaultValue);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("context " + key + "=" + value.get() + " is not a number", e);
        }
    }

    private static void requireRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "context " + key + "=" + value + " is outside " + min + ".." + max);
        }
    }
}
