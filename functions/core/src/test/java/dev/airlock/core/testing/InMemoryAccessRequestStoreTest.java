package dev.airlock.core.testing;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.AuditHead;
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
 * The fake's own strictness beyond {@link AccessRequestStoreContract} (which it keeps, see
 * {@link InMemoryAccessRequestStoreContractTest}): records that do not follow the chain are bugs.
 */
class InMemoryAccessRequestStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final InMemoryAuditLog audit = new InMemoryAuditLog(MutableClock.at(T0));
    private final InMemoryAccessRequestStore store = new InMemoryAccessRequestStore(audit);

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
