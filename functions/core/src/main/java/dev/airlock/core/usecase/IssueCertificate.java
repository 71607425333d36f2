package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.AuditLog;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.policy.CertificateGrant;
import dev.airlock.domain.policy.CertificatePolicy;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.role.Identity;
import dev.airlock.ssh.CertificateAuthority;
import dev.airlock.ssh.CertificateIssuer;
import dev.airlock.ssh.SshCertificate;
import dev.airlock.ssh.SshCertificateBuilder;
import dev.airlock.ssh.SshPublicKey;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /certificates}: signs the caller's SSH public key for an approved request of theirs, or
 * for their base roles only (docs/ARCHITECTURE.md "Certificates").
 *
 * <p><b>No certificate leaves without its audit record.</b> Every check runs before signing; after
 * signing, the {@code certificate.issued} record is committed — under a request in the same
 * conditional write that adds the serial to the request, otherwise on the chain {@code user#<name>} —
 * and only then is the certificate returned. If that write fails the certificate is dropped and the
 * call fails: a signed certificate nobody can account for never reaches the caller.
 */
public final class IssueCertificate {

    /** The audit action of an issued certificate. */
    public static final AuditAction ACTION = AuditAction.CERTIFICATE_ISSUED;

    private static final SecureRandom SERIALS = new SecureRandom();

    private final AccessRequestStore store;
    private final AuditLog auditLog;
    private final RoleCatalog roleCatalog;
    private final CertificateAuthority ca;
    private final Clock clock;

    public IssueCertificate(AccessRequestStore store, AuditLog auditLog, RoleCatalog roleCatalog,
                            CertificateAuthority ca, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.roleCatalog = Objects.requireNonNull(roleCatalog, "roleCatalog");
        this.ca = Objects.requireNonNull(ca, "ca");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param publicKeyLine the key to certify, one {@code authorized_keys} line
     * @param requestId     the caller's APPROVED request; empty for base roles only
     * @throws InvalidRequestException code {@code invalid_public_key} (or {@code invalid_certificate}
     *                                 when the CA cannot sign this body)
     * @throws NotFoundException       code {@code request_not_found}
     * @throws AccessDeniedException   code {@code not_requester} (someone else's request), {@code no_logins}
     * @throws ConflictException       code {@code not_approved} (pending, denied, expired, revoked,
     *                                 withdrawn), {@code access_expired}, {@code certificate_limit},
     *                                 {@code concurrent_update}
     */
    public IssuedCertificate handle(Identity caller, String publicKeyLine, Optional<String> requestId) {
        Requests.required(caller, "caller");
        SshPublicKey key = SshPublicKey.parse(publicKeyLine);
        Optional<String> id = requestId == null ? Optional.empty() : requestId;
        Policies policies = Policies.at(roleCatalog, clock);
        CertificatePolicy policy = policies.certificates();
        Optional<AccessRequest> request = id.map(i -> Requests.require(store, i));
        CertificateGrant grant = policy.grant(caller, request);
        long serial = nextSerial();
        String serialText = Long.toUnsignedString(serial);
        request.ifPresent(r -> r.withCertificateSerial(serialText)); // refuse a full request before signing
        List<String> roles = request.map(AccessRequest::roles).orElseGet(() -> List.copyOf(caller.roles()));
        String keyId = KeyIds.of(caller.user(), id, roles, serialText);
        SshCertificate certificate = sign(key, grant, serial, keyId);
        Map<String, String> details = details(certificate, key, roles, id);
        if (request.isPresent()) {
            OptimisticUpdate.apply(store, request.get(), current -> {
                policy.grant(caller, Optional.of(current)); // still theirs, APPROVED and unexpired
                return RequestChange.of(current.withCertificateSerial(serialText), policies.now(), caller.user(),
                        ACTION, details);
            });
        } else {
            auditLog.append(AuditChains.forUser(caller.user()), caller.user(), ACTION, details);
        }
        return new IssuedCertificate(certificate.toOpenSshLine(KeyIds.escapeUser(caller.user())), serialText,
                certificate.keyId(), certificate.principals(), certificate.validAfter(), certificate.validBefore(), id);
    }

    private SshCertificate sign(SshPublicKey key, CertificateGrant grant, long serial, String keyId) {
        SshCertificateBuilder builder = SshCertificateBuilder.userCertificate(key)
                .serial(serial)
                .keyId(keyId)
                .principals(grant.principals())
                .validity(grant.validAfter(), grant.validBefore());
        grant.extensions().keySet().forEach(builder::extension);
        return CertificateIssuer.issue(builder, ca);
    }

    private Map<String, String> details(SshCertificate certificate, SshPublicKey key, List<String> roles,
                                        Optional<String> requestId) {
        return AuditDetails.builder()
                .put("serial", Long.toUnsignedString(certificate.serial()))
                .put("keyId", certificate.keyId())
                .put("principals", certificate.principals())
                .put("roles", roles)
                .put("validAfter", certificate.validAfter())
                .put("validBefore", certificate.validBefore())
                .put("keyType", key.type().wireName())
                .put("keyFingerprint", key.fingerprint())
                .put("caFingerprint", certificate.caKey().fingerprint())
                .putIfPresent("requestId", requestId)
                .build();
    }

    /** A random 64-bit serial; never 0, which {@code ssh-keygen} uses when none is given. */
    private static long nextSerial() {
        long serial;
        do {
            serial = SERIALS.nextLong();
        } while (serial == 0);
        return serial;
    }
}
