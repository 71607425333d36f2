package dev.airlock.core.port;

import java.util.Optional;

/** Finds an issued certificate by serial (the audit table's sparse by-serial index in AWS). */
public interface IssuedCertificateLookup {

    /** The certificate with this serial (unsigned decimal), if Airlock issued one. */
    Optional<IssuedCertificateRecord> find(String serial);
}
