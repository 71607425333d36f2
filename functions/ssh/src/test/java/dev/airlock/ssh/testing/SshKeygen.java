package dev.airlock.ssh.testing;

import dev.airlock.ssh.SshCertificate;
import dev.airlock.ssh.SshPublicKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives the real {@code /usr/bin/ssh-keygen}: generates subject keys (the way users make theirs),
 * lists certificates ({@code -L}) and prints fingerprints ({@code -l}). Test support only.
 */
public final class SshKeygen {

    public static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";

    private SshKeygen() {
    }

    /** A key pair on disk made by ssh-keygen: {@code privateKey} (mode 0600) and its parsed public key. */
    public record GeneratedKey(Path privateKey, Path publicKeyFile, SshPublicKey publicKey) {
    }

    /**
     * Generates an unencrypted key, e.g. {@code generate(dir, "user", "ed25519", 0)} or
     * {@code ("ecdsa", 384)} or {@code ("rsa", 3072)}; {@code bits} 0 means the tool's default.
     */
    public static GeneratedKey generate(Path directory, String name, String type, int bits) {
        ExternalCommand.requireExecutable(SSH_KEYGEN, "openssh-client");
        Path key = directory.resolve(name);
        List<String> command = new ArrayList<>(List.of(SSH_KEYGEN, "-q", "-t", type, "-N", "", "-C",
                name + "@airlock.test", "-f", key.toString()));
        if (bits > 0) {
            command.addAll(List.of("-b", Integer.toString(bits)));
        }
        ExternalCommand.run(command).requireSuccess("ssh-keygen -t " + type);
        Path pub = directory.resolve(name + ".pub");
        return new GeneratedKey(key, pub, SshPublicKey.parse(read(pub)));
    }

    /**
     * {@code ssh-keygen -L -f file}: the tool's own parse of a certificate, which also verifies the
     * CA signature (OpenSSH refuses to load a certificate whose signature fails). Times print in UTC.
     */
    public static ExternalCommand.Result list(Path certificateFile) {
        ExternalCommand.requireExecutable(SSH_KEYGEN, "openssh-client");
        return ExternalCommand.run(List.of(SSH_KEYGEN, "-L", "-f", certificateFile.toString()),
                Map.of("TZ", "UTC"), ExternalCommand.DEFAULT_TIMEOUT);
    }

    /** Writes {@code certificate} to {@code file} in {@code *-cert.pub} form and lists it. */
    public static ExternalCommand.Result list(SshCertificate certificate, Path file) {
        write(file, certificate.toOpenSshLine("airlock-test") + "\n");
        return list(file);
    }

    /** The fingerprint as {@code ssh-keygen -l -f} prints it (the {@code SHA256:...} field). */
    public static String fingerprint(Path publicKeyFile) {
        ExternalCommand.requireExecutable(SSH_KEYGEN, "openssh-client");
        String out = ExternalCommand.run(List.of(SSH_KEYGEN, "-l", "-E", "sha256", "-f", publicKeyFile.toString()))
                .requireSuccess("ssh-keygen -l").stdout();
        return out.trim().split("\\s+")[1];
    }

    public static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
