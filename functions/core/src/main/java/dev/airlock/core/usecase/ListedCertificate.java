package dev.airlock.core.usecase;

import dev.airlock.core.port.IssuedCertificateRecord;

import java.util.Objects;

/**
 * One certificate as {@code GET /certificates} lists it.
 *
 * @param certificate what its issuance record says
 * @param revoked     a revocation of it (or of the request it was issued under) is recorded: it is, or
 *                    was until it expired, in the KRL
 * @param state       what it is worth now
 */
public record ListedCertificate(IssuedCertificateRecord certificate, boolean revoked, State state) {

    /** A certificate's standing at the time of the listing. */
    public enum State {
        /** Unexpired and not revoked: sshd accepts it on hosts that trust the CA. */
        VALID,
        /** Revoked (expired or not): hosts that sync the KRL refuse it while it is unexpired. */
        REVOKED,
        /** Its validity ended; never revoked. */
        EXPIRED
    }

    public ListedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(state, "state");
    }
}
