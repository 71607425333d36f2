package dev.airlock.core.usecase;

import dev.airlock.ssh.CertificateAuthority;

import java.util.Objects;

/** {@code GET /ca}: the CA public key for sshd's {@code TrustedUserCAKeys}. */
public final class GetCaPublicKey {

    private final CertificateAuthority ca;

    public GetCaPublicKey(CertificateAuthority ca) {
        this.ca = Objects.requireNonNull(ca, "ca");
    }

    /** One {@code authorized_keys} line, e.g. {@code ecdsa-sha2-nistp256 AAAA… airlock-ca}. */
    public String handle() {
        return ca.authorizedKeysLine();
    }
}
