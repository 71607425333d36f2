package dev.airlock.core.testing;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.IssuedCertificateLookup;
import dev.airlock.core.port.IssuedCertificateRecord;
import dev.airlock.core.usecase.IssueCertificate;
import dev.airlock.core.usecase.IssuedCertificates;

import java.util.Objects;
import java.util.Optional;

/** TEST ONLY: finds issued certificates in the in-memory audit table, as the by-serial index does. */
public final class InMemoryIssuedCertificates implements IssuedCertificateLookup {

    private final InMemoryAuditLog audit;

    public InMemoryIssuedCertificates(InMemoryAuditLog audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public Optional<IssuedCertificateRecord> find(String serial) {
        return audit.all().stream()
                .filter(r -> r.is(IssueCertificate.ACTION) && serial.equals(r.details().get("serial")))
                .map(IssuedCertificates::fromAudit)
                .findFirst();
    }

    /** The records the lookup reads, for tests that need them. */
    public long issuedCount() {
        return audit.all().stream().filter(r -> r.is(IssueCertificate.ACTION)).count();
    }
}
