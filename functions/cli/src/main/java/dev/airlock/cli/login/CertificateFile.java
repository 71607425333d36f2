package dev.airlock.cli.login;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a certificate next to its key, mode 0644, replacing an older one atomically. */
public final class CertificateFile {

    private CertificateFile() {
    }

    public static void write(Path target, String certificate) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".access-cert.", "");
            Files.writeString(tmp, certificate + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException e) {
            deleteQuietly(tmp);
            throw new CliException(Exit.USAGE, "cannot write the certificate to " + target);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the certificate write already failed and is reported
            }
        }
    }
}
