package dev.airlock.core.testing;

import dev.airlock.core.audit.AuditRecord;
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

/** The fake keeps the adapter's contract: otherwise the use-case tests would prove nothing. */
class InMemoryAccessRequestStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final InMemoryAuditLog audit = new InMemoryAuditLog(MutableClock.at(T0));
    private final InMemoryAccessRequestStore store = new InMemoryAccessRequestStore(audit);

    @Test
    void update_shouldWriteOnlyAtTheReadVersion_andStoreTheNextVersion() {
        AccessRequest created = create("bob", T0);
        AccessRequest written = touch(created);
        assertThat(written.version()).isEqualTo(1);

        assertThatThrownBy(() -> touch(created)) // stale: read at version 0
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "version_conflict");

        assertThat(store.find(created.id())).contains(written);
        assertThat(audit.read(chain(created))).hasSize(2);
    }

    @Test
    void update_shouldRefuseATakenAuditSequence_andChangeNothing() {
        AccessRequest created = create("bob", T0);
        audit.put(next(created, "sneaked.in")); // seq 2 taken behind the store's back

        assertThatThrownBy(() -> touch(created))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "audit_seq_taken");

        assertThat(store.find(created.id())).contains(created);
    }

    @Test
    void update_shouldRefuseARecordThatIsNotTheRequestsNewHead() {
        AccessRequest created = create("bob", T0);
        AuditRecord record = next(created, "test.touch");

        assertThatThrownBy(() -> store.update(created, record)).isInstanceOf(IllegalArgumentException.class);
        assertThat(audit.read(chain(created))).hasSize(1);
    }

    @Test
    void create_shouldRefuseAnExistingId_andReplayAnIdempotencyKey() {
        AccessRequest created = create("bob", T0);
        AuditRecord first = TestAuditRecords.next(AuditHead.GENESIS, chain(created), T0, "bob", "request.created", Map.of());

        assertThatThrownBy(() -> store.create(created.withAuditHead(first.head()), first, Optional.empty()))
                .isInstanceOf(ConflictException.class);

        AccessRequest keyed = create("bob", T0, Optional.of("k"));
        assertThat(create("bob", T0, Optional.of("k"))).isEqualTo(keyed);
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void listByUser_shouldPageNewestFirst_withACursorBoundToTheQuery() {
        AccessRequest older = create("bob", T0);
        AccessRequest newer = create("bob", T0.plusSeconds(1));
        create("carol", T0.plusSeconds(2));

        Page<AccessRequest> first = store.listByUser("bob", Optional.empty(), PageRequest.first(1));
        Page<AccessRequest> second = store.listByUser("bob", Optional.empty(), new PageRequest(1, first.nextCursor()));

        assertThat(first.items()).containsExactly(newer);
        assertThat(second.items()).containsExactly(older);
        assertThat(second.nextCursor()).isEmpty();
        assertThatThrownBy(() -> store.listByUser("carol", Optional.empty(), new PageRequest(1, first.nextCursor())))
                .isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "invalid_cursor");
        assertThatThrownBy(() -> store.listByState(RequestState.PENDING, new PageRequest(1, Optional.of("x"))))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void findOverdue_shouldSeeOnlyOpenRequestsPastTheirDueTime_earliestFirst() {
        AccessRequest later = create("bob", T0.plusSeconds(10));
        AccessRequest earlier = create("carol", T0);
        AccessRequest notDue = create("dave", T0.plusSeconds(3600));
        AccessRequest expired = expire(create("erin", T0));

        assertThat(store.findOverdue(T0.plus(Duration.ofHours(1)).plusSeconds(10), 10))
                .containsExactly(earlier.id(), later.id());
        assertThat(store.findOverdue(T0.plus(Duration.ofHours(1)).plusSeconds(10), 1)).containsExactly(earlier.id());
        assertThat(List.of(notDue.id(), expired.id())).doesNotContainAnyElementsOf(
                store.findOverdue(T0.plus(Duration.ofHours(1)).plusSeconds(10), 10));
    }

    private AccessRequest create(String user, Instant at) {
        return create(user, at, Optional.empty());
    }

    private AccessRequest create(String user, Instant at, Optional<String> key) {
        AccessRequest request = AccessRequest.create(UUID.randomUUID().toString(), user, List.of("dba"), "r", at,
                at.plus(Duration.ofHours(1)), Duration.ofHours(1), Map.of("dba", List.of(Threshold.DEFAULT)));
        AuditRecord first = TestAuditRecords.next(AuditHead.GENESIS, chain(request), at, user, "request.created", Map.of());
        return store.create(request.withAuditHead(first.head()), first, key);
    }

    private AccessRequest touch(AccessRequest read) {
        AuditRecord record = next(read, "test.touch");
        return store.update(read.withAuditHead(record.head()), record);
    }

    private AccessRequest expire(AccessRequest read) {
        AccessRequest expired = read.expire(read.pendingExpiresAt());
        AuditRecord record = next(read, "request.expired");
        return store.update(expired.withAuditHead(record.head()), record);
    }

    private static AuditRecord next(AccessRequest read, String action) {
        return TestAuditRecords.next(read.auditHead(), chain(read), T0, "test", action, Map.of());
    }

    private static String chain(AccessRequest request) {
        return "request#" + request.id();
    }
}
