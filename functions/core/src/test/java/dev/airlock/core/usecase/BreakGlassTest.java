package dev.airlock.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.BreakGlassQuota;
import dev.airlock.core.port.KrlEntry;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.error.ThrottledException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BreakGlassTest {

    private final TestAirlock t = TestAirlock.demo();
    private final Revocations r = new Revocations(t);
    private final BreakGlassAccess breakGlass =
            new BreakGlassAccess(t.store(), t.roles(), t.clock(), BreakGlassSettings.DEFAULTS);
    private final ReviewRequest review = new ReviewRequest(t.store(), r.store, t.roles(), t.clock());

    private AccessRequest open() {
        return breakGlass.handle(TestIdentities.bob(), NewRequest.of(List.of("dba"), "INC-16 db down"),
                Optional.empty()).request();
    }

    private AuditRecord last(String chain) {
        List<AuditRecord> records = t.audit().read(chain);
        return records.get(records.size() - 1);
    }

    @Test
    void handle_opensApprovedAtOnce_withTheShortCap_andAuditsIt() {
        Instant now = t.clock().instant();

        AccessRequest opened = open();

        assertThat(opened.state()).isEqualTo(RequestState.APPROVED);
        assertThat(opened.accessExpiresAt()).contains(now.plus(Duration.ofMinutes(30)));
        assertThat(opened.postReview().orElseThrow().dueAt()).isEqualTo(now.plus(Duration.ofHours(24)));
        assertThat(t.store().find(opened.id())).contains(opened);
        AuditRecord record = last("request#" + opened.id());
        assertThat(record.action()).isEqualTo(BreakGlassAccess.ACTION.wire());
        assertThat(record.seq()).isEqualTo(1);
        assertThat(record.details()).containsEntry("roles", "dba").containsEntry("reason", "INC-16 db down")
                .containsEntry("postReviewDueAt", now.plus(Duration.ofHours(24)).toString());
        IssuedCertificate cert = r.issue(Optional.of(opened.id()));
        assertThat(cert.serial()).isNotBlank();
    }

    @Test
    void handle_withoutReason_orIntoARoleWithoutBreakGlass_isRefused_andWritesNothing() {
        assertThatThrownBy(() -> breakGlass.handle(TestIdentities.bob(), NewRequest.of(List.of("dba"), " "),
                Optional.empty())).isInstanceOf(InvalidRequestException.class)
                .hasFieldOrPropertyWithValue("code", "reason_required");
        assertThatThrownBy(() -> breakGlass.handle(TestIdentities.bob(), NewRequest.of(List.of("cluster-a"), "x"),
                Optional.empty())).isInstanceOf(AccessDeniedException.class)
                .hasFieldOrPropertyWithValue("code", "break_glass_not_allowed");
        assertThat(t.audit().all()).isEmpty();
    }

    @Test
    void handle_fourthWithinTheWindow_isRateLimited_untilTheOldestLeavesIt() {
        Instant first = t.clock().instant();
        open();
        t.clock().advance(Duration.ofHours(1));
        open();
        t.clock().advance(Duration.ofHours(1));
        open();
        t.clock().set(first.plus(Duration.ofHours(24)).minusMillis(1));

        assertThatThrownBy(this::open).isInstanceOfSatisfying(ThrottledException.class, e -> {
            assertThat(e.code()).isEqualTo(BreakGlassQuota.RATE_LIMITED);
            assertThat(e.retryAfter()).contains(Duration.ofMillis(1));
        });
        assertThat(t.store().listByUser("bob", Optional.empty(), new dev.airlock.core.port.PageRequest(10,
                Optional.empty())).items()).hasSize(3);

        t.clock().set(first.plus(Duration.ofHours(24)));
        assertThat(open().state()).isEqualTo(RequestState.APPROVED);
    }

    @Test
    void handle_tenConcurrent_withLimitThree_exactlyThreeSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    open();
                    return true;
                } catch (ThrottledException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int succeeded = 0;
        for (Future<Boolean> f : results) {
            succeeded += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(succeeded).isEqualTo(3);
    }

    @Test
    void approve_afterwards_confirms_andStaysApproved() {
        AccessRequest opened = open();
        t.clock().advance(Duration.ofHours(2));

        AccessRequest confirmed = review.handle(TestIdentities.alice(), opened.id(), Verdict.APPROVE, "INC-16 real");

        assertThat(confirmed.state()).isEqualTo(RequestState.APPROVED);
        assertThat(confirmed.postReview().orElseThrow().review().orElseThrow().reviewer()).isEqualTo("alice");
        AuditRecord record = last("request#" + opened.id());
        assertThat(record.action()).isEqualTo(ReviewRequest.ACTION_POST_REVIEW_CONFIRMED.wire());
        assertThat(record.details()).containsEntry("verdict", "APPROVE").containsEntry("previousState", "EXPIRED");
        assertThatThrownBy(() -> review.handle(TestIdentities.alice(), opened.id(), Verdict.DENY, "again"))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "already_reviewed");
    }

    @Test
    void deny_whileOpen_revokes_andPutsItsCertificatesIntoTheKrl_inOneWrite() {
        AccessRequest opened = open();
        IssuedCertificate cert = r.issue(Optional.of(opened.id()));
        long krlVersionBefore = r.krl().version();

        AccessRequest denied = review.handle(TestIdentities.alice(), opened.id(), Verdict.DENY, "no incident");

        assertThat(denied.state()).isEqualTo(RequestState.REVOKED);
        assertThat(denied.resolutionReason()).contains("no incident");
        assertThat(last("request#" + opened.id()).action()).isEqualTo(ReviewRequest.ACTION_POST_REVIEW_REVOKED.wire());
        assertThat(r.store.all()).containsExactly(KrlEntry.forRequest(opened.id(), List.of(cert.serial()),
                opened.accessExpiresAt().orElseThrow()));
        assertThat(r.krl().version()).isGreaterThan(krlVersionBefore);
        assertThat(r.krlRevokes(cert.serial())).isTrue();
        assertThatThrownBy(() -> r.issue(Optional.of(opened.id()))).isInstanceOf(ConflictException.class);
    }

    @Test
    void review_byTheRequester_isRefused_andChangesNothing() {
        AccessRequest opened = open();
        List<AuditRecord> before = t.audit().all();

        assertThatThrownBy(() -> review.handle(TestIdentities.bob(), opened.id(), Verdict.APPROVE, "me"))
                .isInstanceOf(AccessDeniedException.class).hasFieldOrPropertyWithValue("code", "self_review");
        assertThat(t.audit().all()).isEqualTo(before);
        assertThat(t.store().find(opened.id())).contains(opened);
    }

    @Test
    void postReview_isOverdueFromTheDeadline() {
        AccessRequest opened = open();

        assertThat(opened.isPostReviewOverdueAt(t.clock().advance(Duration.ofHours(24)).minusMillis(1))).isFalse();
        assertThat(opened.isPostReviewOverdueAt(t.clock().instant())).isTrue();
    }
}
