package dev.airlock.aws.dynamodb;

import dev.airlock.domain.role.RoleConfig;
import dev.airlock.domain.role.RoleFileParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Role files from {@code src/test/resources/roles}. */
public final class TestRoles {

    private TestRoles() {
    }

    public static String text(String name) {
        try (InputStream in = TestRoles.class.getResourceAsStream("/roles/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource roles/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RoleConfig parse(String name) {
        return RoleFileParser.parse(text(name), name);
    }
}
