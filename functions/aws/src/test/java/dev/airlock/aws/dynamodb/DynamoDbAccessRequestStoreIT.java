package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Review;
import dev.airlock.domain.request.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Create, read and update through the embedded DynamoDB endpoint. */
class DynamoDbAccessRequestStoreIT {

    private DynamoDbFixture fixture;
    private DynamoDbAccessRequestStore store;
    private DynamoDbAuditLog audit;

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
        store = fixture.store();
        audit = new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC());
    }

    static List<AccessRequest> newShapes() {
        return RequestItemMapperTest.everyShape().filter(r -> r.version() == 0).toList();
    }

    @ParameterizedTest
    @MethodSource("newShapes")
    void create_thenFind_shouldRoundTripEveryShape(AccessRequest request) {
        AuditRecord first = TestRequests.created(request);

        AccessRequest stored = store.create(request, first, Optional.empty());

        assertThat(stored).isEqualTo(request.withAuditHead(first.head()));
        assertThat(store.find(request.id())).contains(stored);
        assertThat(audit.read(AuditChains.forRequest(request.id()))).containsExactly(first);
    }

    @Test
    void update_shouldStoreTheNextVersionAndAppendTheRecordTogether() {
        AccessRequest created = create(TestRequests.pending("alice", TestRequests.T0));
        Instant at = TestRequests.T0.plusSeconds(5);
        AccessRequest reviewed = created.applyReview(new Review("bob", Verdict.APPROVE, "fine", at), at);
        AuditRecord record = TestRequests.next(reviewed, "bob", "review.approved", at);

        AccessRequest stored = store.update(reviewed.withAuditHead(record.head()), record);

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.state()).isEqualTo(RequestState.APPROVED);
        assertThat(store.find(created.id())).contains(stored);
        assertThat(audit.read(AuditChains.forRequest(created.id()))).hasSize(2).last().isEqualTo(record);
    }

    @Test
    void update_withAStaleVersion_shouldConflictAndWriteNothing() {
        AccessRequest created = create(TestRequests.pending("alice", TestRequests.T0));
        AccessRequest first = updateWithCertificateFreeChange(created, "carol");

        AuditRecord stale = TestRequests.next(created, "dave", "request.noted", TestRequests.T0.plusSeconds(9));

        assertThatThrownBy(() -> store.update(created.withAuditHead(stale.head()), stale))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(DynamoDbAccessRequestStore.VERSION_CONFLICT));
        assertThat(store.find(created.id())).contains(first);
        assertThat(audit.read(AuditChains.forRequest(created.id()))).hasSize(2)
                .noneMatch(r -> r.actor().equals("dave"));
    }

    @Test
    void update_whenTheStoredHeadIsNotTheRecordsPredecessor_shouldConflictAndWriteNothing() {
        AccessRequest created = create(TestRequests.pending("alice", TestRequests.T0));
        fixture.client().updateItem(b -> b.tableName(fixture.tables().requests())
                .key(Map.of(Tables.REQ_ID, Attr.s(created.id())))
                .updateExpression("SET auditHash = :h")
                .expressionAttributeValues(Map.of(":h", Attr.s("c".repeat(64)))));
        AuditRecord record = TestRequests.next(created, "bob", "request.noted", TestRequests.T0.plusSeconds(1));

        // ReturnValuesOnConditionCheckFailure=ALL_OLD lets the store tell this from a version race.
        assertThatThrownBy(() -> store.update(created.withAuditHead(record.head()), record))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(DynamoDbAccessRequestStore.AUDIT_CONFLICT));
        assertThat(audit.read(AuditChains.forRequest(created.id()))).hasSize(1);
        assertThat(store.find(created.id()).orElseThrow().version()).isZero();
    }

    @Test
    void concurrentCreates_withOneIdempotencyKey_shouldStoreOneRequest() throws Exception {
        int threads = 8;
        List<AccessRequest> candidates = IntStream.range(0, threads)
                .mapToObj(i -> TestRequests.pending("gina", TestRequests.T0.plusSeconds(i))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Object> results = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (AccessRequest candidate : candidates) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return store.create(candidate, TestRequests.created(candidate), Optional.of("same"));
                    } catch (ConflictException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();
            for (Future<Object> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        List<AccessRequest> stored = candidates.stream().map(c -> store.find(c.id())).flatMap(Optional::stream).toList();
        assertThat(stored).hasSize(1);
        assertThat(results).allSatisfy(r -> assertThat(r).isIn(stored.get(0), DynamoDbAccessRequestStore.TRANSACTION_CONFLICT));
        assertThat(results).contains(stored.get(0));
    }

    @Test
    void update_ofAMissingRequest_shouldBeNotFound() {
        AccessRequest never = TestRequests.pending("alice", TestRequests.T0);
        AccessRequest headed = never.withAuditHead(TestRequests.created(never).head());
        AuditRecord record = TestRequests.next(headed, "bob", "review.approved", TestRequests.T0.plusSeconds(1));

        assertThatThrownBy(() -> store.update(headed.withAuditHead(record.head()), record))
                .isInstanceOf(NotFoundException.class);
        assertThat(audit.read(AuditChains.forRequest(never.id()))).isEmpty();
    }

    @Test
    void update_shouldRefuseARecordThatIsNotTheRequestsHead() {
        AccessRequest created = create(TestRequests.pending("alice", TestRequests.T0));
        AuditRecord record = TestRequests.next(created, "bob", "review.approved", TestRequests.T0.plusSeconds(1));

        assertThatThrownBy(() -> store.update(created, record)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auditHead");
    }

    @Test
    void create_withAnExistingId_shouldConflictAsDuplicateId() {
        AccessRequest created = create(TestRequests.pending("alice", TestRequests.T0));

        assertThatThrownBy(() -> store.create(created, TestRequests.created(created), Optional.empty()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo(DynamoDbAccessRequestStore.DUPLICATE_ID));
    }

    @Test
    void create_withARepeatedIdempotencyKey_shouldReturnTheEarlierRequestAndWriteNothing() {
        AccessRequest first = TestRequests.pending("alice", TestRequests.T0);
        AccessRequest second = TestRequests.pending("alice", TestRequests.T0.plusSeconds(1));
        AccessRequest stored = store.create(first, TestRequests.created(first), Optional.of("key-1"));

        AccessRequest again = store.create(second, TestRequests.created(second), Optional.of("key-1"));

        assertThat(again).isEqualTo(stored);
        assertThat(store.find(second.id())).isEmpty();
        assertThat(audit.read(AuditChains.forRequest(second.id()))).isEmpty();
    }

    @Test
    void create_withTheSameKeyForAnotherUser_shouldCreateBoth() {
        AccessRequest alices = TestRequests.pending("alice", TestRequests.T0);
        AccessRequest bobs = TestRequests.pending("bob", TestRequests.T0);

        store.create(alices, TestRequests.created(alices), Optional.of("shared"));
        AccessRequest stored = store.create(bobs, TestRequests.created(bobs), Optional.of("shared"));

        assertThat(stored.id()).isEqualTo(bobs.id());
        assertThat(store.find(alices.id())).isPresent();
        assertThat(store.find(bobs.id())).isPresent();
    }

    @Test
    void create_withAMalformedIdempotencyKey_shouldBeInvalidAndWriteNothing() {
        AccessRequest request = TestRequests.pending("alice", TestRequests.T0);

        for (String key : List.of("", "has space", "has#hash", "x".repeat(129))) {
            assertThatThrownBy(() -> store.create(request, TestRequests.created(request), Optional.of(key)))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.code()).isEqualTo("invalid_idempotency_key"));
        }
        assertThat(store.find(request.id())).isEmpty();
    }

    @Test
    void find_shouldOnlyResolveRequestIds() {
        new RoleConfigStore(fixture.client(), fixture.tables(), Clock.systemUTC())
                .apply(TestRoles.text("reviewers.yaml"), "admin");

        assertThat(store.find(RoleConfigStore.ITEM_ID)).isEmpty();
        assertThat(store.find("not-a-uuid")).isEmpty();
        assertThat(store.find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void idempotencyItem_shouldCarryATtlAndNoIndexAttributes() {
        AccessRequest request = TestRequests.pending("alice", TestRequests.T0);
        Instant before = Instant.now();
        store.create(request, TestRequests.created(request), Optional.of("k"));

        Map<String, AttributeValue> item = fixture.client().getItem(b -> b.tableName(fixture.tables().requests())
                .key(Map.of(Tables.REQ_ID, Attr.s("idem#alice#k")))).item();

        assertThat(item).containsKeys(Tables.REQ_TTL, IdempotencyItems.REQUEST_ID)
                .doesNotContainKeys(Tables.REQ_STATE, Tables.REQ_USER, Tables.REQ_EXPIRY_SHARD, Tables.REQ_CREATED_KEY);
        long ttl = Long.parseLong(item.get(Tables.REQ_TTL).n());
        assertThat(ttl).isBetween(before.plus(IdempotencyItems.LIFETIME).getEpochSecond() - 1,
                Instant.now().plus(IdempotencyItems.LIFETIME).getEpochSecond() + 1);
    }

    private AccessRequest create(AccessRequest request) {
        return store.create(request, TestRequests.created(request), Optional.empty());
    }

    /** One accepted change that leaves the state alone (the store does not judge transitions). */
    private AccessRequest updateWithCertificateFreeChange(AccessRequest current, String actor) {
        AuditRecord record = TestRequests.next(current, actor, "request.noted", TestRequests.T0.plusSeconds(3));
        return store.update(current.withAuditHead(record.head()), record);
    }
}
