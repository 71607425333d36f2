package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.port.RoleFileStore;
import dev.airlock.core.port.RoleFile;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditVerifier;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.role.RoleConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleConfigStoreIT {

    private static final String SMALL = """
            kind: role
            version: v1
            metadata:
              name: solo
            spec:
              allow:
                logins: [solo]
            """;

    private DynamoDbFixture fixture;
    private RoleConfigStore store;
    private DynamoDbAuditLog audit;

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
        store = new RoleConfigStore(fixture.client(), fixture.tables(), Clock.systemUTC());
        audit = new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC());
    }

    @Test
    void apply_shouldStoreTheFileAndAuditItInOneGo() {
        String yaml = TestRoles.text("reviewers.yaml");

        RoleFileStore.Applied applied = store.apply(yaml, "admin");

        assertThat(applied.version()).isEqualTo(1);
        assertThat(applied.roleNames()).containsExactly("dba", "dba-reviewer", "requester");
        RoleFileStore.StoredRoles stored = store.load().orElseThrow();
        assertThat(stored.yaml()).isEqualTo(yaml);
        assertThat(stored.sha256()).isEqualTo(RoleFile.sha256(yaml)).isEqualTo(applied.sha256());
        assertThat(stored.appliedBy()).isEqualTo("admin");
        List<AuditRecord> config = audit.read(AuditChains.CONFIG);
        assertThat(config).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(AuditAction.ROLES_APPLIED.wire());
            assertThat(r.actor()).isEqualTo("admin");
            assertThat(r.details()).containsEntry("sha256", stored.sha256())
                    .containsEntry("roles", "dba,dba-reviewer,requester").containsEntry("version", "1");
        });
        assertThat(new AuditVerifier().verify(new AuditSnapshotReader(fixture.client(), fixture.tables()).read())
                .breaks()).isEmpty();
    }

    @Test
    void apply_twice_shouldBumpTheVersionAndExtendTheChain() {
        store.apply(TestRoles.text("reviewers.yaml"), "admin");
        RoleFileStore.Applied second = store.apply(SMALL, "root");

        assertThat(second.version()).isEqualTo(2);
        assertThat(store.load().orElseThrow().yaml()).isEqualTo(SMALL);
        assertThat(audit.read(AuditChains.CONFIG)).extracting(AuditRecord::seq).containsExactly(1L, 2L);
    }

    @Test
    void apply_ofAnInvalidFile_shouldBeRejectedAndWriteNothing() {
        assertThatThrownBy(() -> store.apply(TestRoles.text("invalid.yaml"), "admin"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_role_file"));
        assertThatThrownBy(() -> store.apply("kind: [unclosed", "admin")).isInstanceOf(InvalidRequestException.class);

        assertThat(store.load()).isEmpty();
        assertThat(audit.read(AuditChains.CONFIG)).isEmpty();
        assertThat(fixture.client().scan(b -> b.tableName(fixture.tables().requests())).items()).isEmpty();
    }

    @Test
    void catalog_shouldServeFromItsCacheUntilTheTtlPasses() {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-01T00:00:00Z"));
        store.apply(TestRoles.text("reviewers.yaml"), "admin");
        CountingInterceptor counter = new CountingInterceptor();
        try (DynamoDbClient counted = fixture.client(List.of(counter), true)) {
            DynamoDbRoleCatalog catalog = new DynamoDbRoleCatalog(
                    new RoleConfigStore(counted, fixture.tables(), clock), clock, Duration.ofSeconds(30));

            RoleConfig first = catalog.current();
            store.apply(SMALL, "admin");
            clock.advance(Duration.ofSeconds(29));
            RoleConfig cached = catalog.current();
            long readsWithinTtl = counter.calls("GetItem");
            clock.advance(Duration.ofSeconds(1));
            RoleConfig refreshed = catalog.current();

            assertThat(first.roles().names()).contains("requester");
            assertThat(cached).isSameAs(first);
            assertThat(readsWithinTtl).isEqualTo(1);
            assertThat(refreshed.roles().names()).containsExactly("solo");
            assertThat(counter.calls("GetItem")).isEqualTo(2);
        }
    }

    @Test
    void catalog_shouldFailClearlyWithoutAConfigurationOrWithATamperedOne() {
        DynamoDbRoleCatalog catalog = new DynamoDbRoleCatalog(store, Clock.systemUTC(), Duration.ZERO);

        assertThatThrownBy(catalog::current).isInstanceOfSatisfying(InternalException.class,
                e -> assertThat(e.code()).isEqualTo("roles_not_configured"));

        store.apply(TestRoles.text("reviewers.yaml"), "admin");
        fixture.client().updateItem(b -> b.tableName(fixture.tables().requests())
                .key(Map.of(Tables.REQ_ID, Attr.s(RoleConfigStore.ITEM_ID)))
                .updateExpression("SET #yaml = :yaml")
                .expressionAttributeNames(Map.of("#yaml", RoleConfigStore.YAML))
                .expressionAttributeValues(Map.of(":yaml", Attr.s(SMALL))));

        assertThatThrownBy(catalog::current).isInstanceOfSatisfying(InternalException.class,
                e -> assertThat(e.code()).isEqualTo("roles_corrupt"));
    }
}
