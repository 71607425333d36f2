package dev.airlock.identity;

import dev.airlock.domain.error.UnauthenticatedException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of a token whose signature, issuer, audience and validity period {@link BearerTokenVerifier}
 * checked, as JSON values (strings, numbers, booleans, lists, objects): an array claim is a list, never
 * text to split.
 */
public final class VerifiedToken {

    private final Map<String, Object> claims;

    VerifiedToken(Map<String, Object> claims) {
        this.claims = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    /** Every claim as its JSON value. */
    public Map<String, Object> claims() {
        return claims;
    }

    /**
     * The caller this token names under {@code settings}.
     *
     * @throws UnauthenticatedException {@code no_user} when the user claim is missing or not a string,
     *         {@code invalid_user} when the name breaks {@link NameRules}, {@code unverified_email} when the
     *         user claim is {@code email} without {@code email_verified: true}, {@code invalid_groups}
     *         when the groups claim is not a string or a list of valid group names
     */
    public Caller caller(IdentitySettings settings) {
        Objects.requireNonNull(settings, "settings");
        String user = user(settings.userClaim());
        Map<String, List<String>> lists = new LinkedHashMap<>();
        claims.forEach((name, value) -> lists.put(name, offered(value)));
        Optional<List<String>> groups = groups(settings.groupsClaim());
        groups.ifPresent(values -> lists.put(settings.groupsClaim(), values));
        lists.put(Caller.GROUPS, groups.orElse(List.of()));
        return new Caller(user, lists);
    }

    private String user(String claim) {
        if (!(claims.get(claim) instanceof String user)) {
            throw new UnauthenticatedException("no_user", "the token has no '" + claim + "' claim holding a user name");
        }
        if (!NameRules.isValidUser(user)) {
            throw new UnauthenticatedException("invalid_user", "the '" + claim + "' claim is not a usable user name:"
                    + " it must be 1 to " + NameRules.MAX_LENGTH + " characters in Unicode NFC, without control,"
                    + " format, separator or space characters");
        }
        // An email address can be changed by its owner: it names a person only once the issuer verified it.
        if (IdentitySettings.EMAIL.equals(claim) && !Boolean.TRUE.equals(claims.get("email_verified"))) {
            throw new UnauthenticatedException("unverified_email",
                    "the user claim is 'email' and the token does not carry email_verified: true");
        }
        return user;
    }

    /** The groups claim as list items; absent when the token has no such claim. */
    private Optional<List<String>> groups(String claim) {
        Object value = claims.get(claim);
        if (value == null) {
            return Optional.empty();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<String> groups = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String group) || !NameRules.isValidGroup(group)) {
                throw new UnauthenticatedException("invalid_groups", "the '" + claim + "' claim must be a list of"
                        + " group names without control, format or non-ASCII space characters");
            }
            groups.add(group);
        }
        return Optional.of(List.copyOf(groups));
    }

    /**
     * A claim's values for role mapping: a string is one value, a list its string items, a number or
     * boolean its JSON text. Values a group name could not be (controls, format characters) are left out,
     * so they can match nothing.
     */
    private static List<String> offered(Object value) {
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<String> values = new ArrayList<>();
        for (Object item : items) {
            String text = item instanceof String s ? s
                    : item instanceof Number || item instanceof Boolean ? String.valueOf(item) : null;
            if (text != null && NameRules.isValidGroup(text)) {
                values.add(text);
            }
        }
        return List.copyOf(values);
    }
}
