package dev.airlock.app.config;

import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Trigger;
import dev.airlock.core.api.Routes;
import dev.airlock.app.config.AirlockConfig.CredentialsSource;
import dev.airlock.domain.role.GoDuration;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.airlock.app.config.AirlockConfig.*;
import static dev.airlock.core.config.EnvironmentNames.*;

/** Turns environment variables into an {@link AirlockConfig}, one validated variable at a time. */
final class EnvironmentParser {

    /** DynamoDB table names: 3–255 of {@code [a-zA-Z0-9_.-]} (DynamoDB API, CreateTable). */
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    /** AWS region names such as {@code eu-central-1}, {@code us-gov-west-1}. */
    private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    /** KMS key id, key ARN, alias name or alias ARN (KMS API, KeyId): no whitespace, ≤ 2048. */
    private static final Pattern KEY_ID = Pattern.compile("\\S{1,2048}");
    private static final Pattern CLAIM_NAME = Pattern.compile("\\S{1,256}");
    /** arn:partition:secretsmanager:region:account:secret:name-suffix (AWS Secrets Manager ARN format). */
    private static final Pattern SECRET_ARN = Pattern.compile(
            "arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+");

    private EnvironmentParser() {
    }

    static AirlockConfig parse(Environment env) {
        boolean local = env.flag(LOCAL);
        boolean inLambda = env.isSet(LAMBDA_FUNCTION_NAME);
        if (local && inLambda) {
            throw new InvalidConfigException(LOCAL,
                    "must not be true inside AWS Lambda (" + LAMBDA_FUNCTION_NAME + " is set)");
        }
        Optional<String> function = function(env, inLambda);
        String userClaim = match(env, USER_CLAIM, DEFAULT_USER_CLAIM, CLAIM_NAME, "must be a claim name without spaces");
        String groupsClaim = match(env, GROUPS_CLAIM, DEFAULT_GROUPS_CLAIM, CLAIM_NAME,
                "must be a claim name without spaces");
        AirlockConfig config = new AirlockConfig(function, local, inLambda, region(env, local), endpoint(env),
                match(env, REQUESTS_TABLE, DEFAULT_REQUESTS_TABLE, TABLE_NAME, "must be a DynamoDB table name"),
                match(env, AUDIT_TABLE, DEFAULT_AUDIT_TABLE, TABLE_NAME, "must be a DynamoDB table name"),
                match(env, CA_KEY_ID, DEFAULT_CA_KEY_ID, KEY_ID, "must be a KMS key id, key ARN or alias"),
                userClaim, groupsClaim, jwtIssuer(env, local, function), audiences(env), jwksUrl(env),
                cursorKey(env, local, function), cursorKeySecretArn(env), roleCacheTtl(env), credentials(env, local),
                cliSignIn(env), BreakGlassEnvironment.parse(env),
                NotifySettings.parse(env, function.map(Routes.NOTIFY::equals).orElse(false)),
                CheckpointSettings.parse(env, function.map(Routes.CHECKPOINT::equals).orElse(false)));
        validateIdentity(config);
        return config;
    }

    /** The CLI's sign-in settings, when a client id is given (docs/DEPLOY.md, "Single sign-on for the CLI"). */
    private static Optional<CliSignIn> cliSignIn(Environment env) {
        Optional<String> clientId = env.get(OIDC_CLIENT_ID).map(String::strip).filter(id -> !id.isEmpty());
        if (clientId.isEmpty()) {
            return Optional.empty();
        }
        if (!clientId.get().matches("[!-~]{1,256}")) {
            throw new InvalidConfigException(OIDC_CLIENT_ID, "must be printable ASCII without spaces");
        }
        java.util.List<String> scopes = java.util.Arrays.stream(env.get(OIDC_SCOPES).orElse(CliSignIn.DEFAULT_SCOPES)
                .split(" ")).filter(scope -> !scope.isEmpty()).toList();
        if (scopes.isEmpty() || scopes.stream().anyMatch(scope -> !scope.matches("[!#-\\[\\]-~]{1,256}"))) {
            throw new InvalidConfigException(OIDC_SCOPES, "must be scope names separated by spaces (RFC 6749 section 3.3)");
        }
        Optional<URI> redirect = env.get(OIDC_REDIRECT_URI).map(text -> {
            if (!text.matches("http://(localhost|127\\.0\\.0\\.1):[0-9]{2,5}/callback")) {
                throw new InvalidConfigException(OIDC_REDIRECT_URI, "must be http://localhost:PORT/callback or "
                        + "http://127.0.0.1:PORT/callback");
            }
            return URI.create(text);
        });
        return Optional.of(new CliSignIn(clientId.get(), scopes, redirect));
    }

    /** Every HTTP function verifies tokens, so outside a local run the issuer is required wherever one runs. */
    private static Optional<String> jwtIssuer(Environment env, boolean local, Optional<String> function) {
        Optional<String> issuer = env.get(JWT_ISSUER);
        boolean httpRuns = function.map(name -> Catalogue.of(name).kind() == Trigger.Kind.HTTP).orElse(true);
        if (issuer.isEmpty() && httpRuns && !local) {
            throw new InvalidConfigException(JWT_ISSUER, "is required: the token issuer's URL (the tokens' iss claim)");
        }
        if (issuer.isPresent() && !dev.airlock.identity.IdentitySettings.isTrustworthyUrl(issuer.get())) {
            throw new InvalidConfigException(JWT_ISSUER, "must be an https URL (http only on 127.0.0.1 or localhost)");
        }
        return issuer;
    }

    private static java.util.List<String> audiences(Environment env) {
        return env.get(JWT_AUDIENCE).map(text -> java.util.Arrays.stream(text.split(","))
                .map(String::trim).filter(a -> !a.isEmpty()).toList()).orElse(java.util.List.of());
    }

    private static Optional<URI> jwksUrl(Environment env) {
        Optional<String> text = env.get(JWKS_URL);
        if (text.isPresent() && !dev.airlock.identity.IdentitySettings.isTrustworthyUrl(text.get())) {
            throw new InvalidConfigException(JWKS_URL, "must be an https URL (http only on 127.0.0.1 or localhost)");
        }
        return text.map(URI::create);
    }

    /** The pieces must make valid settings together (an issuer needs an audience). */
    private static void validateIdentity(AirlockConfig config) {
        if (config.jwtIssuer().isPresent() && config.jwtAudiences().isEmpty()) {
            throw new InvalidConfigException(JWT_AUDIENCE, "is required with " + JWT_ISSUER
                    + ": the accepted audiences (aud or client_id), comma separated");
        }
        try {
            config.identity();
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(JWT_AUDIENCE, e.getMessage());
        }
    }

    private static Optional<String> function(Environment env, boolean inLambda) {
        Optional<String> function = env.get(FUNCTION_DEFINITION);
        if (function.isPresent() && !Catalogue.names().contains(function.get())) {
            throw new InvalidConfigException(FUNCTION_DEFINITION, "must be one of " + Catalogue.names()
                    + ", was '" + function.get() + "'");
        }
        if (function.isEmpty() && inLambda) {
            throw new InvalidConfigException(FUNCTION_DEFINITION, "must select one of " + Catalogue.names()
                    + " in AWS Lambda");
        }
        return function;
    }

    private static String region(Environment env, boolean local) {
        Optional<String> region = env.get(REGION);
        if (region.isEmpty() && !local) {
            throw new InvalidConfigException(REGION, "is required (set " + LOCAL + "=true for a local run in "
                    + LOCAL_REGION + ")");
        }
        String value = region.orElse(LOCAL_REGION);
        if (!REGION_NAME.matcher(value).matches()) {
            throw new InvalidConfigException(REGION, "must be an AWS region such as eu-central-1, was '" + value + "'");
        }
        return value;
    }

    private static Optional<URI> endpoint(Environment env) {
        Optional<String> text = env.get(ENDPOINT_URL);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!http || uri.getHost() == null) {
                throw new InvalidConfigException(ENDPOINT_URL, "must be an http(s) URL such as http://127.0.0.1:4566");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new InvalidConfigException(ENDPOINT_URL, "must be an http(s) URL such as http://127.0.0.1:4566");
        }
    }

    private static String match(Environment env, String name, String defaultValue, Pattern pattern, String rule) {
        String value = env.get(name, defaultValue);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidConfigException(name, rule);
        }
        return value;
    }

    /**
     * The cursor key given directly ({@code AIRLOCK_CURSOR_KEY}: local runs, tests, the bench), the local
     * default, or nothing when a deployed function names its secret ({@code AIRLOCK_CURSOR_KEY_SECRET_ARN})
     * instead; the two together are ambiguous and refused.
     */
    private static Optional<CursorKey> cursorKey(Environment env, boolean local, Optional<String> function) {
        Optional<String> text = env.get(CURSOR_KEY);
        boolean secret = env.get(CURSOR_KEY_SECRET_ARN).isPresent();
        if (text.isPresent() && secret) {
            throw new InvalidConfigException(CURSOR_KEY, "must not be set together with " + CURSOR_KEY_SECRET_ARN);
        }
        if (text.isPresent()) {
            return Optional.of(CursorKey.decode(CURSOR_KEY, text.get()));
        }
        if (secret) {
            return Optional.empty();
        }
        if (local) {
            return Optional.of(CursorKey.LOCAL_DEVELOPMENT);
        }
        boolean listRuns = function.map(Routes.LIST::equals).orElse(true);
        if (listRuns) {
            throw new InvalidConfigException(CURSOR_KEY_SECRET_ARN, "is required when the list function runs: the "
                    + "Secrets Manager secret holding the cursor key (or " + CURSOR_KEY + " with the key itself, "
                    + "base64, at least " + CursorKey.MIN_BYTES + " bytes, for local runs)");
        }
        return Optional.empty();
    }

    private static Optional<String> cursorKeySecretArn(Environment env) {
        Optional<String> arn = env.get(CURSOR_KEY_SECRET_ARN);
        if (arn.isPresent() && !SECRET_ARN.matcher(arn.get()).matches()) {
            throw new InvalidConfigException(CURSOR_KEY_SECRET_ARN, "must be a Secrets Manager secret ARN");
        }
        return arn;
    }

    private static Duration roleCacheTtl(Environment env) {
        Optional<String> text = env.get(ROLE_CACHE_TTL);
        if (text.isEmpty()) {
            return DEFAULT_ROLE_CACHE_TTL;
        }
        Duration ttl;
        try {
            ttl = GoDuration.parse(text.get());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(ROLE_CACHE_TTL, "must be a duration such as 30s or 5m");
        }
        if (ttl.compareTo(MAX_ROLE_CACHE_TTL) > 0) {
            throw new InvalidConfigException(ROLE_CACHE_TTL,
                    "must be at most " + GoDuration.format(MAX_ROLE_CACHE_TTL));
        }
        return ttl;
    }

    private static CredentialsSource credentials(Environment env, boolean local) {
        boolean keyId = env.isSet(ACCESS_KEY_ID);
        if (keyId != env.isSet(SECRET_ACCESS_KEY)) {
            throw new InvalidConfigException(keyId ? SECRET_ACCESS_KEY : ACCESS_KEY_ID,
                    "is required together with " + (keyId ? ACCESS_KEY_ID : SECRET_ACCESS_KEY));
        }
        if (keyId) {
            return CredentialsSource.ENVIRONMENT;
        }
        return local ? CredentialsSource.LOCAL_STATIC : CredentialsSource.DEFAULT_CHAIN;
    }
}
