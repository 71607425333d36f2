package dev.airlock.ssh.testing;

import dev.airlock.ssh.SshCertificate;
import dev.airlock.ssh.SshPublicKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * TEST ONLY: a real OpenSSH {@code sshd} on a free 127.0.0.1 port, configured to trust the given CA
 * keys ({@code TrustedUserCAKeys}) for the given principals ({@code AuthorizedPrincipalsFile}) of the
 * current Unix user, with public-key authentication only and no authorized_keys. Tests log in with
 * {@link #login}. A machine without sshd makes the test fail with a clear message, never skip.
 * Use with try-with-resources; {@link #close()} stops sshd and deletes its directory.
 */
public final class SshdFixture implements AutoCloseable {

    public static final String SSHD = "/usr/sbin/sshd";
    public static final String SSH = "/usr/bin/ssh";
    /** sshd's privilege-separation directory (Debian's build); missing on machines that never ran sshd. */
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final Path directory;
    private final Process process;
    private static final String REVOKED_KEYS = "revoked_keys";
    private final int port;
    private final String user;

    private SshdFixture(Path directory, Process process, int port, String user) {
        this.directory = directory;
        this.process = process;
        this.port = port;
        this.user = user;
    }

    /**
     * Starts sshd trusting {@code trustedCas} and letting the current user log in with any certificate
     * naming one of {@code allowedPrincipals}.
     */
    public static SshdFixture start(List<SshPublicKey> trustedCas, List<String> allowedPrincipals) {
        return start(trustedCas, allowedPrincipals, null);
    }

    /**
     * As {@link #start(List, List)}, with {@code RevokedKeys} pointing at {@link #revokedKeysFile()},
     * which starts with {@code initialKrl}; sshd reads it on every authentication, so a test may
     * replace it between logins.
     */
    public static SshdFixture startWithRevokedKeys(List<SshPublicKey> trustedCas, List<String> allowedPrincipals,
                                                   byte[] initialKrl) {
        return start(trustedCas, allowedPrincipals, Objects.requireNonNull(initialKrl, "initialKrl"));
    }

    private static SshdFixture start(List<SshPublicKey> trustedCas, List<String> allowedPrincipals,
                                     byte[] initialKrl) {
        ExternalCommand.requireExecutable(SSHD, "openssh-server");
        ExternalCommand.requireExecutable(SSH, "openssh-client");
        String user = System.getProperty("user.name");
        try {
            Path directory = Files.createTempDirectory("airlock-sshd");
            writeFiles(directory, trustedCas, allowedPrincipals, user);
            if (initialKrl != null) {
                Files.write(directory.resolve(REVOKED_KEYS), initialKrl);
            }
            Files.createDirectories(PRIVSEP_DIR);
            AssertionError lastFailure = null;
            for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
                int port = freePort();
                Path config = directory.resolve("sshd_config");
                Files.writeString(config, config(directory, port)
                        + (initialKrl == null ? "" : "RevokedKeys " + directory.resolve(REVOKED_KEYS) + "\n"));
                Process process = new ProcessBuilder(SSHD, "-D", "-e", "-f", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("sshd.log").toFile()))
                        .start();
                try {
                    awaitListening(process, port, directory);
                    return new SshdFixture(directory, process, port, user);
                } catch (AssertionError e) {
                    process.destroyForcibly();
                    lastFailure = e; // most likely the port was taken between probe and bind: retry
                }
            }
            throw lastFailure;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare sshd", e);
        }
    }

    /** The result of one {@code ssh} run. */
    public record LoginResult(int exitCode, String stdout, String stderr) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code ssh -i key -o CertificateFile=cert ... user@127.0.0.1 command} in batch mode and
     * returns its exit code and output (255 and "Permission denied" when sshd refuses).
     */
    public LoginResult login(Path privateKey, Path certificateFile, String command) {
        List<String> ssh = new ArrayList<>(List.of(SSH, "-F", "/dev/null",
                "-i", privateKey.toString(), "-o", "CertificateFile=" + certificateFile,
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "IdentitiesOnly=yes", "-o", "PreferredAuthentications=publickey",
                "-o", "ConnectTimeout=20", "-o", "LogLevel=ERROR",
                "-p", Integer.toString(port), user + "@127.0.0.1", command));
        ExternalCommand.Result result = ExternalCommand.run(ssh);
        return new LoginResult(result.exitCode(), result.stdout(), result.stderr());
    }

    /** Writes {@code certificate} next to sshd's files and logs in with it and {@code privateKey}. */
    public LoginResult login(Path privateKey, SshCertificate certificate, String command) {
        Path certificateFile = directory.resolve("cert-" + Long.toUnsignedString(certificate.serial())
                + "-" + System.nanoTime() + ".pub");
        SshKeygen.write(certificateFile, certificate.toOpenSshLine("airlock-test") + "\n");
        return login(privateKey, certificateFile, command);
    }

    /** The {@code RevokedKeys} file of a fixture started with {@link #startWithRevokedKeys}. */
    public Path revokedKeysFile() {
        return directory.resolve(REVOKED_KEYS);
    }

    public int port() {
        return port;
    }

    /** The Unix user tests log in as (the user running the tests). */
    public String user() {
        return user;
    }

    /** Everything sshd logged so far (it runs with {@code -e} at DEBUG2, so refusals carry their reason). */
    public String log() {
        return SshKeygen.read(directory.resolve("sshd.log"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecursively(directory);
    }

    private static void writeFiles(Path directory, List<SshPublicKey> trustedCas, List<String> principals,
                                   String user) throws IOException {
        Objects.requireNonNull(trustedCas, "trustedCas");
        SshKeygen.generate(directory, "ssh_host_ed25519_key", "ed25519", 0);
        Files.writeString(directory.resolve("trusted_user_ca_keys"), trustedCas.stream()
                .map(SshPublicKey::toAuthorizedKeysLine).collect(Collectors.joining("\n", "", "\n")));
        Path principalsDir = Files.createDirectories(directory.resolve("principals"));
        Files.writeString(principalsDir.resolve(user), String.join("\n", principals) + "\n");
    }

    private static String config(Path dir, int port) {
        return String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("ssh_host_ed25519_key"),
                "PidFile " + dir.resolve("sshd.pid"),
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "HostbasedAuthentication no",
                "PubkeyAuthentication yes",
                "AuthorizedKeysFile none",
                "TrustedUserCAKeys " + dir.resolve("trusted_user_ca_keys"),
                "AuthorizedPrincipalsFile " + dir.resolve("principals") + "/%u",
                "StrictModes no",
                "PermitRootLogin prohibit-password",
                "LogLevel DEBUG2",
                "") ;
    }

    private static void awaitListening(Process process, int port, Path directory) {
        Instant deadline = Instant.now().plus(STARTUP_WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("sshd exited with code " + process.exitValue() + " before listening: "
                        + SshKeygen.read(directory.resolve("sshd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new AssertionError("sshd did not listen on 127.0.0.1:" + port + " within " + STARTUP_WAIT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for sshd", e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Leftover temp files are harmless; never hide a test result behind cleanup.
        }
    }
}
