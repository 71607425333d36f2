package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.AuditLog;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.role.Identity;

import java.util.List;
import java.util.Objects;

/**
 * {@code GET /requests/{id}/audit}: the records of a request's audit chain, as stored, for whoever may
 * see the request. Visibility is {@link ListRequests#get}'s own check, called here, so the chain is
 * never shown to someone the request is not.
 *
 * <p>The records are returned as read, hashes included and unchecked: the reader (the console)
 * recomputes them itself, so a record changed in the table shows up as one that does not verify.
 */
public final class ReadRequestAudit {

    private final ListRequests requests;
    private final AuditLog auditLog;

    public ReadRequestAudit(ListRequests requests, AuditLog auditLog) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
    }

    /** The request (for its chain head) with its chain's records in sequence order. */
    public record Trail(AccessRequest request, List<AuditRecord> records) {
        public Trail {
            Objects.requireNonNull(request, "request");
            records = List.copyOf(records);
        }
    }

    /**
     * @throws NotFoundException     code {@code request_not_found}
     * @throws AccessDeniedException code {@code not_visible}, exactly when {@code GET /requests/{id}} says so
     */
    public Trail read(Identity caller, String id) {
        AccessRequest request = requests.get(caller, id);
        return new Trail(request, auditLog.read(AuditChains.forRequest(request.id())));
    }
}
