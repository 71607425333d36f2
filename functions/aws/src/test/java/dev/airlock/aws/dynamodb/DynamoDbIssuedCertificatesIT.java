package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.port.IssuedCertificateRecord;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.core.storage.TableSchema;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.InvalidRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit table's sparse by-holder index: a user's issuance records, latest expiry first, signed cursors. */
class DynamoDbIssuedCertificatesIT {

    private static final Instant NOW = TestRequests.T0.plus(Duration.ofHours(1));

    private DynamoDbFixture fixture;
    private DynamoDbAuditLog audit;
    private DynamoDbIssuedCertificates lookup;

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
        audit = new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC());
        lookup = new DynamoDbIssuedCertificates(fixture.client(), fixture.tables(), fixture.cursors());
    }

    @Test
    void listByHolder_readsOnlyTheHoldersUnexpiredIssuanceRecords_latestExpiryFirst() {
        issue("bob", "1", NOW.minusSeconds(60));          // expired
        issue("bob", "2", NOW.plusSeconds(600));
        issue("bob", "3", NOW.plusSeconds(3600));
        issue("alice", "4", NOW.plusSeconds(3600));
        audit.append(AuditChains.forUser("bob"), "bob", AuditAction.CERTIFICATE_REVOKED,
                Map.of("serial", "2", "validBefore", NOW.plusSeconds(600).toString(), "reason", ""));

        Page<IssuedCertificateRecord> unexpired = lookup.listByHolder("bob", Optional.of(NOW), PageRequest.first(10));
        Page<IssuedCertificateRecord> all = lookup.listByHolder("bob", Optional.empty(), PageRequest.first(10));

        assertThat(unexpired.items()).extracting(IssuedCertificateRecord::serial).containsExactly("3", "2");
        assertThat(all.items()).extracting(IssuedCertificateRecord::serial).containsExactly("3", "2", "1");
        assertThat(all.items().get(0).principals()).containsExactly("bob");
        assertThat(all.items().get(0).validAfter()).isEqualTo(NOW.minusSeconds(60));
        assertThat(lookup.listByHolder("carol", Optional.empty(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void listByHolder_followsCursorsToTheEnd_keepingTheFirstPagesInstant() {
        for (int i = 1; i <= 5; i++) {
            issue("bob", Integer.toString(i), NOW.plusSeconds(60L * i));
        }
        List<String> seen = new ArrayList<>();
        PageRequest page = PageRequest.first(2);
        for (int calls = 0; calls < 10; calls++) {
            // a later instant on later pages changes nothing: the cursor carries the first page's
            Page<IssuedCertificateRecord> result = lookup.listByHolder("bob",
                    Optional.of(NOW.plusSeconds(calls * 1000L)), page);
            result.items().forEach(c -> seen.add(c.serial()));
            if (result.nextCursor().isEmpty()) {
                break;
            }
            page = new PageRequest(2, result.nextCursor());
        }
        assertThat(seen).containsExactly("5", "4", "3", "2", "1");
    }

    @Test
    void listByHolder_refusesACursorOfAnotherHolderOrAnAlteredOne() {
        for (int i = 1; i <= 3; i++) {
            issue("bob", Integer.toString(i), NOW.plusSeconds(60L * i));
        }
        String cursor = lookup.listByHolder("bob", Optional.of(NOW), PageRequest.first(1)).nextCursor().orElseThrow();

        assertThatThrownBy(() -> lookup.listByHolder("alice", Optional.of(NOW), new PageRequest(1, Optional.of(cursor))))
                .isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "invalid_cursor");
        assertThatThrownBy(() -> lookup.listByHolder("bob", Optional.empty(), new PageRequest(1, Optional.of(cursor))))
                .isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "invalid_cursor");
        String altered = (cursor.charAt(3) == 'A' ? "B" : "A");
        String edited = cursor.substring(0, 3) + altered + cursor.substring(4);
        assertThatThrownBy(() -> lookup.listByHolder("bob", Optional.of(NOW), new PageRequest(1, Optional.of(edited))))
                .isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "invalid_cursor");
    }

    /** Tables created before the by-holder index existed (an old .airlock/data) are reported, not silently used. */
    @Test
    void missingIndexes_namesTheIndexAnOldTableLacks() {
        TableSchema oldAudit = new TableSchema(Tables.AUDIT.logicalName(), Tables.AUDIT.partitionKey(),
                Tables.AUDIT.sortKey(), Tables.AUDIT.indexes().stream()
                .filter(i -> !i.name().equals(Tables.AUDIT_BY_HOLDER)).toList(), Tables.AUDIT.ttlAttribute());
        fixture.client().createTable(TableBootstrap.createTableRequest(oldAudit, "old-audit"));
        TableBootstrap bootstrap = new TableBootstrap(fixture.client());

        assertThat(bootstrap.missingIndexes(new TableNames(fixture.tables().requests(), "old-audit")))
                .containsExactly("old-audit/" + Tables.AUDIT_BY_HOLDER);
        assertThat(bootstrap.missingIndexes(fixture.tables())).isEmpty();
    }

    private void issue(String holder, String serial, Instant validBefore) {
        audit.append(AuditChains.forUser(holder), holder, AuditAction.CERTIFICATE_ISSUED, Map.of("serial", serial,
                "keyId", "user=" + holder, "roles", "contractor", "principals", holder,
                "validAfter", NOW.minusSeconds(60).toString(), "validBefore", validBefore.toString()));
    }
}
