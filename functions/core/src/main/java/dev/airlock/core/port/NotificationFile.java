package dev.airlock.core.port;

import java.util.Map;
import java.util.Objects;

/**
 * A notification routing file that parsed: its text and the SHA-256 of that text.
 *
 * @param yaml    the file's text, as given (it names secrets, never holds them)
 * @param sha256  lower-case hex SHA-256 of the UTF-8 text
 * @param targets how many targets it defines
 * @param routes  how many routes it defines
 */
public record NotificationFile(String yaml, String sha256, int targets, int routes) {

    public NotificationFile {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(sha256, "sha256");
    }

    public static NotificationFile of(String yaml, int targets, int routes) {
        return new NotificationFile(yaml, RoleFile.sha256(yaml), targets, routes);
    }

    /** The details of its {@code notifications.applied} record, once stored as {@code version}. */
    public Map<String, String> auditDetails(long version) {
        return Map.of("sha256", sha256, "targets", Integer.toString(targets), "routes", Integer.toString(routes),
                "version", Long.toString(version));
    }
}
