package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditReport;
import dev.airlock.core.audit.AuditVerifier;

import dev.airlock.core.audit.AuditBreak.Kind;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.request.AccessRequest;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Real chains written by the store and the audit log, then tampered with through the raw SDK (as an
 * attacker holding table write access would): the verifier names every break by chain, seq and kind.
 */
class AuditTamperIT {

    private DynamoDbFixture fixture;
    private DynamoDbClient raw;
    private DynamoDbAccessRequestStore store;
    private AccessRequest request;
    private String chain;

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
        raw = fixture.client();
        store = fixture.store();
        AccessRequest current = TestRequests.storeApproved(store, "alice"); // records 1 and 2
        for (int i = 1; i <= 3; i++) { // records 3..5
            current = TestRequests.addCertificate(store, current, "serial-" + i);
        }
        request = current;
        chain = AuditChains.forRequest(request.id());
        DynamoDbAuditLog audit = new DynamoDbAuditLog(raw, fixture.tables(), Clock.systemUTC());
        audit.append(AuditChains.CA, "system", AuditAction.CERTIFICATE_ISSUED, Map.of());
        audit.append(AuditChains.CA, "alice", AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "1"));
        new RoleConfigStore(raw, fixture.tables(), Clock.systemUTC()).apply(TestRoles.text("reviewers.yaml"), "admin");
    }

    @Test
    void untouchedTables_shouldVerify() {
        AuditReport report = verify();

        assertThat(report.breaks()).isEmpty();
        assertThat(report.chains()).isEqualTo(3);
        assertThat(report.records()).isEqualTo(5 + 2 + 1);
    }

    @Test
    void anEditedRecord_shouldBeNamedModified() {
        raw.updateItem(b -> b.tableName(fixture.tables().audit()).key(auditKey(chain, 3))
                .updateExpression("SET actor = :actor")
                .expressionAttributeValues(Map.of(":actor", s("mallory"))));

        assertThat(breaks()).containsExactly(tuple(chain, 3L, Kind.MODIFIED));
    }

    @Test
    void aDeletedRecord_shouldBeNamedDeleted() {
        raw.deleteItem(b -> b.tableName(fixture.tables().audit()).key(auditKey(chain, 2)));

        assertThat(breaks()).containsExactly(tuple(chain, 2L, Kind.DELETED));
    }

    @Test
    void aDeletedTail_shouldBeNamedMissingTail() {
        raw.deleteItem(b -> b.tableName(fixture.tables().audit()).key(auditKey(chain, 5)));
        raw.deleteItem(b -> b.tableName(fixture.tables().audit()).key(auditKey(AuditChains.CA, 2)));

        assertThat(breaks()).containsExactly(tuple(AuditChains.CA, 2L, Kind.MISSING_TAIL),
                tuple(chain, 0L, Kind.SERIAL_WITHOUT_RECORD), tuple(chain, 5L, Kind.MISSING_TAIL));
    }

    @Test
    void swappedRecords_shouldBeNamedReordered() {
        Map<String, AttributeValue> second = auditItem(chain, 2);
        Map<String, AttributeValue> third = auditItem(chain, 3);
        raw.putItem(b -> b.tableName(fixture.tables().audit()).item(withSeq(third, 2)));
        raw.putItem(b -> b.tableName(fixture.tables().audit()).item(withSeq(second, 3)));

        assertThat(breaks()).containsExactly(tuple(chain, 2L, Kind.REORDERED), tuple(chain, 3L, Kind.REORDERED));
    }

    @Test
    void aRewrittenRequestHead_shouldBeNamedHeadMismatch() {
        raw.updateItem(b -> b.tableName(fixture.tables().requests())
                .key(Map.of(Tables.REQ_ID, s(request.id())))
                .updateExpression("SET auditHash = :hash")
                .expressionAttributeValues(Map.of(":hash", s("0".repeat(63) + "1"))));

        assertThat(breaks()).containsExactly(tuple(chain, 5L, Kind.HEAD_MISMATCH));
    }

    @Test
    void aDeletedRequest_shouldLeaveItsRecordsNamedOrphans() {
        raw.deleteItem(b -> b.tableName(fixture.tables().requests()).key(Map.of(Tables.REQ_ID, s(request.id()))));

        assertThat(breaks()).containsExactly(tuple(chain, 1L, Kind.ORPHAN_CHAIN));
    }

    @Test
    void anEditedRoleFile_shouldBeNamedConfigMismatch() {
        raw.updateItem(b -> b.tableName(fixture.tables().requests())
                .key(Map.of(Tables.REQ_ID, s(RoleConfigStore.ITEM_ID)))
                .updateExpression("SET yaml = :yaml")
                .expressionAttributeValues(Map.of(":yaml", s("kind: role\n"))));

        assertThat(breaks()).containsExactly(tuple(AuditChains.CONFIG, 0L, Kind.CONFIG_MISMATCH));
    }

    @Test
    void everyBreakAtOnce_shouldAllBeNamed() {
        raw.deleteItem(b -> b.tableName(fixture.tables().audit()).key(auditKey(chain, 2)));
        raw.updateItem(b -> b.tableName(fixture.tables().audit()).key(auditKey(AuditChains.CA, 1))
                .updateExpression("SET details = :d")
                .expressionAttributeValues(Map.of(":d", AttributeValue.builder().m(Map.of("forged", s("yes"))).build())));
        raw.deleteItem(b -> b.tableName(fixture.tables().audit()).key(auditKey(AuditChains.CONFIG, 1)));

        assertThat(breaks()).containsExactly(
                tuple(AuditChains.CA, 1L, Kind.MODIFIED),
                tuple(AuditChains.CONFIG, 0L, Kind.CONFIG_MISMATCH),
                tuple(AuditChains.CONFIG, 1L, Kind.MISSING_TAIL),
                tuple(chain, 2L, Kind.DELETED));
    }

    private AuditReport verify() {
        return new AuditVerifier().verify(new AuditSnapshotReader(raw, fixture.tables()).read());
    }

    private List<Tuple> breaks() {
        return verify().breaks().stream().map(b -> tuple(b.chain(), b.seq(), b.kind())).toList();
    }

    private Map<String, AttributeValue> auditItem(String chainName, long seq) {
        return raw.getItem(b -> b.tableName(fixture.tables().audit()).key(auditKey(chainName, seq))).item();
    }

    private static Map<String, AttributeValue> withSeq(Map<String, AttributeValue> item, long seq) {
        Map<String, AttributeValue> moved = new HashMap<>(item);
        moved.put(Tables.AUDIT_SEQ, AttributeValue.builder().n(Long.toString(seq)).build());
        return moved;
    }

    private static Map<String, AttributeValue> auditKey(String chainName, long seq) {
        return Map.of(Tables.AUDIT_CHAIN, s(chainName), Tables.AUDIT_SEQ, AttributeValue.builder().n(Long.toString(seq)).build());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
