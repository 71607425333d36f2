package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.IssuedCertificateRecord;
import dev.airlock.core.port.KrlEntry;
import dev.airlock.core.port.KrlSnapshot;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The KRL index in the requests table, the version counter, and the by-serial audit index. */
class DynamoDbRevocationStoreIT {

    private static final Instant NOW = TestRequests.T0.plus(Duration.ofHours(1));

    private DynamoDbFixture fixture;
    private DynamoDbAccessRequestStore requests;
    private DynamoDbRevocationStore revocations;

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
        requests = fixture.store();
        revocations = new DynamoDbRevocationStore(fixture.client(), fixture.tables(), requests);
    }

    @Test
    void updateAndRevoke_commitsRequestAuditEntryAndVersionTogether() {
        AccessRequest approved = create(TestRequests.approvedWithCertificates("bob"));
        AccessRequest revoked = approved.revoke("done", NOW);
        AuditRecord record = TestRequests.next(revoked, "bob", "request.revoked", NOW);
        KrlEntry entry = KrlEntry.forRequest(approved.id(), approved.certificateSerials(),
                approved.accessExpiresAt().orElseThrow());

        revocations.updateAndRevoke(revoked.withAuditHead(record.head()), record, entry);

        assertThat(requests.find(approved.id()).orElseThrow().state()).isEqualTo(RequestState.REVOKED);
        KrlSnapshot snapshot = revocations.unexpired(NOW);
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.entries()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("request#" + approved.id());
            assertThat(e.serials()).containsExactly("1234567890123456789", "42");
        });
        assertThat(revocations.contains(entry.id())).isTrue();
    }

    @Test
    void updateAndRevoke_onAStaleVersion_writesNothing() {
        AccessRequest approved = create(TestRequests.approvedWithCertificates("bob"));
        AccessRequest stale = approved.nextVersion().revoke("done", NOW);
        AuditRecord record = TestRequests.next(stale, "bob", "request.revoked", NOW);

        assertThatThrownBy(() -> revocations.updateAndRevoke(stale.withAuditHead(record.head()), record,
                KrlEntry.forRequest(approved.id(), approved.certificateSerials(), NOW.plusSeconds(60))))
                .isInstanceOf(ConflictException.class);

        assertThat(requests.find(approved.id()).orElseThrow().state()).isEqualTo(RequestState.APPROVED);
        assertThat(revocations.unexpired(NOW)).isEqualTo(new KrlSnapshot(0, List.of(), 1));
    }

    @Test
    void revoke_twice_isAlreadyRevoked_andCountsOnce() {
        KrlEntry entry = KrlEntry.forCertificate("77", NOW.plusSeconds(600));
        revocations.revoke(entry);

        assertThatThrownBy(() -> revocations.revoke(entry))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "already_revoked");
        assertThat(revocations.unexpired(NOW).version()).isEqualTo(1);
    }

    @Test
    void unexpired_readsOnlyUnexpiredRevocations_inOneQuery() {
        for (int i = 1; i <= 30; i++) {
            revocations.revoke(KrlEntry.forCertificate("1" + i, NOW.minusSeconds(i))); // expired
        }
        for (int i = 1; i <= 20; i++) {
            revocations.revoke(KrlEntry.forCertificate("2" + i, NOW.plusSeconds(i)));
        }
        CountingInterceptor counter = new CountingInterceptor();
        try (DynamoDbClient counted = fixture.client(List.of(counter), true)) {
            KrlSnapshot snapshot = new DynamoDbRevocationStore(counted, fixture.tables(),
                    fixture.store(counted, Clock.systemUTC())).unexpired(NOW);

            assertThat(snapshot.entries()).hasSize(20);
            assertThat(snapshot.version()).isEqualTo(50);
            assertThat(snapshot.itemsRead()).isEqualTo(21);
            assertThat(counter.calls("Query")).isEqualTo(1);
            assertThat(counter.queryScanned()).isEqualTo(20);
            assertThat(counter.calls("GetItem")).isEqualTo(1);
        }
    }

    @Test
    void dropExpired_takesEntriesOutOfTheIndex_bumpsTheVersion_andKeepsThemKnown() {
        revocations.revoke(KrlEntry.forCertificate("5", NOW.minusSeconds(1)));
        revocations.revoke(KrlEntry.forCertificate("6", NOW.plusSeconds(1)));

        assertThat(revocations.dropExpired(NOW, 100)).isEqualTo(1);

        assertThat(indexedIds()).containsExactly("krl#certificate#6");
        assertThat(revocations.unexpired(NOW).version()).isEqualTo(3);
        assertThat(revocations.contains("certificate#5")).isTrue();
        assertThat(revocations.dropExpired(NOW, 100)).isZero();
        assertThat(revocations.unexpired(NOW).version()).isEqualTo(3);
    }

    @Test
    void issuedCertificates_findTheIssuanceRecordBySerial() {
        DynamoDbAuditLog audit = new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC());
        audit.append("user#bob", "bob", AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "99", "keyId", "user=bob",
                "roles", "contractor", "validBefore", NOW.toString(), "principals", "bob",
                "validAfter", NOW.minusSeconds(3600).toString()));
        audit.append("user#bob", "bob", AuditAction.CERTIFICATE_REVOKED, Map.of("serial", "99", "reason", ""));
        DynamoDbIssuedCertificates lookup = new DynamoDbIssuedCertificates(fixture.client(), fixture.tables(), fixture.cursors());

        Optional<IssuedCertificateRecord> found = lookup.find("99");

        assertThat(found).contains(new IssuedCertificateRecord("99", "bob", List.of("contractor"), Optional.empty(),
                NOW, "user=bob", List.of("bob"), NOW.minusSeconds(3600)));
        assertThat(lookup.find("98")).isEmpty();
    }

    private AccessRequest create(AccessRequest request) {
        return requests.create(request, TestRequests.created(request), Optional.empty());
    }

    private Set<String> indexedIds() {
        return fixture.client().scan(b -> b.tableName(fixture.tables().requests()).indexName(Tables.REQUESTS_BY_KRL))
                .items().stream().map(item -> item.get(Tables.REQ_ID).s()).collect(Collectors.toSet());
    }
}
