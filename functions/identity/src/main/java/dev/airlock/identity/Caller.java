package dev.airlock.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who a verified token names: the user and every claim's values as a list, for the role file's
 * {@code claims_to_roles}. Lists come from JSON arrays, so a group named {@code book club dba-reviewers}
 * stays one value. The configured groups claim is also listed under {@value #GROUPS}, so one role file
 * serves identity providers that name the claim differently (e.g. {@code cognito:groups}).
 *
 * @param user   the user name, valid by {@link NameRules#isValidUser}
 * @param claims claim name → values
 */
public record Caller(String user, Map<String, List<String>> claims) {

    /** The claim name role files use for groups. */
    public static final String GROUPS = "groups";

    public Caller {
        if (!NameRules.isValidUser(user)) {
            throw new IllegalArgumentException("not a valid user name");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(claims, "claims").forEach((name, values) -> copy.put(name, List.copyOf(values)));
        claims = java.util.Collections.unmodifiableMap(copy);
    }

    /** The caller's groups (empty when the token lists none). */
    public List<String> groups() {
        return claims.getOrDefault(GROUPS, List.of());
    }
}
