package dev.airlock.core.usecase;

import dev.airlock.core.audit.CaKeyRecords.CaKey;
import dev.airlock.domain.error.InternalException;
import dev.airlock.ssh.CertificateAuthority;
import dev.airlock.ssh.SshPublicKey;
import dev.airlock.ssh.SshSignatureAlgorithm;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link CertificateAuthority} that signs nothing before the {@code ca} chain's last record, a
 * {@code ca.key_registered} one, names its key: the first signature of the process (a certificate
 * or a KRL) first registers the key ({@link RegisterCaKey}, idempotent), and fails, without signing,
 * when the record cannot be written. So whoever swaps the CA key (a new key ARN, a re-pointed alias)
 * leaves a record with the first certificate, and {@code verify} reports a served key no record names.
 * The wrapped CA must keep one key for its life (the KMS adapter caches it per process).
 */
public final class RegisteredCertificateAuthority implements CertificateAuthority {

    private final CertificateAuthority ca;
    private final Supplier<CaKey> describe;
    private final RegisterCaKey register;
    private final String actor;
    private volatile boolean registered;

    /**
     * @param describe the wrapped CA's key (id, spec, fingerprint), asked for on the first signature
     * @param actor    who the record names, e.g. the function ({@code sign})
     */
    public RegisteredCertificateAuthority(CertificateAuthority ca, Supplier<CaKey> describe, RegisterCaKey register,
                                          String actor) {
        this.ca = Objects.requireNonNull(ca, "ca");
        this.describe = Objects.requireNonNull(describe, "describe");
        this.register = Objects.requireNonNull(register, "register");
        this.actor = Objects.requireNonNull(actor, "actor");
    }

    @Override
    public SshPublicKey publicKey() {
        return ca.publicKey();
    }

    @Override
    public SshSignatureAlgorithm signatureAlgorithm() {
        return ca.signatureAlgorithm();
    }

    @Override
    public byte[] sign(byte[] toBeSigned) {
        if (!registered) {
            synchronized (this) {
                if (!registered) {
                    CaKey key = describe.get();
                    if (!key.fingerprint().equals(ca.publicKey().fingerprint())) {
                        throw new InternalException("ca_key_mismatch", "the CA key described is not the key that signs");
                    }
                    register.ensure(key, actor);
                    registered = true;
                }
            }
        }
        return ca.sign(toBeSigned);
    }

    @Override
    public String authorizedKeysLine() {
        return ca.authorizedKeysLine();
    }
}
