package dev.airlock.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Finds issued certificates: by serial (the audit table's sparse by-serial index in AWS) and by holder
 * (the sparse by-holder index, sorted by expiry).
 */
public interface IssuedCertificateLookup {

    /** The certificate with this serial (unsigned decimal), if Airlock issued one. */
    Optional<IssuedCertificateRecord> find(String serial);

    /**
     * One page of {@code holder}'s certificates, latest {@code validBefore} first.
     *
     * @param validAt when present, only certificates whose {@code validBefore} is after it (read from the
     *                index's key, so expired ones are not read at all); a cursor keeps the instant of
     *                the page that made it, so a listing does not shift while it is followed
     * @throws dev.airlock.domain.error.InvalidRequestException code {@code invalid_cursor} for a cursor
     *                                                          of another listing, or an altered one
     */
    Page<IssuedCertificateRecord> listByHolder(String holder, Optional<Instant> validAt, PageRequest page);
}
