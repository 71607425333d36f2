package dev.airlock.infra;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How people sign in from the CLI ({@code access login}), announced by {@code GET /.well-known/airlock}:
 * either a Cognito user pool this stack creates ({@link UserPool}), or an existing provider whose
 * public client id is the {@code OidcClientId} parameter (default from context).
 *
 * @param createUserPool context {@value StackConfig#CREATE_USER_POOL}: create a Cognito user pool
 * @param domainPrefix   context {@value StackConfig#USER_POOL_DOMAIN}: the hosted sign-in domain prefix
 *                       (required with a user pool; globally unique per region)
 * @param groups         context {@value StackConfig#USER_POOL_GROUPS}: the pool's groups, comma separated
 * @param redirectPort   context {@value StackConfig#CLI_REDIRECT_PORT}: the CLI's fixed loopback port,
 *                       for providers that match callback URLs exactly (the user pool); 0 = any port
 * @param clientId       context {@value StackConfig#OIDC_CLIENT_ID}: default of the {@code OidcClientId} parameter
 * @param scopes         context {@value StackConfig#OIDC_SCOPES}: the scopes the CLI asks for
 */
public record SignInConfig(boolean createUserPool, Optional<String> domainPrefix, List<String> groups, int redirectPort,
                           Optional<String> clientId, String scopes) {

    public static final List<String> DEFAULT_GROUPS = List.of("contractors", "dba-reviewers");
    /** A port above the usual service ports, fixed so Cognito's exact callback match holds. */
    public static final int DEFAULT_USER_POOL_REDIRECT_PORT = 53682;
    /** Cognito knows no {@code offline_access}: it issues refresh tokens for the code grant anyway. */
    public static final String USER_POOL_SCOPES = "openid profile";
    public static final String DEFAULT_SCOPES = "openid offline_access";
    private static final Pattern DOMAIN_PREFIX = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern GROUP = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");

    public SignInConfig {
        groups = List.copyOf(groups);
        if (createUserPool) {
            String prefix = domainPrefix.orElseThrow(() -> new IllegalArgumentException("context "
                    + StackConfig.CREATE_USER_POOL + "=true needs " + StackConfig.USER_POOL_DOMAIN + "=<prefix>"));
            if (!DOMAIN_PREFIX.matcher(prefix).matches() || prefix.contains("cognito") || prefix.contains("aws")) {
                throw new IllegalArgumentException("context " + StackConfig.USER_POOL_DOMAIN + "=" + prefix
                        + " must be lower-case letters, digits and hyphens, without 'aws' or 'cognito'");
            }
            if (redirectPort < 1024 || redirectPort > 65535) {
                throw new IllegalArgumentException("context " + StackConfig.CLI_REDIRECT_PORT + "=" + redirectPort
                        + " is outside 1024..65535 (a user pool needs a fixed port)");
            }
        } else if (redirectPort != 0 && (redirectPort < 1024 || redirectPort > 65535)) {
            throw new IllegalArgumentException("context " + StackConfig.CLI_REDIRECT_PORT + "=" + redirectPort
                    + " is outside 1024..65535");
        }
        if (groups.stream().anyMatch(group -> !GROUP.matcher(group).matches())) {
            throw new IllegalArgumentException("context " + StackConfig.USER_POOL_GROUPS
                    + " must be group names of 1 to 128 characters without spaces, comma separated");
        }
    }

    static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    /** The CLI's fixed redirect URI, if any. */
    Optional<String> redirectUri() {
        return redirectPort == 0 ? Optional.empty() : Optional.of(UserPool.redirectUris(redirectPort).get(0));
    }
}
