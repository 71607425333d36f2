package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.AuditVerifier;
import dev.airlock.core.notify.NotificationConfigParser;
import dev.airlock.core.port.NotificationConfigStore;
import dev.airlock.core.port.RoleFile;
import dev.airlock.domain.error.InvalidRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationConfigItemStoreIT {

    static final String ROUTING = """
            targets:
              ops: {type: webhook, url_secret: ops-url, signing_secret: ops-key}
            routes:
              - events: ["*"]
                targets: [ops]
            """;

    private DynamoDbFixture fixture;
    private NotificationConfigItemStore store;
    private DynamoDbAuditLog audit;

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
        store = new NotificationConfigItemStore(fixture.client(), fixture.tables(), Clock.systemUTC());
        audit = new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC());
    }

    @Test
    void apply_shouldStoreTheFileAndAuditItOnTheConfigChain_besideTheRoleFile() {
        new RoleConfigStore(fixture.client(), fixture.tables(), Clock.systemUTC())
                .apply(TestRoles.text("reviewers.yaml"), "admin");

        NotificationConfigStore.Applied applied = store.apply(ROUTING, "ops-admin");

        assertThat(applied.version()).isEqualTo(1);
        NotificationConfigStore.StoredNotifications stored = store.load().orElseThrow();
        assertThat(stored.yaml()).isEqualTo(ROUTING);
        assertThat(stored.sha256()).isEqualTo(RoleFile.sha256(ROUTING));
        assertThat(stored.appliedBy()).isEqualTo("ops-admin");
        List<AuditRecord> config = audit.read(AuditChains.CONFIG);
        assertThat(config).extracting(AuditRecord::action)
                .containsExactly(AuditAction.ROLES_APPLIED.wire(), AuditAction.NOTIFICATIONS_APPLIED.wire());
        assertThat(config.get(1).details()).containsEntry("sha256", stored.sha256())
                .containsEntry("targets", "1").containsEntry("routes", "1").containsEntry("version", "1");
        assertThat(new AuditVerifier().verify(new AuditSnapshotReader(fixture.client(), fixture.tables()).read())
                .breaks()).isEmpty();
        assertThat(store.apply(ROUTING, "ops-admin").version()).isEqualTo(2);
    }

    @Test
    void apply_anInvalidFile_shouldWriteNothing() {
        assertThatThrownBy(() -> store.apply("targets: {ops: {type: pager}}", "admin"))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo(NotificationConfigParser.CODE);

        assertThat(store.load()).isEmpty();
        assertThat(audit.read(AuditChains.CONFIG)).isEmpty();
    }
}
