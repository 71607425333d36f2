package dev.airlock.core.usecase;

import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.AuditLog;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.ssh.CertificateAuthority;

import java.time.Clock;
import java.util.Objects;

/**
 * Every use case, built once from the ports. A function that needs only some of them (and must not
 * pay for creating the others' clients, e.g. a KMS client in the expiry function) constructs those
 * use cases directly: each has a public constructor taking exactly the ports it uses.
 *
 * <p>Holds no state of its own; policies are built per call from {@link RoleCatalog#current()}, so
 * role changes apply without rebuilding this.
 */
public final class Airlock {

    private final RequestAccess requestAccess;
    private final WithdrawRequest withdrawRequest;
    private final ListRequests listRequests;
    private final ReviewRequest reviewRequest;
    private final ExpireRequests expireRequests;
    private final IssueCertificate issueCertificate;
    private final GetCaPublicKey getCaPublicKey;

    public Airlock(AccessRequestStore store, AuditLog auditLog, RoleCatalog roleCatalog, CertificateAuthority ca,
                   Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(auditLog, "auditLog");
        Objects.requireNonNull(roleCatalog, "roleCatalog");
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(clock, "clock");
        this.requestAccess = new RequestAccess(store, roleCatalog, clock);
        this.withdrawRequest = new WithdrawRequest(store, clock);
        this.listRequests = new ListRequests(store, roleCatalog, clock);
        this.reviewRequest = new ReviewRequest(store, roleCatalog, clock);
        this.expireRequests = new ExpireRequests(store, clock);
        this.issueCertificate = new IssueCertificate(store, auditLog, roleCatalog, ca, clock);
        this.getCaPublicKey = new GetCaPublicKey(ca);
    }

    public RequestAccess requestAccess() {
        return requestAccess;
    }

    public WithdrawRequest withdrawRequest() {
        return withdrawRequest;
    }

    public ListRequests listRequests() {
        return listRequests;
    }

    public ReviewRequest reviewRequest() {
        return reviewRequest;
    }

    public ExpireRequests expireRequests() {
        return expireRequests;
    }

    public IssueCertificate issueCertificate() {
        return issueCertificate;
    }

    public GetCaPublicKey getCaPublicKey() {
        return getCaPublicKey;
    }
}
