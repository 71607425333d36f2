package dev.airlock.core.testing;

import dev.airlock.core.port.AuditLog;

/** The in-memory fake keeps the {@link AuditLogContract}. */
class InMemoryAuditLogContractTest extends AuditLogContract {

    private final InMemoryAuditLog audit = new InMemoryAuditLog(MutableClock.at(AccessRequestStoreContract.T0));

    @Override
    protected AuditLog audit() {
        return audit;
    }
}
