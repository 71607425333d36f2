package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ExpireRequestsTest {

    private final TestAirlock t = TestAirlock.demo();
    private final ExpireRequests sweep = t.airlock().expireRequests();

    @Test
    void run_shouldExpireAPendingRequestPastItsTtl_andAuditItAsTheSystem() {
        AccessRequest pending = request();
        Instant due = pending.pendingExpiresAt();
        t.clock().advance(Duration.ofHours(1).plusSeconds(5));

        SweepResult result = sweep.run();

        assertThat(result).isEqualTo(new SweepResult(1, 1, 0, 0));
        AccessRequest stored = t.store().find(pending.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(RequestState.EXPIRED);
        assertThat(stored.resolvedAt()).contains(due);
        AuditRecord record = last(pending.id());
        assertThat(record.action()).isEqualTo("request.expired");
        assertThat(record.actor()).isEqualTo("system");
        assertThat(record.details()).isEqualTo(Map.of("previousState", "PENDING", "dueAt", due.toString()));
        assertThat(stored.auditHead()).isEqualTo(record.head());
    }

    @Test
    void run_shouldExpireAnApprovedRequestAtTheEndOfItsAccessWindow() {
        AccessRequest pending = request();
        t.airlock().reviewRequest().handle(TestIdentities.alice(), pending.id(), Verdict.APPROVE, "ok");
        t.clock().advance(Duration.ofHours(4).minusSeconds(1));
        assertThat(sweep.run().overdue()).isZero();

        t.clock().advance(Duration.ofSeconds(1));
        SweepResult result = sweep.run();

        assertThat(result.expired()).isEqualTo(1);
        assertThat(t.store().find(pending.id()).orElseThrow().state()).isEqualTo(RequestState.EXPIRED);
        assertThat(last(pending.id()).details()).containsEntry("previousState", "APPROVED");
    }

    @Test
    void run_shouldLeaveRequestsThatAreNotDue_andFinalOnesAlone() {
        AccessRequest withdrawn = request();
        t.airlock().withdrawRequest().handle(TestIdentities.bob(), withdrawn.id());
        AccessRequest pending = request();
        t.clock().advance(Duration.ofMinutes(59));
        int auditBefore = t.audit().size();

        assertThat(sweep.run()).isEqualTo(new SweepResult(0, 0, 0, 0));

        assertThat(t.store().find(pending.id()).orElseThrow().state()).isEqualTo(RequestState.PENDING);
        assertThat(t.audit().size()).isEqualTo(auditBefore);
    }

    @Test
    void run_shouldHandleAtMostABatchPerRun_andRecordEachExpiryOnce() {
        int total = ExpireRequests.MAX_PER_RUN + 5;
        for (int i = 0; i < total; i++) {
            request();
        }
        t.clock().advance(Duration.ofHours(2));

        SweepResult first = sweep.run();
        SweepResult second = sweep.run();
        SweepResult third = sweep.run();

        assertThat(first).isEqualTo(new SweepResult(ExpireRequests.MAX_PER_RUN, ExpireRequests.MAX_PER_RUN, 0, 0));
        assertThat(first.moreWork()).isTrue();
        assertThat(second).isEqualTo(new SweepResult(5, 5, 0, 0));
        assertThat(third).isEqualTo(new SweepResult(0, 0, 0, 0));
        assertThat(third.moreWork()).isFalse();
        assertThat(t.store().all()).allSatisfy(r -> assertThat(r.state()).isEqualTo(RequestState.EXPIRED));
        assertThat(t.audit().all()).filteredOn(r -> r.action().equals("request.expired")).hasSize(total);
        assertThat(t.store().all()).allSatisfy(r -> assertThat(t.audit().verifies("request#" + r.id())).isTrue());
    }

    @Test
    void run_shouldSkipIdsTheIndexStillListsButThatAreFinalOrGone() {
        AccessRequest pending = request();
        t.clock().advance(Duration.ofHours(2));
        assertThat(sweep.run().expired()).isEqualTo(1);
        int auditBefore = t.audit().size();
        // GIVEN an expiry index lagging behind the table (GSIs are eventually consistent)
        ExpireRequests lagging = new ExpireRequests(new DelegatingStore(t.store()) {
            @Override
            public List<String> findOverdue(Instant now, int limit) {
                return List.of(pending.id(), "5d0a7f6e-0000-4000-8000-000000000000");
            }
        }, t.clock());

        SweepResult result = lagging.run();

        assertThat(result).isEqualTo(new SweepResult(2, 0, 2, 0));
        assertThat(t.audit().size()).isEqualTo(auditBefore);
    }

    @Test
    void run_shouldCountALostRace_notThrowIt_andExpireTheRequestOnTheNextRun() {
        AccessRequest raced = request();
        AccessRequest other = request();
        t.clock().advance(Duration.ofHours(2));
        AtomicBoolean once = new AtomicBoolean();
        t.store().beforeUpdate(r -> {
            if (r.id().equals(raced.id()) && once.compareAndSet(false, true)) {
                ConcurrentWrites.touch(t.store(), raced.id());
            }
        });

        SweepResult first = sweep.run();

        assertThat(first).isEqualTo(new SweepResult(2, 1, 0, 1));
        assertThat(t.store().find(other.id()).orElseThrow().state()).isEqualTo(RequestState.EXPIRED);
        assertThat(t.store().find(raced.id()).orElseThrow().state()).isEqualTo(RequestState.PENDING);
        assertThat(sweep.run()).isEqualTo(new SweepResult(1, 1, 0, 0));
        assertThat(t.audit().read("request#" + raced.id())).extracting(AuditRecord::action)
                .containsExactly("request.created", "test.touch", "request.expired");
    }

    private AccessRequest request() {
        return t.airlock().requestAccess()
                .handle(TestIdentities.bob(), NewRequest.of(List.of("dba"), "INC-3"), Optional.empty()).request();
    }

    private AuditRecord last(String id) {
        List<AuditRecord> chain = t.audit().read("request#" + id);
        return chain.get(chain.size() - 1);
    }
}
