package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Review;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewRequestTest {

    private final TestAirlock t = TestAirlock.demo();
    private final ReviewRequest review = t.airlock().reviewRequest();
    private final Identity alice = TestIdentities.alice();
    private final Identity dave = TestIdentities.user("dave", "dba-reviewers");

    @Test
    void handle_shouldApprove_andAuditTheReviewAndTheResolution() {
        AccessRequest pending = request(TestIdentities.bob(), "dba");

        AccessRequest approved = review.handle(alice, pending.id(), Verdict.APPROVE, "ok, 4h");

        assertThat(approved.state()).isEqualTo(RequestState.APPROVED);
        assertThat(approved.accessExpiresAt()).contains(t.clock().instant().plus(Duration.ofHours(4)));
        assertThat(approved.reviews()).extracting(Review::reviewer).containsExactly("alice");
        assertThat(t.store().find(pending.id())).contains(approved);
        AuditRecord record = lastRecord(pending.id());
        assertThat(record.action()).isEqualTo("review.approved");
        assertThat(record.actor()).isEqualTo("alice");
        assertThat(record.details()).containsEntry("verdict", "APPROVE").containsEntry("reason", "ok, 4h")
                .containsEntry("state", "APPROVED").containsEntry("resolution", "request.approved")
                .containsEntry("accessExpiresAt", "2026-11-07T23:38:02.113Z");
        assertThat(approved.auditHead()).isEqualTo(record.head());
    }

    @Test
    void handle_shouldDeny_andAuditTheResolution() {
        AccessRequest pending = request(TestIdentities.bob(), "dba");

        AccessRequest denied = review.handle(alice, pending.id(), Verdict.DENY, "not during the freeze");

        assertThat(denied.state()).isEqualTo(RequestState.DENIED);
        assertThat(denied.resolutionReason()).contains("not during the freeze");
        assertThat(lastRecord(pending.id()).action()).isEqualTo("review.denied");
        assertThat(lastRecord(pending.id()).details()).containsEntry("resolution", "request.denied");
    }

    @Test
    void handle_shouldLeaveThePendingStateAndNoResolution_belowTheThreshold() {
        AccessRequest pending = request(TestIdentities.user("ivy", "interns"), "dba"); // needs two approvals

        AccessRequest reviewed = review.handle(alice, pending.id(), Verdict.APPROVE, null);

        assertThat(reviewed.state()).isEqualTo(RequestState.PENDING);
        assertThat(lastRecord(pending.id()).details()).containsEntry("state", "PENDING").doesNotContainKey("resolution");
    }

    @Test
    void handle_shouldRefuseSelfReview_evenWhenTheCallersRolesCoverTheRequest() {
        Identity carol = TestIdentities.user("carol", "contractors", "dba-reviewers");
        AccessRequest own = request(carol, "dba");

        assertRefusedWithoutWrites(() -> review.handle(carol, own.id(), Verdict.APPROVE, "me"), own,
                AccessDeniedException.class, "self_review");
    }

    @Test
    void handle_shouldRefuseAReviewerWhoseRolesDoNotCoverTheRequest() {
        AccessRequest pending = request(TestIdentities.bob(), "dba");
        Identity clusterReviewer = TestIdentities.user("frank", "cluster-reviewers");

        assertRefusedWithoutWrites(() -> review.handle(clusterReviewer, pending.id(), Verdict.APPROVE, "ok"), pending,
                AccessDeniedException.class, "not_reviewer");
    }

    @Test
    void handle_shouldRefuseASecondReviewBySameReviewer() {
        AccessRequest pending = request(TestIdentities.user("ivy", "interns"), "dba");
        AccessRequest once = review.handle(alice, pending.id(), Verdict.APPROVE, "ok");

        assertRefusedWithoutWrites(() -> review.handle(alice, pending.id(), Verdict.APPROVE, "again"), once,
                ConflictException.class, "already_reviewed");
    }

    @Test
    void handle_shouldRefuseReviewingAResolvedRequest() {
        AccessRequest pending = request(TestIdentities.bob(), "dba");
        AccessRequest approved = review.handle(alice, pending.id(), Verdict.APPROVE, "ok");

        assertRefusedWithoutWrites(() -> review.handle(dave, pending.id(), Verdict.DENY, "late"), approved,
                ConflictException.class, "invalid_state");
    }

    @Test
    void handle_shouldRefuseReviewingAnExpiredRequest_evenBeforeTheSweep() {
        AccessRequest pending = request(TestIdentities.bob(), "dba");
        t.clock().advance(Duration.ofHours(1));

        assertRefusedWithoutWrites(() -> review.handle(alice, pending.id(), Verdict.APPROVE, "ok"), pending,
                ConflictException.class, "invalid_state");
    }

    @Test
    void handle_shouldRefuseBadInput_withClearErrors() {
        AccessRequest pending = request(TestIdentities.bob(), "dba");

        assertThatThrownBy(() -> review.handle(alice, pending.id(), null, "ok"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> review.handle(alice, pending.id(), Verdict.APPROVE, "x".repeat(1025)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> review.handle(alice, "no-such-id", Verdict.APPROVE, "ok"))
                .isInstanceOf(NotFoundException.class);
        assertThat(t.store().find(pending.id())).contains(pending);
    }

    @Test
    void handle_shouldReapplyTheReviewToTheFreshRequest_afterLosingARace() {
        AccessRequest pending = request(TestIdentities.user("ivy", "interns"), "dba");
        AtomicBoolean raced = new AtomicBoolean();
        // GIVEN dave's review lands between alice's read and alice's write
        t.store().beforeUpdate(r -> {
            if (raced.compareAndSet(false, true)) {
                review.handle(dave, pending.id(), Verdict.APPROVE, "dave first");
            }
        });

        // WHEN alice reviews
        AccessRequest result = review.handle(alice, pending.id(), Verdict.APPROVE, "alice second");

        // THEN both reviews count, and the second resolves the request
        assertThat(result.state()).isEqualTo(RequestState.APPROVED);
        assertThat(result.reviews()).extracting(Review::reviewer).containsExactly("dave", "alice");
        assertThat(t.audit().read("request#" + pending.id())).extracting(AuditRecord::action)
                .containsExactly("request.created", "review.approved", "review.approved");
        assertThat(t.audit().verifies("request#" + pending.id())).isTrue();
    }

    @Test
    void handle_shouldGiveUpWithAConflict_afterLosingEveryAttempt() {
        AccessRequest pending = request(TestIdentities.bob(), "dba");
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean inHook = new AtomicBoolean();
        t.store().beforeUpdate(r -> {
            if (inHook.compareAndSet(false, true)) {
                attempts.incrementAndGet();
                ConcurrentWrites.touch(t.store(), pending.id());
                inHook.set(false);
            }
        });

        assertThatThrownBy(() -> review.handle(alice, pending.id(), Verdict.APPROVE, "ok"))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "concurrent_update");

        assertThat(attempts).hasValue(OptimisticUpdate.MAX_ATTEMPTS);
        AccessRequest stored = t.store().find(pending.id()).orElseThrow();
        assertThat(stored.reviews()).isEmpty();
        assertThat(t.audit().read("request#" + pending.id())).extracting(AuditRecord::action)
                .doesNotContain("review.approved");
    }

    @Test
    void handle_shouldResolveARaceBetweenTwoReviewerThreads() throws Exception {
        AccessRequest pending = request(TestIdentities.user("ivy", "interns"), "dba");
        // GIVEN both reviewers have read the request before either writes
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger writes = new AtomicInteger();
        t.store().beforeUpdate(r -> {
            if (writes.incrementAndGet() <= 2) {
                await(bothRead);
            }
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // WHEN they review at the same time
            Future<AccessRequest> byAlice = threads.submit(() -> review.handle(alice, pending.id(), Verdict.APPROVE, "a"));
            Future<AccessRequest> byDave = threads.submit(() -> review.handle(dave, pending.id(), Verdict.APPROVE, "d"));

            // THEN one wins at once, the other retries on the fresh request, and both reviews count
            assertThat(List.of(byAlice.get(30, TimeUnit.SECONDS).state(), byDave.get(30, TimeUnit.SECONDS).state()))
                    .containsExactlyInAnyOrder(RequestState.PENDING, RequestState.APPROVED);
        } finally {
            threads.shutdownNow();
        }
        assertThat(writes).hasValue(3);
        AccessRequest stored = t.store().find(pending.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(RequestState.APPROVED);
        assertThat(stored.reviews()).extracting(Review::reviewer).containsExactlyInAnyOrder("alice", "dave");
        assertThat(t.audit().read("request#" + pending.id())).hasSize(3);
        assertThat(t.audit().verifies("request#" + pending.id())).isTrue();
    }

    private AccessRequest request(Identity requester, String role) {
        return t.airlock().requestAccess()
                .handle(requester, NewRequest.of(List.of(role), "INC-7"), Optional.empty()).request();
    }

    private AuditRecord lastRecord(String id) {
        List<AuditRecord> chain = t.audit().read("request#" + id);
        return chain.get(chain.size() - 1);
    }

    private void assertRefusedWithoutWrites(Runnable call, AccessRequest expectedStored,
                                            Class<? extends AirlockException> kind, String code) {
        List<AuditRecord> before = t.audit().all();
        assertThatThrownBy(call::run).isInstanceOf(kind).hasFieldOrPropertyWithValue("code", code);
        assertThat(t.store().find(expectedStored.id())).contains(expectedStored);
        assertThat(t.audit().all()).isEqualTo(before);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS); // a safety net against a hung build, not a timing assertion
        } catch (Exception e) {
            throw new IllegalStateException("the other reviewer never arrived", e);
        }
    }
}
