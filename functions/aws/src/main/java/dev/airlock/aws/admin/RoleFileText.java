package dev.airlock.aws.admin;

import dev.airlock.core.usecase.ApplyRoles;


import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a role file for {@code apply-roles} and {@code roles check}: UTF-8, bounded, errors printed. */
final class RoleFileText {

    private RoleFileText() {
    }

    /** The file's text, or empty after printing why it cannot be read. */
    static Optional<String> read(Path file, PrintStream err) {
        try {
            if (Files.size(file) > ApplyRoles.MAX_YAML_BYTES) {
                err.println("error: " + file + " is larger than " + ApplyRoles.MAX_YAML_BYTES + " bytes");
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            err.println("error: " + file + " is not UTF-8 text");
        } catch (IOException e) {
            err.println("error: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        return Optional.empty();
    }
}
