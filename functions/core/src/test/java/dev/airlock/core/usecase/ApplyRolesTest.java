package dev.airlock.core.usecase;

import dev.airlock.core.port.RoleFile;
import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.RoleFileStore;
import dev.airlock.core.testing.FixedRoleCatalog;
import dev.airlock.core.testing.InMemoryAuditLog;
import dev.airlock.core.testing.InMemoryRoleFileStore;
import dev.airlock.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplyRolesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryAuditLog audit = new InMemoryAuditLog(clock);
    private final InMemoryRoleFileStore store = new InMemoryRoleFileStore(audit, clock);
    private final ApplyRoles applyRoles = new ApplyRoles(store);

    @Test
    void apply_shouldStoreTheFileWithItsRolesAppliedRecord() {
        String yaml = FixedRoleCatalog.demoYaml();

        RoleFileStore.Applied applied = applyRoles.apply(yaml, "admin");

        assertThat(applied.version()).isEqualTo(1);
        assertThat(applied.sha256()).isEqualTo(RoleFile.sha256(yaml)).hasSize(64);
        assertThat(applied.roleNames()).contains("dba", "contractor");
        AuditRecord record = audit.read(AuditChains.CONFIG).get(0);
        assertThat(record.knownAction()).contains(AuditAction.ROLES_APPLIED);
        assertThat(record.details()).containsEntry("sha256", applied.sha256()).containsEntry("version", "1");
        assertThat(store.load().orElseThrow().yaml()).isEqualTo(yaml);
    }

    @Test
    void apply_shouldCountVersionsUp() {
        applyRoles.apply(FixedRoleCatalog.demoYaml(), "admin");

        assertThat(applyRoles.apply(FixedRoleCatalog.demoYaml(), "root").version()).isEqualTo(2);
        assertThat(audit.read(AuditChains.CONFIG)).hasSize(2);
    }

    @Test
    void apply_shouldWriteNothingForAFileThatDoesNotParse() {
        assertThatThrownBy(() -> applyRoles.apply("roles: [", "admin"))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(store.load()).isEmpty();
        assertThat(audit.size()).isZero();
    }

    @Test
    void apply_shouldRefuseAnOversizedFileBeforeParsing() {
        String huge = "#".repeat(ApplyRoles.MAX_YAML_BYTES + 1);

        assertThatThrownBy(() -> applyRoles.apply(huge, "admin"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo("role_file_too_large"));
        assertThat(audit.size()).isZero();
    }
}
