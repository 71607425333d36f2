package dev.airlock.core.port;

import dev.airlock.core.audit.AuditRecord;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the notification routing file lives, beside the role file. {@link #save} replaces it and appends
 * its {@link dev.airlock.core.audit.AuditAction#NOTIFICATIONS_APPLIED} record to the {@code config} chain
 * in one atomic write, with details {@link NotificationFile#auditDetails(long)}, as {@link RoleFileStore}
 * does for roles.
 */
public interface NotificationConfigStore {

    /** The stored file as written by {@link #save}. */
    record StoredNotifications(String yaml, String sha256, long version, String appliedBy, Instant appliedAt) {
    }

    /** What {@link #save} wrote. */
    record Applied(long version, String sha256, AuditRecord record) {
    }

    /** The stored file (strongly consistent), empty before the first save. */
    Optional<StoredNotifications> load();

    /**
     * Makes {@code file} the current routing file (next version), audited as applied by {@code actor}.
     *
     * @throws dev.airlock.domain.error.ConflictException when concurrent saves keep winning
     */
    Applied save(NotificationFile file, String actor);
}
