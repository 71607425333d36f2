package dev.airlock.core.testing;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.AuditLog;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.AuditHead;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.role.Threshold;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TEST ONLY: the contract of {@link AccessRequestStore}, run against the in-memory fake (core) and the
 * DynamoDB adapter (functions/aws, through the embedded endpoint), so the fake the use-case tests
 * trust cannot drift from the real store. A subclass gives a fresh, empty store per test.
 */
public abstract class AccessRequestStoreContract {

    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** A fresh, empty store (called once per test). */
    protected abstract AccessRequestStore store();

    /** The audit log that reads the store's request chains. */
    protected abstract AuditLog audit();

    @Test
    void create_thenFind_shouldReturnTheRequestAndItsFirstRecord() {
        AccessRequest created = create("bob", T0, Optional.empty());

        assertThat(store().find(created.id())).contains(created);
        assertThat(audit().read(AuditChains.forRequest(created.id())))
                .extracting(AuditRecord::seq, AuditRecord::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "request.created"));
        assertThat(store().find(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void create_shouldRefuseAnExistingIdWithDuplicateId() {
        AccessRequest created = create("bob", T0, Optional.empty());
        AuditRecord again = AuditRecord.next(AuditHead.GENESIS, AuditChains.forRequest(created.id()), T0, "bob",
                AuditAction.REQUEST_CREATED, Map.of());

        assertThatThrownBy(() -> store().create(created.withAuditHead(again.head()), again, Optional.empty()))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "duplicate_id");
    }

    @Test
    void create_shouldReplayARepeatedIdempotencyKeyOfTheSameUser() {
        AccessRequest keyed = create("bob", T0, Optional.of("k-1"));

        AccessRequest replayed = create("bob", T0.plusSeconds(1), Optional.of("k-1"));
        AccessRequest otherUser = create("carol", T0.plusSeconds(2), Optional.of("k-1"));

        assertThat(replayed).isEqualTo(keyed);
        assertThat(otherUser.id()).isNotEqualTo(keyed.id());
        assertThat(store().listByUser("bob", Optional.empty(), PageRequest.first(10)).items()).containsExactly(keyed);
    }

    @Test
    void update_shouldWriteOnlyAtTheReadVersion_andStoreTheNextVersion() {
        AccessRequest created = create("bob", T0, Optional.empty());
        AccessRequest written = expire(created);

        assertThat(written.version()).isEqualTo(created.version() + 1);
        assertThat(written.state()).isEqualTo(RequestState.EXPIRED);
        assertThatThrownBy(() -> expire(created)) // stale: read at the old version
                .isInstanceOf(ConflictException.class);
        assertThat(store().find(created.id())).contains(written);
        assertThat(audit().read(AuditChains.forRequest(created.id()))).hasSize(2);
    }

    @Test
    void listByUser_shouldPageNewestFirst_withACursorBoundToTheQuery() {
        AccessRequest older = create("bob", T0, Optional.empty());
        AccessRequest newer = create("bob", T0.plusSeconds(1), Optional.empty());
        create("carol", T0.plusSeconds(2), Optional.empty());

        Page<AccessRequest> first = store().listByUser("bob", Optional.empty(), PageRequest.first(1));
        Page<AccessRequest> second = store().listByUser("bob", Optional.empty(), new PageRequest(1, first.nextCursor()));

        assertThat(first.items()).containsExactly(newer);
        assertThat(second.items()).containsExactly(older);
        second.nextCursor().ifPresent(cursor -> { // a full page may not know that nothing follows
            Page<AccessRequest> third = store().listByUser("bob", Optional.empty(), new PageRequest(1, Optional.of(cursor)));
            assertThat(third.items()).isEmpty();
            assertThat(third.nextCursor()).isEmpty();
        });
        assertThatThrownBy(() -> store().listByUser("carol", Optional.empty(), new PageRequest(1, first.nextCursor())))
                .isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "invalid_cursor");
    }

    @Test
    void listByState_shouldHoldOnlyRequestsInThatState() {
        AccessRequest pending = create("bob", T0, Optional.empty());
        AccessRequest expired = expire(create("carol", T0.plusSeconds(1), Optional.empty()));

        assertThat(store().listByState(RequestState.PENDING, PageRequest.first(10)).items()).containsExactly(pending);
        assertThat(store().listByState(RequestState.EXPIRED, PageRequest.first(10)).items()).containsExactly(expired);
    }

    @Test
    void findOverdue_shouldSeeOnlyOpenRequestsPastTheirDueTime_upToTheLimit() {
        AccessRequest later = create("bob", T0.plusSeconds(10), Optional.empty());
        AccessRequest earlier = create("carol", T0, Optional.empty());
        AccessRequest notDue = create("dave", T0.plusSeconds(3600), Optional.empty());
        AccessRequest expired = expire(create("erin", T0, Optional.empty()));
        Instant now = T0.plus(Duration.ofHours(1)).plusSeconds(10);

        assertThat(store().findOverdue(now, 10)).containsExactlyInAnyOrder(earlier.id(), later.id());
        assertThat(store().findOverdue(now, 1)).hasSize(1).isSubsetOf(earlier.id(), later.id());
        assertThat(store().findOverdue(now, 10)).doesNotContain(notDue.id(), expired.id());
    }

    /** A new PENDING request for {@code dba}, open for an hour from {@code at}. */
    protected AccessRequest create(String user, Instant at, Optional<String> key) {
        AccessRequest request = AccessRequest.create(UUID.randomUUID().toString(), user, List.of("dba"), "r", at,
                at.plus(Duration.ofHours(1)), Duration.ofHours(1), Map.of("dba", List.of(Threshold.DEFAULT)));
        AuditRecord first = AuditRecord.next(AuditHead.GENESIS, AuditChains.forRequest(request.id()), at, user,
                AuditAction.REQUEST_CREATED, Map.of());
        return store().create(request.withAuditHead(first.head()), first, key);
    }

    /** The sweep's change: {@code read} expired, at its version. */
    protected AccessRequest expire(AccessRequest read) {
        AccessRequest expired = read.expire(read.pendingExpiresAt());
        AuditRecord record = AuditRecord.next(read.auditHead(), AuditChains.forRequest(read.id()),
                read.pendingExpiresAt(), "system", AuditAction.REQUEST_EXPIRED, Map.of());
        return store().update(expired.withAuditHead(record.head()), record);
    }
}
