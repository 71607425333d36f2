package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;

import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.KrlEntry;
import dev.airlock.core.port.RevocationStore;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.policy.RevocationPolicy;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.role.Identity;

import java.time.Clock;
import java.util.Objects;

/**
 * {@code POST /requests/{id}/revocation}: ends an APPROVED request early and revokes every certificate
 * issued under it (issue 15). One transaction moves the request to REVOKED, appends
 * {@code request.revoked} to its chain, puts its serials into the KRL index and bumps the KRL version.
 *
 * <p><b>Races with signing.</b> Both this and {@link IssueCertificate} write the request on condition
 * of the version they read. If a certificate commits first, the retry re-reads the request with its
 * serial and revokes it too; if the revocation commits first, the signer's retry finds the request
 * REVOKED and refuses. There is no third outcome.
 */
public final class RevokeRequest {

    /** The audit action of a request revocation. */
    public static final AuditAction ACTION = AuditAction.REQUEST_REVOKED;

    private final AccessRequestStore store;
    private final RevocationStore revocations;
    private final RoleCatalog roleCatalog;
    private final Clock clock;

    public RevokeRequest(AccessRequestStore store, RevocationStore revocations, RoleCatalog roleCatalog,
                         Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.roleCatalog = Objects.requireNonNull(roleCatalog, "roleCatalog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param reason optional for the requester, required for a reviewer
     * @return the request as stored, state REVOKED
     * @throws NotFoundException       code {@code request_not_found}
     * @throws AccessDeniedException   code {@code not_revoker}
     * @throws InvalidRequestException code {@code reason_required}, {@code reason_too_long}
     * @throws ConflictException       code {@code invalid_state} (not APPROVED now), {@code concurrent_update}
     */
    public AccessRequest handle(Identity caller, String id, String reason) {
        Requests.required(caller, "caller");
        Policies policies = Policies.at(roleCatalog, clock);
        RevocationPolicy policy = policies.revocations();
        AccessRequest read = Requests.require(store, id);
        return OptimisticUpdate.apply(store, read, current -> {
            AccessRequest revoked = policy.revokeRequest(caller, current, reason);
            return RequestChange.of(revoked, policies.now(), caller.user(), ACTION, AuditDetails.builder()
                    .put("previousState", current.state().name())
                    .put("revokedBy", caller.user().equals(current.user()) ? "requester" : "reviewer")
                    .put("reason", revoked.resolutionReason().orElse(""))
                    .put("serials", current.certificateSerials())
                    .build());
        }, next -> revocations.updateAndRevoke(next.updated(), next.record(), krlEntry(next.updated())));
    }

    /** Every certificate issued under the request ends by its access expiry (CertificatePolicy caps it there). */
    private static KrlEntry krlEntry(AccessRequest revoked) {
        return KrlEntry.forRequest(revoked.id(), revoked.certificateSerials(), revoked.accessExpiresAt().orElseThrow());
    }
}
