package dev.airlock.cli.krl;

import dev.airlock.cli.CliException;
import dev.airlock.cli.Exit;
import dev.airlock.ssh.Krl;
import dev.airlock.ssh.KrlCheck;
import dev.airlock.ssh.KrlFormatException;
import dev.airlock.ssh.SshPublicKey;

import java.net.URI;
import java.nio.file.Path;

/**
 * {@code access krl --output FILE}: download {@code GET /ca} and {@code GET /krl}, check the KRL
 * ({@link KrlCheck}: it parses in full, it is for that CA, it is not older than the installed one)
 * and only then replace the file. Every failure leaves the old file as it was: sshd refuses every
 * login when its {@code RevokedKeys} file is missing or corrupt.
 */
public final class KrlSync {

    /** What a sync did. */
    public record Outcome(Path output, long version, long revokedSerials, boolean changed, String caFingerprint) {
    }

    private final KrlDownload download;

    public KrlSync(URI baseUrl) {
        this.download = new KrlDownload(baseUrl);
    }

    public Outcome sync(Path output) {
        KrlFile file = new KrlFile(output);
        SshPublicKey ca = trustedCa();
        byte[] krl = download.krl();
        Krl parsed;
        try {
            parsed = KrlCheck.requireUsableAndNotOlder(krl, ca, file.installedVersion());
        } catch (KrlFormatException e) {
            throw new CliException(Exit.UNAVAILABLE, "not installing the downloaded KRL (" + file.path()
                    + " is unchanged): " + e.getMessage());
        }
        boolean changed = !file.holds(krl);
        if (changed) {
            file.replaceWith(krl);
        }
        return new Outcome(file.path(), parsed.version(), parsed.serialCount(), changed, ca.fingerprint());
    }

    private SshPublicKey trustedCa() {
        String line = download.caLine();
        try {
            return SshPublicKey.parse(line);
        } catch (RuntimeException e) {
            throw new CliException(Exit.UNAVAILABLE, "GET /ca did not answer a CA public key line: " + e.getMessage());
        }
    }
}
