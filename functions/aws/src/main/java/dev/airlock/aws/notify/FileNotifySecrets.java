package dev.airlock.aws.notify;

import dev.airlock.core.port.NotifySecrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The notify secrets locally: a file holding the same JSON object as the AWS secret, which must be
 * readable by its owner only (mode 0600 or stricter, as ssh insists of a private key): a file others can
 * read is refused. Read on each call, so an edited file counts at once (local runs only).
 */
public final class FileNotifySecrets implements NotifySecrets {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;

    public FileNotifySecrets(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public Optional<String> value(String name) {
        return Optional.ofNullable(read().get(name));
    }

    /** @throws IllegalStateException when the file is missing, open to others, or not a JSON object */
    public Map<String, String> read() {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new IllegalStateException("the notify secrets file " + file
                        + " is accessible to group or others; chmod 600 it");
            }
            return SecretsJson.parse(Files.readString(file, StandardCharsets.UTF_8), "the notify secrets file " + file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the notify secrets file " + file + ": "
                    + e.getClass().getSimpleName());
        }
    }
}
