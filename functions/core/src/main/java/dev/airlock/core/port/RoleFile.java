package dev.airlock.core.port;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A role file that parsed: its text, the SHA-256 of that text, and the role names it defines.
 *
 * @param yaml      the file's text, as given
 * @param sha256    lower-case hex SHA-256 of the UTF-8 text
 * @param roleNames the roles it defines
 */
public record RoleFile(String yaml, String sha256, List<String> roleNames) {

    public RoleFile {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(sha256, "sha256");
        roleNames = List.copyOf(roleNames);
    }

    /** The file with its SHA-256 computed. */
    public static RoleFile of(String yaml, List<String> roleNames) {
        return new RoleFile(yaml, sha256(yaml), roleNames);
    }

    /** The details of its {@code roles.applied} record, once stored as {@code version}. */
    public Map<String, String> auditDetails(long version) {
        return Map.of("sha256", sha256, "roles", String.join(",", roleNames), "version", Long.toString(version));
    }

    /** Lower-case hex SHA-256 of the UTF-8 text (what the verifier recomputes from the stored text). */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
