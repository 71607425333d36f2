package dev.airlock.domain.role;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code spec} of one {@code kind: role} document into a {@link Role}, collecting the role
 * names it refers to so {@link RoleFileParser} can check them once every document is read.
 */
final class RoleDocumentReader {

    /** A reference to a role by name, with where it was written. */
    record Reference(YamlNode.Location location, String path, String role) {
    }

    /** SSH logins: a POSIX-ish user name. Teleport's {@code {{internal.logins}}} templates are not supported. */
    static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._@-]{0,63}");

    private final List<Reference> references = new ArrayList<>();

    List<Reference> references() {
        return references;
    }

    Role read(String name, YamlNode spec) {
        spec.allowOnly("options", "allow", "deny");
        RoleOptions options = spec.map("options").map(this::options).orElse(RoleOptions.DEFAULTS);
        RoleConditions allow = spec.map("allow").map(n -> conditions(n, true)).orElse(RoleConditions.NONE);
        RoleConditions deny = spec.map("deny").map(n -> conditions(n, false)).orElse(RoleConditions.NONE);
        return new Role(name, options, allow, deny);
    }

    private RoleOptions options(YamlNode n) {
        n.allowOnly("max_session_ttl", "permit_pty", "port_forwarding", "forward_agent",
                "permit_x11_forwarding", "permit_user_rc");
        RoleOptions d = RoleOptions.DEFAULTS;
        return new RoleOptions(
                n.duration("max_session_ttl"),
                n.bool("permit_pty").orElse(d.permitPty()),
                n.bool("port_forwarding").orElse(d.portForwarding()),
                n.bool("forward_agent").orElse(d.forwardAgent()),
                n.bool("permit_x11_forwarding").orElse(d.permitX11Forwarding()),
                n.bool("permit_user_rc").orElse(d.permitUserRc()));
    }

    private RoleConditions conditions(YamlNode n, boolean allow) {
        n.allowOnly("logins", "request", "review_requests");
        List<String> logins = n.stringList("logins", (login, path) -> {
            if (!LOGIN.matcher(login).matches()) {
                throw n.location().error(path, "invalid login '" + login
                        + "' (letters, digits and . _ @ -; templates such as {{internal.logins}} are not supported)");
            }
        });
        RequestConditions request = n.map("request").map(r -> request(r, allow)).orElse(RequestConditions.NONE);
        ReviewConditions review = n.map("review_requests").map(this::review).orElse(ReviewConditions.NONE);
        return new RoleConditions(logins, request, review);
    }

    private RequestConditions request(YamlNode n, boolean allow) {
        if (allow) {
            n.allowOnly("roles", "max_duration", "reason", "thresholds");
        } else {
            n.allowOnly("roles");
        }
        List<String> roles = roleNames(n, "roles");
        Optional<Duration> maxDuration = n.duration("max_duration");
        ReasonMode mode = n.map("reason").map(RoleDocumentReader::reasonMode).orElse(ReasonMode.OPTIONAL);
        List<Threshold> thresholds = allow ? thresholds(n) : List.of();
        return new RequestConditions(roles, maxDuration, mode, thresholds);
    }

    private static ReasonMode reasonMode(YamlNode n) {
        n.allowOnly("mode");
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
        List<YamlNode> items = n.mapList("thresholds");
        if (items.isEmpty()) {
            throw n.error("thresholds", "must list at least one threshold, or be left out for the default");
        }
        List<Threshold> result = new ArrayList<>();
        for (YamlNode t : items) {
            t.allowOnly("approve", "deny");
            // Teleport treats a missing count as 1.
            result.add(new Threshold(t.integer("approve", 1).orElse(1), t.integer("deny", 1).orElse(1)));
        }
        return result;
    }

    private ReviewConditions review(YamlNode n) {
        n.allowOnly("roles");
        return new ReviewConditions(roleNames(n, "roles"));
    }

    /** A list of role names, each syntactically valid; remembered as references to check later. */
    List<String> roleNames(YamlNode n, String key) {
        return n.stringList(key, (role, path) -> {
            if (!Role.NAME.matcher(role).matches()) {
                throw n.location().error(path, "invalid role name '" + role + "'");
            }
            references.add(new Reference(n.location(), path, role));
        });
    }
}
