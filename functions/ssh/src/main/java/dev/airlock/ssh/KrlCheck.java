package dev.airlock.ssh;

import java.util.Objects;

/**
 * The check a host runs on a downloaded KRL before it replaces {@code /etc/ssh/revoked_keys}: sshd
 * refuses every login when its {@code RevokedKeys} file is missing or unparsable, so only a KRL
 * that parses in full ({@link KrlParser}) and revokes certificates of the host's own CA — every
 * certificates section scoped to exactly that CA key, at least one such section — may replace the
 * old file. A KRL for another CA (a misconfigured URL) would leave the host's CA unrevoked.
 */
public final class KrlCheck {

    private KrlCheck() {
    }

    /**
     * @param krl       the downloaded bytes
     * @param trustedCa the CA public key the host trusts ({@code TrustedUserCAKeys}, i.e. {@code GET /ca})
     * @return the parsed KRL
     * @throws KrlFormatException with a message saying why the file must not be installed
     */
    public static Krl requireUsable(byte[] krl, SshPublicKey trustedCa) {
        Objects.requireNonNull(krl, "krl");
        Objects.requireNonNull(trustedCa, "trustedCa");
        Krl parsed = KrlParser.parse(krl);
        if (parsed.sections().isEmpty()) {
            throw new KrlFormatException("KRL has no certificates section for CA " + trustedCa.fingerprint());
        }
        for (Krl.CertificateSection section : parsed.sections()) {
            if (section.caKey().isEmpty()) {
                throw new KrlFormatException("KRL has a certificates section not scoped to a CA key");
            }
            if (!section.caKey().get().equals(trustedCa)) {
                throw new KrlFormatException("KRL is for CA " + section.caKey().get().fingerprint()
                        + ", not " + trustedCa.fingerprint());
            }
        }
        return parsed;
    }

    /** The same check, after the newer-or-equal test a sync makes: never install an older KRL. */
    public static Krl requireUsableAndNotOlder(byte[] krl, SshPublicKey trustedCa, long installedVersion) {
        Krl parsed = requireUsable(krl, trustedCa);
        if (Long.compareUnsigned(parsed.version(), installedVersion) < 0) {
            throw new KrlFormatException("KRL version " + Long.toUnsignedString(parsed.version())
                    + " is older than the installed " + Long.toUnsignedString(installedVersion));
        }
        return parsed;
    }
}
