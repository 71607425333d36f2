package dev.airlock.core.port;

import dev.airlock.core.audit.AuditRecord;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the current role file lives. {@link #save} replaces it and appends its
 * {@link dev.airlock.core.audit.AuditAction#ROLES_APPLIED} record to the {@code config} chain in one
 * atomic write, with details {@link RoleFile#auditDetails(long)}: no role file is ever in force without
 * its audit record.
 */
public interface RoleFileStore {

    /** The stored role file as written by {@link #save}. */
    record StoredRoles(String yaml, String sha256, long version, String appliedBy, Instant appliedAt) {
    }

    /** What {@link #save} wrote. */
    record Applied(long version, String sha256, List<String> roleNames, AuditRecord record) {
    }

    /** The stored role file (strongly consistent), empty before the first save. */
    Optional<StoredRoles> load();

    /**
     * Makes {@code file} the current role file (next version), audited as applied by {@code actor}.
     *
     * @throws dev.airlock.domain.error.ConflictException when concurrent saves keep winning
     */
    Applied save(RoleFile file, String actor);
}
