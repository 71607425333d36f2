package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.IssuedCertificateRecord;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads an {@link IssuedCertificateRecord} back from the {@code certificate.issued} audit record {@link IssueCertificate} wrote. */
public final class IssuedCertificates {

    private IssuedCertificates() {
    }

    /**
     * @throws IllegalArgumentException when {@code record} is not a {@code certificate.issued} record
     *                                  with the details {@link IssueCertificate} writes
     */
    public static IssuedCertificateRecord fromAudit(AuditRecord record) {
        if (!record.is(IssueCertificate.ACTION)) {
            throw new IllegalArgumentException("not a " + IssueCertificate.ACTION + " record: " + record.action());
        }
        return new IssuedCertificateRecord(require(record, "serial"), record.actor(), list(require(record, "roles")),
                Optional.ofNullable(record.details().get("requestId")),
                Instant.parse(require(record, "validBefore")), require(record, "keyId"),
                list(require(record, "principals")), Instant.parse(require(record, "validAfter")));
    }

    /** AuditDetails writes lists comma-separated; role names and logins hold no comma. */
    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static String require(AuditRecord record, String key) {
        String value = record.details().get(key);
        if (value == null) {
            throw new IllegalArgumentException(IssueCertificate.ACTION + " record without " + key);
        }
        return value;
    }
}
