package dev.airlock.cli.krl;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.ssh.KrlFormatException;
import dev.airlock.ssh.KrlParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;

/**
 * sshd's {@code RevokedKeys} file. It is replaced atomically — a temporary file in the same
 * directory, written and fsynced, mode 0644, renamed over the old one, the directory fsynced — so
 * sshd (which reads the file at each authentication) sees either the old KRL or the new one, never a
 * half-written file, even across a crash.
 */
final class KrlFile {

    private final Path path;

    KrlFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Path path() {
        return path;
    }

    /** The installed file's bytes, or empty when there is none. */
    Optional<byte[]> current() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new CliException(Exit.USAGE, "cannot read " + path + ": " + e.getMessage());
        }
    }

    /**
     * The installed KRL's version, 0 when there is no file or it does not parse (a corrupt file
     * already makes sshd refuse every login, so any good KRL may replace it).
     */
    long installedVersion() {
        return current().map(KrlFile::versionOrZero).orElse(0L);
    }

    private static long versionOrZero(byte[] bytes) {
        try {
            return KrlParser.parse(bytes).version();
        } catch (KrlFormatException e) {
            return 0L;
        }
    }

    /** Whether the file holds exactly these bytes. */
    boolean holds(byte[] krl) {
        return current().map(bytes -> Arrays.equals(bytes, krl)).orElse(false);
    }

    void replaceWith(byte[] krl) {
        Path dir = path.getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(krl);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            move(temp);
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new CliException(Exit.USAGE, "cannot write " + path + " (the old file is unchanged): " + e.getMessage());
        } finally {
            deleteQuietly(temp);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot rename atomically in " + path.getParent(), e);
        }
    }

    /** The rename is durable only once the directory entry is on disk (POSIX: fsync the directory). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for reading; the rename itself has happened.
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // A leftover dot-file in the directory is harmless: sshd reads only RevokedKeys.
        }
    }
}
