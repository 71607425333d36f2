package dev.airlock.core.testing;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.NotificationConfigStore;
import dev.airlock.core.port.NotificationFile;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * TEST ONLY: the notification routing file in memory, audited on the {@code config} chain of an
 * {@link InMemoryAuditLog} as the DynamoDB adapter does (the file and its record together, or neither).
 */
public final class InMemoryNotificationConfigStore implements NotificationConfigStore {

    private final InMemoryAuditLog audit;
    private final Clock clock;
    private StoredNotifications stored;

    public InMemoryNotificationConfigStore(InMemoryAuditLog audit, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Optional<StoredNotifications> load() {
        return Optional.ofNullable(stored);
    }

    @Override
    public synchronized Applied save(NotificationFile file, String actor) {
        long version = stored == null ? 1 : stored.version() + 1;
        AuditRecord record = AuditRecord.next(audit.head(AuditChains.CONFIG), AuditChains.CONFIG, clock.instant(),
                actor, AuditAction.NOTIFICATIONS_APPLIED, file.auditDetails(version));
        audit.put(record);
        stored = new StoredNotifications(file.yaml(), file.sha256(), version, actor, record.at());
        return new Applied(version, file.sha256(), record);
    }
}
