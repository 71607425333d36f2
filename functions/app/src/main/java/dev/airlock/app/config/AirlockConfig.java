package dev.airlock.app.config;

import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Routes;
import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.core.storage.Tables;
import dev.airlock.core.usecase.BreakGlassSettings;
import dev.airlock.identity.IdentitySettings;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.airlock.core.config.EnvironmentNames.CURSOR_KEY;
import static dev.airlock.core.config.EnvironmentNames.CURSOR_KEY_SECRET_ARN;
import static dev.airlock.core.config.EnvironmentNames.LOCAL;

/**
 * Everything the functions read from their environment, read once at start-up and validated: a bad
 * deployment fails before the first request with a message naming the variable
 * ({@link InvalidConfigException}). This is the only class that reads {@code System.getenv}.
 *
 * <p><b>Where it runs.</b> In Lambda ({@value EnvironmentNames#LAMBDA_FUNCTION_NAME} is set by the runtime) a function
 * must be selected with {@value EnvironmentNames#FUNCTION_DEFINITION} and {@value EnvironmentNames#REGION} must be set (the runtime
 * always sets it). Outside Lambda, {@value EnvironmentNames#LOCAL}{@code =true} marks an explicitly local run (the
 * local gateway, tests): the region defaults to {@value #LOCAL_REGION}, the cursor key to a fixed
 * development key, and the credentials to a dummy static pair when none are in the environment.
 * Anywhere else every required variable must be given.
 *
 * @param function       the selected function ({@value EnvironmentNames#FUNCTION_DEFINITION}); empty = every catalogue function
 * @param local          {@value EnvironmentNames#LOCAL}: an explicitly local run
 * @param inLambda       whether the Lambda runtime started us
 * @param region         {@value EnvironmentNames#REGION}
 * @param endpoint       {@value EnvironmentNames#ENDPOINT_URL}: one endpoint for every AWS client (emulators)
 * @param requestsTable  {@value EnvironmentNames#REQUESTS_TABLE}
 * @param auditTable     {@value EnvironmentNames#AUDIT_TABLE}
 * @param caKeyId        {@value EnvironmentNames#CA_KEY_ID}: key id, ARN or alias of the CA key in KMS
 * @param userClaim      {@value EnvironmentNames#USER_CLAIM}: the JWT claim holding the user name ({@code email} counts only
 *                       with {@code email_verified: true})
 * @param groupsClaim    {@value EnvironmentNames#GROUPS_CLAIM}: the JWT claim holding the caller's groups
 * @param jwtIssuer      {@value EnvironmentNames#JWT_ISSUER}: the token issuer every HTTP function verifies against
 *                       (required unless local; a local run without it answers every HTTP call 401)
 * @param jwtAudiences   {@value EnvironmentNames#JWT_AUDIENCE}: accepted audiences, comma separated
 * @param jwksUrl        {@value EnvironmentNames#JWKS_URL}: the issuer's JWK set; unset = the issuer's discovery document
 * @param cursorKey      {@value EnvironmentNames#CURSOR_KEY}: signs list cursors (local runs, tests, the bench)
 * @param cursorKeySecretArn {@value EnvironmentNames#CURSOR_KEY_SECRET_ARN}: the secret holding that key, read
 *                       once at start-up (deployed); one of the two is present whenever {@code list} runs
 * @param roleCacheTtl   {@value EnvironmentNames#ROLE_CACHE_TTL}: how long role definitions are cached
 * @param credentials    where the AWS credentials come from
 * @param cliSignIn      {@value EnvironmentNames#OIDC_CLIENT_ID} and friends: the CLI's single sign-on; empty = not offered
 * @param breakGlass     {@value EnvironmentNames#BREAK_GLASS_LIMIT} per {@value EnvironmentNames#BREAK_GLASS_WINDOW}
 *                       (default 3 per 24h) and {@value EnvironmentNames#POST_REVIEW_DEADLINE} (default 24h):
 *                       break-glass rate limit and post-review deadline
 * @param notifications  where the notify function's secrets are ({@link NotifySettings}); required where
 *                       {@code notify} is the selected function, else empty unless given
 * @param checkpoint     the checkpoint function's bucket, audit key, interval and retention ({@link CheckpointSettings});
 *                       required where {@code checkpoint} is the selected function, else empty unless given
 */
public record AirlockConfig(
        Optional<String> function,
        boolean local,
        boolean inLambda,
        String region,
        Optional<URI> endpoint,
        String requestsTable,
        String auditTable,
        String caKeyId,
        String userClaim,
        String groupsClaim,
        Optional<String> jwtIssuer,
        List<String> jwtAudiences,
        Optional<URI> jwksUrl,
        Optional<CursorKey> cursorKey,
        Optional<String> cursorKeySecretArn,
        Duration roleCacheTtl,
        CredentialsSource credentials,
        Optional<CliSignIn> cliSignIn,
        BreakGlassSettings breakGlass,
        Optional<NotifySettings> notifications,
        Optional<CheckpointSettings> checkpoint) {


    public static final String LOCAL_REGION = "us-east-1";
    public static final String DEFAULT_REQUESTS_TABLE = Tables.REQUESTS.logicalName();
    public static final String DEFAULT_AUDIT_TABLE = Tables.AUDIT.logicalName();
    public static final String DEFAULT_CA_KEY_ID = "alias/airlock-ca";
    public static final String DEFAULT_USER_CLAIM = "sub";
    public static final String DEFAULT_GROUPS_CLAIM = "groups";
    public static final Duration DEFAULT_ROLE_CACHE_TTL = dev.airlock.aws.dynamodb.DynamoDbRoleCatalog.DEFAULT_TTL;
    /** Longest role cache: a changed role file must take effect within minutes. */
    public static final Duration MAX_ROLE_CACHE_TTL = Duration.ofMinutes(15);

    public AirlockConfig {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(requestsTable, "requestsTable");
        Objects.requireNonNull(auditTable, "auditTable");
        Objects.requireNonNull(caKeyId, "caKeyId");
        Objects.requireNonNull(userClaim, "userClaim");
        Objects.requireNonNull(groupsClaim, "groupsClaim");
        Objects.requireNonNull(jwtIssuer, "jwtIssuer");
        jwtAudiences = List.copyOf(jwtAudiences);
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(cursorKey, "cursorKey");
        Objects.requireNonNull(cursorKeySecretArn, "cursorKeySecretArn");
        Objects.requireNonNull(roleCacheTtl, "roleCacheTtl");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(cliSignIn, "cliSignIn");
        Objects.requireNonNull(breakGlass, "breakGlass");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (runs(Routes.LIST, function) && cursorKey.isEmpty() && cursorKeySecretArn.isEmpty()) {
            throw new InvalidConfigException(CURSOR_KEY_SECRET_ARN, "(or " + CURSOR_KEY
                    + " locally) is required when the list function runs");
        }
    }

    /**
     * Whom the HTTP functions trust for identities: empty only in a local run without {@value #JWT_ISSUER},
     * where every HTTP call is then refused.
     */
    public Optional<IdentitySettings> identity() {
        return jwtIssuer.map(issuer -> new IdentitySettings(issuer, jwtAudiences, jwksUrl, userClaim, groupsClaim));
    }

    /** The configuration of this process, from {@code System.getenv()}. */
    public static AirlockConfig fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * The configuration described by these variables (tests, the local gateway).
     *
     * @throws InvalidConfigException naming the first variable that is missing or malformed
     */
    public static AirlockConfig from(Map<String, String> environment) {
        return EnvironmentParser.parse(new Environment(environment));
    }

    /** A local configuration: {@value EnvironmentNames#LOCAL}{@code =true} plus {@code overrides}. */
    public static AirlockConfig local(Map<String, String> overrides) {
        Map<String, String> env = new java.util.HashMap<>(overrides);
        env.putIfAbsent(LOCAL, "true");
        return from(env);
    }

    /** The functions this process serves: the selected one, or every catalogue function when none is selected. */
    public List<String> functions() {
        return function.map(List::of).orElse(Catalogue.names());
    }

    /** Whether this process serves {@code name}. */
    public boolean runs(String name) {
        return runs(name, function);
    }

    private static boolean runs(String name, Optional<String> function) {
        return function.map(name::equals).orElse(true);
    }

    /** Where the AWS SDK clients get their credentials from. */
    public enum CredentialsSource {
        /** {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}(/{@code AWS_SESSION_TOKEN}), as Lambda sets them. */
        ENVIRONMENT,
        /** A fixed dummy pair: local runs against emulators, which accept any signature. */
        LOCAL_STATIC,
        /** The SDK's default chain (profiles, SSO, container and instance roles). */
        DEFAULT_CHAIN
    }
}
