package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;

import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.AuditLog;
import dev.airlock.core.port.IssuedCertificateLookup;
import dev.airlock.core.port.IssuedCertificateRecord;
import dev.airlock.core.port.KrlEntry;
import dev.airlock.core.port.RevocationStore;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.role.Identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /certificates/{serial}/revocation}: revokes one certificate (a lost laptop) by its
 * holder or a reviewer of the roles it carries; base-role certificates too (issue 15). The
 * {@code certificate.revoked} record goes on the chain its {@code certificate.issued} record is on:
 * the request's chain, in the same transaction as the KRL entry; or the holder's {@code user#<name>}
 * chain, appended right after the KRL entry is written (the order that fails safe: a crash between
 * leaves the certificate revoked and the call failed, and a retry, refused as already revoked by
 * the index, tells the caller so).
 */
public final class RevokeCertificate {

    /** The audit action of a certificate revocation. */
    public static final AuditAction ACTION = AuditAction.CERTIFICATE_REVOKED;

    private final AccessRequestStore store;
    private final AuditLog auditLog;
    private final RevocationStore revocations;
    private final IssuedCertificateLookup certificates;
    private final RoleCatalog roleCatalog;
    private final Clock clock;

    public RevokeCertificate(AccessRequestStore store, AuditLog auditLog, RevocationStore revocations,
                             IssuedCertificateLookup certificates, RoleCatalog roleCatalog, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.roleCatalog = Objects.requireNonNull(roleCatalog, "roleCatalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param serial the certificate's serial, unsigned decimal
     * @return what was revoked
     * @throws InvalidRequestException code {@code invalid_serial}, {@code reason_required}, {@code reason_too_long}
     * @throws NotFoundException       code {@code certificate_not_found}
     * @throws AccessDeniedException   code {@code not_revoker}
     * @throws ConflictException       code {@code already_revoked}, {@code certificate_expired},
     *                                 {@code concurrent_update}
     */
    public IssuedCertificateRecord handle(Identity caller, String serial, String reason) {
        Requests.required(caller, "caller");
        String canonical = canonicalSerial(serial);
        IssuedCertificateRecord certificate = certificates.find(canonical)
                .orElseThrow(() -> new NotFoundException("certificate_not_found", "no certificate with serial "
                        + canonical));
        Policies policies = Policies.at(roleCatalog, clock);
        String checked = policies.revocations().checkCertificateRevocation(caller, certificate.holder(),
                certificate.roles(), reason);
        Instant now = policies.now();
        if (!certificate.validBefore().isAfter(now)) {
            throw new ConflictException("certificate_expired", "certificate " + canonical
                    + " has already expired; sshd refuses it without a revocation");
        }
        KrlEntry entry = KrlEntry.forCertificate(canonical, certificate.validBefore());
        if (revocations.contains(entry.id())) {
            throw alreadyRevoked(canonical);
        }
        Map<String, String> details = AuditDetails.builder()
                .put("serial", canonical)
                .put("keyId", certificate.keyId())
                .put("holder", certificate.holder())
                .put("validBefore", certificate.validBefore())
                .put("reason", checked)
                .putIfPresent("requestId", certificate.requestId())
                .build();
        if (certificate.requestId().isPresent()) {
            revokeOnRequestChain(caller, certificate.requestId().get(), canonical, entry, details, now);
        } else {
            revocations.revoke(entry);
            auditLog.append(AuditChains.forUser(certificate.holder()), caller.user(), ACTION, details);
        }
        return certificate;
    }

    private void revokeOnRequestChain(Identity caller, String requestId, String serial, KrlEntry entry,
                                      Map<String, String> details, Instant now) {
        AccessRequest read = Requests.require(store, requestId);
        OptimisticUpdate.apply(store, read, current -> {
            if (current.state() == RequestState.REVOKED || revocations.contains(entry.id())) {
                throw alreadyRevoked(serial); // the request's revocation listed it
            }
            return RequestChange.of(current, now, caller.user(), ACTION, details);
        }, next -> revocations.updateAndRevoke(next.updated(), next.record(), entry));
    }

    private static ConflictException alreadyRevoked(String serial) {
        return new ConflictException("already_revoked", "certificate " + serial + " is already revoked");
    }

    /** Unsigned decimal 1..2^64-1 in canonical form (no sign, no leading zeros). */
    static String canonicalSerial(String serial) {
        if (serial == null || serial.isEmpty() || serial.length() > 20 || !serial.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalidSerial();
        }
        try {
            long value = Long.parseUnsignedLong(serial);
            if (value == 0) {
                throw invalidSerial();
            }
            return Long.toUnsignedString(value);
        } catch (NumberFormatException e) {
            throw invalidSerial();
        }
    }

    private static InvalidRequestException invalidSerial() {
        return new InvalidRequestException("invalid_serial",
                "a certificate serial is an unsigned decimal number from 1 to 18446744073709551615");
    }
}
