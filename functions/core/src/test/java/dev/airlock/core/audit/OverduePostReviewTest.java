package dev.airlock.core.audit;

import dev.airlock.core.port.BreakGlassQuota;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.core.testing.TestKeys;
import dev.airlock.core.usecase.BreakGlassAccess;
import dev.airlock.core.usecase.BreakGlassSettings;
import dev.airlock.core.usecase.NewRequest;
import dev.airlock.core.usecase.PostReviewQueue;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep records an overdue post-review once per request ({@code request.post_review_overdue}), and the
 * chain still replays to the item: the record changes no state, so later records follow it as before.
 */
class OverduePostReviewTest {

    private final TestAirlock t = TestAirlock.demo();
    private final PostReviewQueue queue = new PostReviewQueue(t.store());

    private AccessRequest open(Duration deadline) {
        return new BreakGlassAccess(t.store(), t.roles(), t.clock(),
                new BreakGlassSettings(BreakGlassQuota.DEFAULT, deadline))
                .handle(TestIdentities.bob(), NewRequest.of(List.of("dba"), "INC-16 db down"), Optional.empty())
                .request();
    }

    private List<AuditRecord> chain(AccessRequest request) {
        return t.audit().read(AuditChains.forRequest(request.id()));
    }

    @Test
    void recordOverdue_shouldAppendOneRecordPerRequest_onlyPastTheDeadline() {
        AccessRequest opened = open(Duration.ofHours(24));
        Instant due = opened.postReview().orElseThrow().dueAt();
        t.clock().set(due.minusSeconds(1));
        assertThat(queue.recordOverdue(t.clock().instant())).isZero();

        t.clock().set(due);
        assertThat(queue.recordOverdue(t.clock().instant())).isEqualTo(1);
        t.clock().advance(Duration.ofMinutes(1));
        assertThat(queue.recordOverdue(t.clock().instant())).isZero();

        List<AuditRecord> records = chain(opened);
        assertThat(records).extracting(AuditRecord::action)
                .containsExactly("request.break_glass_opened", "request.post_review_overdue");
        AuditRecord overdue = records.get(1);
        assertThat(overdue.actor()).isEqualTo("system");
        assertThat(overdue.details()).isEqualTo(Map.of("dueAt", due.toString(), "state", "EXPIRED"));
        AccessRequest stored = t.store().find(opened.id()).orElseThrow();
        assertThat(stored.postReview().orElseThrow().overdueRecorded()).isTrue();
        assertThat(stored.auditHead()).isEqualTo(overdue.head());
        assertThat(queue.overdueCount(t.clock().instant())).isEqualTo(1);
    }

    @Test
    void sweep_shouldCountAndRecordOverOneRead_asTheTwoCallsDo() {
        AccessRequest opened = open(Duration.ofHours(24));
        Instant due = opened.postReview().orElseThrow().dueAt();
        t.clock().set(due.minusSeconds(1));
        assertThat(queue.sweep(t.clock().instant())).isEqualTo(new PostReviewQueue.Sweep(0, 0));

        t.clock().set(due);
        assertThat(queue.sweep(t.clock().instant())).isEqualTo(new PostReviewQueue.Sweep(1, 1));
        t.clock().advance(Duration.ofMinutes(1));
        assertThat(queue.sweep(t.clock().instant())).isEqualTo(new PostReviewQueue.Sweep(1, 0));
        assertThat(chain(opened)).extracting(AuditRecord::action)
                .containsExactly("request.break_glass_opened", "request.post_review_overdue");
    }

    @Test
    void aChainWithTheOverdueRecord_shouldStillReplay_andTakeCertificatesAndThePostReview() {
        // a deadline shorter than the access window: the request is still APPROVED when overdue
        AccessRequest opened = open(Duration.ofMinutes(5));
        t.clock().advance(Duration.ofMinutes(6));
        assertThat(queue.recordOverdue(t.clock().instant())).isEqualTo(1);

        t.airlock().issueCertificate().handle(TestIdentities.bob(), TestKeys.ed25519PublicKeyLine(),
                Optional.of(opened.id()));
        t.airlock().reviewRequest().handle(TestIdentities.alice(), opened.id(), Verdict.APPROVE, "real incident");

        assertThat(chain(opened)).extracting(AuditRecord::action).containsExactly("request.break_glass_opened",
                "request.post_review_overdue", "certificate.issued", "request.post_review_confirmed");
        assertThat(new AuditVerifier().verify(RequestReplayTest.snapshot(t.store().all(), t.audit().all())).breaks())
                .isEmpty();
        assertThat(queue.recordOverdue(t.clock().instant())).isZero();
    }
}
