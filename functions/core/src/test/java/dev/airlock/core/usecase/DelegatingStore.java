package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.BreakGlassQuota;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store that forwards everything; tests override one method to count calls or stage index lag. */
class DelegatingStore implements AccessRequestStore {

    private final AccessRequestStore delegate;

    DelegatingStore(AccessRequestStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public AccessRequest create(AccessRequest request, AuditRecord firstRecord, Optional<String> idempotencyKey) {
        return delegate.create(request, firstRecord, idempotencyKey);
    }

    @Override
    public AccessRequest createBreakGlass(AccessRequest request, AuditRecord firstRecord,
                                          Optional<String> idempotencyKey, BreakGlassQuota quota) {
        return delegate.createBreakGlass(request, firstRecord, idempotencyKey, quota);
    }

    @Override
    public Optional<AccessRequest> find(String id) {
        return delegate.find(id);
    }

    @Override
    public AccessRequest update(AccessRequest updated, AuditRecord record) {
        return delegate.update(updated, record);
    }

    @Override
    public Page<AccessRequest> listByUser(String user, Optional<RequestState> state, PageRequest page) {
        return delegate.listByUser(user, state, page);
    }

    @Override
    public Page<AccessRequest> listByState(RequestState state, PageRequest page) {
        return delegate.listByState(state, page);
    }

    @Override
    public List<String> findOverdue(Instant now, int limit) {
        return delegate.findOverdue(now, limit);
    }
}
