package dev.airlock.core.config;

/**
 * Every environment variable name Airlock reads or sets, in one place: the functions' configuration
 * reads these, the stack sets them, the local runner, the bench and the operator tools pass them on.
 * Values and validation are the reader's (the app's {@code AirlockConfig}); this class only names.
 */
public final class EnvironmentNames {

    // --- Set on every function by the stack (and by the local runner and the bench) ---
    /** Selects the Spring Cloud Function bean: a name of the {@code Catalogue}. */
    public static final String FUNCTION_DEFINITION = "SPRING_CLOUD_FUNCTION_DEFINITION";
    /** The Spring Boot start class, read by {@code FunctionInvoker}. */
    public static final String MAIN_CLASS = "MAIN_CLASS";
    /** Physical name of the requests table. */
    public static final String REQUESTS_TABLE = "AIRLOCK_REQUESTS_TABLE";
    /** Physical name of the audit table. */
    public static final String AUDIT_TABLE = "AIRLOCK_AUDIT_TABLE";
    /** The S3 bucket of anchored checkpoints ({@code verify} against the anchor). */
    public static final String CHECKPOINT_BUCKET = "AIRLOCK_CHECKPOINT_BUCKET";
    /** Key id, ARN or alias of the audit key in KMS, whose public key verifies checkpoints. */
    public static final String AUDIT_KEY_ID = "AIRLOCK_AUDIT_KEY_ID";
    /** The checkpoint interval (ISO-8601 duration, default PT5M). */
    public static final String CHECKPOINT_INTERVAL = "AIRLOCK_CHECKPOINT_INTERVAL";
    /** How long each anchored checkpoint is locked (ISO-8601 duration, default P400D): its COMPLIANCE retention. */
    public static final String CHECKPOINT_RETENTION = "AIRLOCK_CHECKPOINT_RETENTION";
    /** The notify function's secrets (webhook URLs, HMAC keys) in AWS: a Secrets Manager secret's ARN (JSON object). */
    public static final String NOTIFY_SECRETS_ARN = "AIRLOCK_NOTIFY_SECRETS_ARN";
    /** Locally: a file holding the same JSON object (mode 0600), instead of Secrets Manager. */
    public static final String NOTIFY_SECRETS_FILE = "AIRLOCK_NOTIFY_SECRETS_FILE";
    /** Key id, ARN or alias of the CA key in KMS; set on the {@code sign} function only. */
    public static final String CA_KEY_ID = "AIRLOCK_CA_KEY_ID";
    /** Base64 key (at least 32 bytes) that signs list cursors: local runs and the bench only. */
    public static final String CURSOR_KEY = "AIRLOCK_CURSOR_KEY";
    /** The Secrets Manager secret (ARN) holding the cursor key, read once at start-up (deployed {@code list}). */
    public static final String CURSOR_KEY_SECRET_ARN = "AIRLOCK_CURSOR_KEY_SECRET_ARN";
    /** JWT claim naming the user. */
    public static final String USER_CLAIM = "AIRLOCK_USER_CLAIM";
    /** JWT claim listing the user's groups (input of {@code claims_to_roles}). */
    public static final String GROUPS_CLAIM = "AIRLOCK_GROUPS_CLAIM";
    /** How long role definitions are cached (a Go duration such as {@code 30s}). */
    public static final String ROLE_CACHE_TTL = "AIRLOCK_ROLE_CACHE_TTL";
    /** Break-glass requests one user may open per window (default 3). */
    public static final String BREAK_GLASS_LIMIT = "AIRLOCK_BREAK_GLASS_LIMIT";
    /** The sliding window of the break-glass limit, Go duration syntax (default 24h). */
    public static final String BREAK_GLASS_WINDOW = "AIRLOCK_BREAK_GLASS_WINDOW";
    /** How long after opening a break-glass request a reviewer has to review it (default 24h). */
    public static final String POST_REVIEW_DEADLINE = "AIRLOCK_POST_REVIEW_DEADLINE";
    /** {@code true} marks an explicitly local run (the local runner, tests). */
    public static final String LOCAL = "AIRLOCK_LOCAL";

    // --- Set by AWS (the Lambda runtime, the SDKs' standard variables) ---
    public static final String LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
    public static final String REGION = "AWS_REGION";
    public static final String DEFAULT_REGION = "AWS_DEFAULT_REGION";
    public static final String ENDPOINT_URL = "AWS_ENDPOINT_URL";
    public static final String ENDPOINT_URL_DYNAMODB = "AWS_ENDPOINT_URL_DYNAMODB";
    public static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String PROFILE = "AWS_PROFILE";
    public static final String CONTAINER_CREDENTIALS_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    public static final String CONTAINER_CREDENTIALS_RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
    public static final String WEB_IDENTITY_TOKEN_FILE = "AWS_WEB_IDENTITY_TOKEN_FILE";

    // --- The local runner's and the client tools' (written to local.env, read by the CLI) ---
    public static final String URL = "AIRLOCK_URL";
    /** A bearer token the CLI sends as is. */
    public static final String TOKEN = "AIRLOCK_TOKEN";
    public static final String DEV_ISSUER = "AIRLOCK_DEV_ISSUER";
    public static final String DEV_TOKEN_URL = "AIRLOCK_DEV_TOKEN_URL";
    public static final String JWT_ISSUER = "AIRLOCK_JWT_ISSUER";
    public static final String JWT_AUDIENCE = "AIRLOCK_JWT_AUDIENCE";
    /** The issuer's JWK set URL; unset = the issuer's discovery document. */
    public static final String JWKS_URL = "AIRLOCK_JWKS_URL";
    /** The CLI's public OIDC client id, announced by {@code GET /.well-known/airlock} ({@code list} only). */
    public static final String OIDC_CLIENT_ID = "AIRLOCK_OIDC_CLIENT_ID";
    /** The scopes the CLI asks for, space separated ({@code list} only). */
    public static final String OIDC_SCOPES = "AIRLOCK_OIDC_SCOPES";
    /** The CLI's fixed loopback redirect URI, for providers that match ports exactly ({@code list} only). */
    public static final String OIDC_REDIRECT_URI = "AIRLOCK_OIDC_REDIRECT_URI";
    public static final String DEMO_USERS = "AIRLOCK_DEMO_USERS";
    public static final String PORT = "AIRLOCK_PORT";
    public static final String HOME = "AIRLOCK_HOME";
    public static final String CA_KEY_SPEC = "AIRLOCK_CA_KEY_SPEC";

    private EnvironmentNames() {
    }
}
