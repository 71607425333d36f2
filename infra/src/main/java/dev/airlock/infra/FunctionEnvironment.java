package dev.airlock.infra;

/**
 * The environment variables the stack sets on the functions. The functions' configuration object
 * reads exactly these names; keep the two in step.
 */
public final class FunctionEnvironment {

    /** Selects the Spring Cloud Function bean: the function name of {@code Catalogue.names()}. */
    public static final String FUNCTION_DEFINITION = "SPRING_CLOUD_FUNCTION_DEFINITION";
    /** The Spring Boot start class, read by {@code FunctionInvoker}. */
    public static final String MAIN_CLASS = "MAIN_CLASS";
    /** Physical name of the requests table. */
    public static final String REQUESTS_TABLE = "AIRLOCK_REQUESTS_TABLE";
    /** Physical name of the audit table. */
    public static final String AUDIT_TABLE = "AIRLOCK_AUDIT_TABLE";
    /** ARN of the CA key; set on the {@code sign} function only. */
    public static final String CA_KEY_ID = "AIRLOCK_CA_KEY_ID";
    /**
     * Base64 key (at least 32 bytes) that signs list cursors; set on the {@code list} function only,
     * from a generated Secrets Manager secret.
     */
    public static final String CURSOR_KEY = "AIRLOCK_CURSOR_KEY";
    /** JWT claim naming the user. */
    public static final String USER_CLAIM = "AIRLOCK_USER_CLAIM";
    /** JWT claim listing the user's groups (input of {@code claims_to_roles}). */
    public static final String GROUPS_CLAIM = "AIRLOCK_GROUPS_CLAIM";
    /**
     * The token issuer the HTTP functions verify bearer tokens against themselves (the {@code JwtIssuer}
     * parameter, as the authorizer's); not set on {@code expire}, which serves no HTTP route.
     */
    public static final String JWT_ISSUER = "AIRLOCK_JWT_ISSUER";
    /** The accepted audiences, comma separated (the {@code JwtAudience} parameter); HTTP functions only. */
    public static final String JWT_AUDIENCE = "AIRLOCK_JWT_AUDIENCE";

    private FunctionEnvironment() {
    }
}
