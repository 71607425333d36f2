package dev.airlock.domain.role;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code spec} of one {@code kind: role} document into a {@link Role}, collecting the role
 * names it refers to so {@link RoleFileParser} can check them once every document is read. Which fields
 * are enforced, ignored or refused is {@link TeleportFields}' table; refusals go to the document's
 * {@link FieldLog} so one check reports all of them.
 */
final class RoleDocumentReader {

    /** A reference to a role by name, with where it was written. */
    record Reference(YamlNode.Location location, String path, String role) {
    }

    /** SSH logins: a POSIX-ish user name. */
    static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._@-]{0,63}");

    /** Longest suggested reviewer name or threshold name, in characters. */
    static final int MAX_NAME_LENGTH = 256;

    private final List<Reference> references = new ArrayList<>();

    List<Reference> references() {
        return references;
    }

    Role read(String name, YamlNode spec) {
        spec.fields(TeleportFields.roleSpec());
        RoleOptions options = spec.map("options").map(OptionsReader::read).orElse(RoleOptions.DEFAULTS);
        RoleConditions allow = spec.map("allow").map(n -> conditions(n, true)).orElse(RoleConditions.NONE);
        RoleConditions deny = spec.map("deny").map(n -> conditions(n, false)).orElse(RoleConditions.NONE);
        return new Role(name, options, allow, deny);
    }

    private RoleConditions conditions(YamlNode n, boolean allow) {
        n.fields(TeleportFields.conditions());
        List<String> logins = logins(n);
        RequestConditions request = n.map("request").map(r -> request(r, allow)).orElse(RequestConditions.NONE);
        ReviewConditions review = n.map("review_requests").map(this::review).orElse(ReviewConditions.NONE);
        return new RoleConditions(logins, request, review);
    }

    /** Logins; Teleport's templates ({{internal.logins}}, {{external.x}}) are refused, not expanded. */
    private static List<String> logins(YamlNode n) {
        logIfPresent(n, "logins");
        List<String> all = n.stringList("logins", (login, path) -> {
            if (login.contains("{{")) {
                n.log().refuse(n.location().error(path, "not supported by Airlock: role templates such as '"
                        + login + "' (certificates carry fixed principals); list the logins explicitly"));
            } else if (!LOGIN.matcher(login).matches()) {
                throw n.location().error(path, "invalid login '" + login + "' (letters, digits and . _ @ -)");
            }
        });
        return all.stream().filter(login -> !login.contains("{{")).toList();
    }

    private RequestConditions request(YamlNode n, boolean allow) {
        n.fields(TeleportFields.request(allow));
        List<String> roles = roleNames(n, "roles");
        if (!allow) {
            return new RequestConditions(roles, Optional.empty(), ReasonMode.OPTIONAL, List.of());
        }
        Optional<Duration> maxDuration = n.duration("max_duration");
        ReasonMode mode = n.map("reason").map(RoleDocumentReader::reasonMode).orElse(ReasonMode.OPTIONAL);
        List<String> reviewers = n.stringList("suggested_reviewers", (reviewer, path) -> {
            DisplayText.check(n.location(), path, reviewer, MAX_NAME_LENGTH);
            if (reviewer.isBlank() || reviewer.contains(",")) {
                // the request.created audit record lists them comma-separated for notifications
                throw n.location().error(path, "must be a user name (not empty, no ',')");
            }
        });
        return new RequestConditions(roles, maxDuration, mode, thresholds(n), reviewers);
    }

    private static ReasonMode reasonMode(YamlNode n) {
        n.fields(TeleportFields.reason());
        String mode = n.string("mode").orElse("optional");
        return switch (mode) {
            case "optional" -> ReasonMode.OPTIONAL;
            case "required" -> ReasonMode.REQUIRED;
            default -> throw n.error("mode", "expected 'optional' or 'required', got '" + mode + "'");
        };
    }

    private static List<Threshold> thresholds(YamlNode n) {
        if (!n.has("thresholds")) {
            return List.of(Threshold.DEFAULT);
        }
        n.log().enforced(n.path("thresholds"));
        List<YamlNode> items = n.mapList("thresholds");
        if (items.isEmpty()) {
            throw n.error("thresholds", "must list at least one threshold, or be left out for the default");
        }
        List<Threshold> result = new ArrayList<>();
        for (YamlNode t : items) {
            t.fields(TeleportFields.threshold());
            String name = t.string("name").orElse("");
            DisplayText.check(t.location(), t.path("name"), name, MAX_NAME_LENGTH);
            // Teleport treats a missing count as 1.
            result.add(new Threshold(name, t.integer("approve", 1).orElse(1), t.integer("deny", 1).orElse(1)));
        }
        return result;
    }

    private ReviewConditions review(YamlNode n) {
        n.fields(TeleportFields.review());
        return new ReviewConditions(roleNames(n, "roles"));
    }

    /**
     * A list of role names, each syntactically valid; remembered as references to check later. Teleport's
     * globs, regular expressions and template functions are refused: a literal match would silently narrow
     * what the author meant, a guessed expansion could widen it.
     */
    List<String> roleNames(YamlNode n, String key) {
        logIfPresent(n, key);
        return unloggedRoleNames(n, key);
    }

    /** {@link #roleNames} without reporting the list as enforced (its parent is reported instead). */
    List<String> unloggedRoleNames(YamlNode n, String key) {
        List<String> all = n.stringList(key, (role, path) -> {
            if (isPattern(role)) {
                n.log().refuse(n.location().error(path, "not supported by Airlock: wildcards, regular "
                        + "expressions and templates in role lists ('" + role + "'); list role names"));
                return;
            }
            if (!Role.NAME.matcher(role).matches()) {
                throw n.location().error(path, "invalid role name '" + role + "'");
            }
            references.add(new Reference(n.location(), path, role));
        });
        return all.stream().filter(role -> !isPattern(role)).toList();
    }

    private static boolean isPattern(String role) {
        return role.contains("*") || role.startsWith("^") || role.contains("{{");
    }

    private static void logIfPresent(YamlNode n, String key) {
        if (n.has(key)) {
            n.log().enforced(n.path(key));
        }
    }
}
