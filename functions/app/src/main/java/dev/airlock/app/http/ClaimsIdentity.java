package dev.airlock.app.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.error.UnauthenticatedException;
import dev.airlock.domain.role.Identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The caller's identity, read <b>only</b> from the claims API Gateway's JWT authorizer verified
 * ({@code requestContext.authorizer.jwt.claims}) — never from a header or the body.
 *
 * <p>The user name is the claim {@code userClaim}. Every claim is offered to the role file's
 * {@code claims_to_roles}; array claims arrive as API Gateway renders them, {@code "[a b]"}, or as
 * JSON array text {@code ["a","b"]}, and both become lists. The claim {@code groupsClaim} (e.g.
 * {@code cognito:groups}) is also offered under the name {@value #GROUPS}, so one role file serves
 * identity providers that name the groups claim differently.
 */
public final class ClaimsIdentity {

    /** The claim name role files use for groups. */
    public static final String GROUPS = "groups";

    /** Longest user name accepted: it ends up in keys, key ids and audit records. */
    public static final int MAX_USER_LENGTH = 256;

    private final String userClaim;
    private final String groupsClaim;
    private final RoleCatalog roles;

    public ClaimsIdentity(String userClaim, String groupsClaim, RoleCatalog roles) {
        this.userClaim = Objects.requireNonNull(userClaim, "userClaim");
        this.groupsClaim = Objects.requireNonNull(groupsClaim, "groupsClaim");
        this.roles = Objects.requireNonNull(roles, "roles");
    }

    /**
     * The verified caller of this event with the base roles its claims map to.
     *
     * @throws UnauthenticatedException code {@code no_identity} when the event carries no verified
     *                                  claims, {@code no_user} when the user claim is missing or unusable
     */
    public Identity identify(APIGatewayV2HTTPEvent event) {
        Map<String, String> raw = claimsOf(event);
        if (raw.isEmpty()) {
            throw new UnauthenticatedException("no_identity", "no verified identity claims");
        }
        String user = raw.get(userClaim);
        if (user == null || user.isBlank() || user.length() > MAX_USER_LENGTH
                || !user.chars().allMatch(c -> c > 0x20 && c != 0x7f)) {
            throw new UnauthenticatedException("no_user", "the token has no usable '" + userClaim + "' claim");
        }
        return new Identity(user, roles.current().baseRolesFor(claimLists(raw)));
    }

    /** Every claim as a list of values, with the groups claim also under {@value #GROUPS}. */
    Map<String, List<String>> claimLists(Map<String, String> raw) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        raw.forEach((name, value) -> lists.put(name, values(value)));
        List<String> groups = lists.get(groupsClaim);
        if (groups != null) {
            lists.put(GROUPS, groups);
        }
        return lists;
    }

    /**
     * One claim's values: {@code "[a b]"} (API Gateway's rendering of an array) and {@code ["a","b"]}
     * (JSON) are lists, anything else is a single value.
     */
    static List<String> values(String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty()) {
            return List.of();
        }
        if (!(text.startsWith("[") && text.endsWith("]"))) {
            return List.of(text);
        }
        String inner = text.substring(1, text.length() - 1).trim();
        if (inner.startsWith("\"")) {
            List<String> json = jsonStrings(text);
            if (json != null) {
                return json;
            }
        }
        return inner.isEmpty() ? List.of() : Arrays.asList(inner.split("\\s+"));
    }

    private static List<String> jsonStrings(String text) {
        try {
            if (Json.readTree(text) instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                List<String> strings = new ArrayList<>();
                list.forEach(item -> strings.add((String) item));
                return List.copyOf(strings);
            }
        } catch (RuntimeException e) {
            // Not JSON after all: read it as API Gateway's space-separated form.
        }
        return null;
    }

    private static Map<String, String> claimsOf(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Map.of();
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        return claims == null ? Map.of() : claims;
    }
}
