package dev.airlock.app.json;

import dev.airlock.core.usecase.CallerProfile;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The {@code GET /me} representation of docs/API.md; durations in Go syntax, null when no role caps them. */
public final class CallerProfileJson {

    private CallerProfileJson() {
    }

    public static View of(CallerProfile p) {
        return new View(p.user(), p.groups(), p.baseRoles().stream().map(CallerProfileJson::role).toList(),
                p.principals(), text(p.maxSessionTtl()), p.baseCertificate(), p.requestable(), p.reviewable());
    }

    private static RoleView role(CallerProfile.BaseRole role) {
        return new RoleView(role.name(), role.logins(), text(role.maxSessionTtl()), text(role.maxRequestDuration()));
    }

    private static String text(Optional<Duration> duration) {
        return duration.map(Durations::format).orElse(null);
    }

    /** Field for field and in the order of docs/API.md. */
    public record View(String user, List<String> groups, List<RoleView> baseRoles, List<String> principals,
                       String maxSessionTtl, boolean baseCertificate, List<String> requestableRoles,
                       List<String> reviewableRoles) {
    }

    /** One base role. */
    public record RoleView(String name, List<String> logins, String maxSessionTtl, String maxRequestDuration) {
    }
}
