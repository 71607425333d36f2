package dev.airlock.cli.sso;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Environment;
import dev.airlock.cli.Exit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The session cache: one file per Airlock URL under {@code ${XDG_CONFIG_HOME:-~/.config}/airlock/sessions/},
 * mode 0600 in directories of mode 0700, written whole to a temporary file and renamed over the old one,
 * so a reader never sees half a file. A refresh holds an exclusive {@link FileChannel#lock} on the
 * session's {@code .lock} file, so two shells refreshing at once do not both spend the (rotating)
 * refresh token.
 */
public final class SessionStore {

    private static final FileAttribute<?> DIRECTORY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<?> PRIVATE = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));

    private final Path file;
    private final Path lockFile;

    SessionStore(Path directory, String url) {
        String name = sha256(url);
        this.file = directory.resolve(name + ".json");
        this.lockFile = directory.resolve(name + ".lock");
    }

    /** The store for {@code url} in the directory the environment names. */
    public static SessionStore of(Environment env, java.nio.file.Path home, String url) {
        Path config = env.get(Environment.XDG_CONFIG_HOME).map(Path::of).orElse(home.resolve(".config"));
        return new SessionStore(config.resolve("airlock").resolve("sessions"), url);
    }

    /** Whether a session file exists (cheap: no parsing). */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    public Path file() {
        return file;
    }

    public Optional<Session> read() {
        try {
            return Files.isRegularFile(file) ? Session.parse(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw failure("read", e);
        }
    }

    void write(Session session) {
        try {
            createPrivateDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".session-", ".tmp", PRIVATE);
            Files.writeString(temporary, session.toJson(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw failure("write", e);
        }
    }

    /** Forgets the session; whether there was one. */
    public boolean delete() {
        try {
            boolean existed = Files.deleteIfExists(file);
            Files.deleteIfExists(lockFile);
            return existed;
        } catch (IOException e) {
            throw failure("remove", e);
        }
    }

    /** Runs {@code action} holding the session's exclusive lock (waits for another shell's refresh). */
    <T> T locked(Supplier<T> action) {
        try {
            createPrivateDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), PRIVATE); FileLock lock = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw failure("lock", e);
        }
    }

    private static void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        createPrivateDirectories(directory.getParent());
        try {
            Files.createDirectory(directory, DIRECTORY);
        } catch (FileAlreadyExistsException e) {
            // another shell made it first
        }
    }

    private CliException failure(String verb, IOException e) {
        return new CliException(Exit.USAGE, "cannot " + verb + " the session cache " + file + ": " + e.getMessage());
    }

    private static String sha256(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
