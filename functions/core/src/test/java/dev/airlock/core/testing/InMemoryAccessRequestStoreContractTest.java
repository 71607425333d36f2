package dev.airlock.core.testing;

import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.AuditLog;

/** The in-memory fake keeps the {@link AccessRequestStoreContract}. */
class InMemoryAccessRequestStoreContractTest extends AccessRequestStoreContract {

    private final InMemoryAuditLog audit = new InMemoryAuditLog(MutableClock.at(T0));
    private final InMemoryAccessRequestStore store = new InMemoryAccessRequestStore(audit);

    @Override
    protected AccessRequestStore store() {
        return store;
    }

    @Override
    protected AuditLog audit() {
        return audit;
    }
}
