package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.Review;
import dev.airlock.domain.request.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sparse, sharded expiry index and the overdue query that reads only what is due. */
class ExpiryIndexIT {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private DynamoDbFixture fixture;
    private DynamoDbAccessRequestStore store;

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
        store = fixture.store();
    }

    @Test
    void index_shouldHoldOnlyOpenRequests() {
        AccessRequest pending = create(TestRequests.pending("alice", NOW));
        AccessRequest approved = create(TestRequests.approved("alice"));
        List<AccessRequest> closed = List.of(TestRequests.denied("alice"), TestRequests.expiredWhilePending("alice"),
                TestRequests.expiredAfterApproval("alice"), TestRequests.revoked("alice"), TestRequests.withdrawn("alice"));
        closed.forEach(this::create);

        assertThat(indexedIds()).containsExactlyInAnyOrder(pending.id(), approved.id());
    }

    @Test
    void update_toAFinalState_shouldRemoveTheRequestFromTheIndex() {
        AccessRequest pending = create(TestRequests.pending("alice", NOW));
        Instant at = NOW.plusSeconds(1);
        AccessRequest denied = pending.applyReview(new Review("bob", Verdict.DENY, "no", at), at);
        AuditRecord record = TestRequests.next(denied, "bob", "review.denied", at);

        store.update(denied.withAuditHead(record.head()), record);

        assertThat(indexedIds()).doesNotContain(pending.id());
        Map<String, AttributeValue> item = fixture.client().getItem(b -> b.tableName(fixture.tables().requests())
                .key(Map.of(Tables.REQ_ID, Attr.s(pending.id())))).item();
        assertThat(item).doesNotContainKeys(Tables.REQ_EXPIRY_SHARD, Tables.REQ_DUE_AT);
    }

    @Test
    void findOverdue_shouldReturnOnlyOverdueRequestsAndReadNothingElse() {
        List<String> overdue = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // pending expiry 1 h after creation: these are due before NOW
            overdue.add(create(TestRequests.pending("alice", NOW.minus(Duration.ofHours(2)).plusSeconds(i))).id());
        }
        for (int i = 0; i < 15; i++) { // open and not yet due
            create(TestRequests.pending("bob", NOW.plusSeconds(i)));
        }
        for (int i = 0; i < 10; i++) { // long past due but final: not in the index
            create(TestRequests.denied("carol"));
        }
        CountingInterceptor counter = new CountingInterceptor();
        try (DynamoDbClient counted = fixture.client(List.of(counter), true)) {
            DynamoDbAccessRequestStore countedStore = fixture.store(counted, Clock.systemUTC());

            List<String> found = countedStore.findOverdue(NOW, 1000);

            assertThat(found).containsExactlyInAnyOrderElementsOf(overdue);
            assertThat(counter.queryItems()).isEqualTo(overdue.size());
            assertThat(counter.queryScanned()).isEqualTo(overdue.size());
            assertThat(counter.calls("Query")).isEqualTo(Tables.EXPIRY_SHARDS);
            assertThat(counter.totalCalls()).isEqualTo(Tables.EXPIRY_SHARDS);
        }
    }

    @Test
    void findOverdue_shouldHonourTheLimitAndTheExactDueTime() {
        Instant created = NOW.minus(Duration.ofHours(1)); // due exactly at NOW
        AccessRequest dueNow = create(TestRequests.pending("alice", created));
        AccessRequest dueLater = create(TestRequests.pending("alice", created.plusMillis(1))); // due NOW + 1 ms
        for (int i = 0; i < 5; i++) {
            create(TestRequests.pending("bob", NOW.minus(Duration.ofHours(3)).plusSeconds(i)));
        }

        assertThat(store.findOverdue(NOW, 1000)).contains(dueNow.id()).doesNotContain(dueLater.id()).hasSize(6);
        assertThat(store.findOverdue(NOW.plusSeconds(1), 1000)).contains(dueLater.id()).hasSize(7);
        assertThat(store.findOverdue(NOW, 4)).hasSize(4);
        assertThatThrownBy(() -> store.findOverdue(NOW, 0)).isInstanceOf(InvalidRequestException.class);
    }

    private AccessRequest create(AccessRequest request) {
        return store.create(request, TestRequests.created(request), Optional.empty());
    }

    /** Every id in the expiry index, read shard by shard straight from DynamoDB. */
    private Set<String> indexedIds() {
        ScanResponse scan = fixture.client().scan(b -> b.tableName(fixture.tables().requests())
                .indexName(Tables.REQUESTS_BY_EXPIRY));
        return scan.items().stream().map(item -> item.get(Tables.REQ_ID).s()).collect(Collectors.toSet());
    }
}
