package dev.airlock.domain;

import dev.airlock.domain.role.RoleConfig;
import dev.airlock.domain.role.RoleFileParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads role files from {@code src/test/resources/roles}. */
public final class RoleFixtures {

    private RoleFixtures() {
    }

    /** The text of {@code roles/<name>}. */
    public static String text(String name) {
        try (InputStream in = RoleFixtures.class.getResourceAsStream("/roles/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource roles/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo policy: contractor requests dba / cluster-a / sudo-admin, dba-reviewer reviews them. */
    public static RoleConfig demo() {
        return RoleFileParser.parse(text("demo.yaml"), "demo.yaml");
    }
}
