package dev.airlock.domain.request;

import static dev.airlock.domain.request.RequestFixtures.ACCESS;
import static dev.airlock.domain.request.RequestFixtures.ID;
import static dev.airlock.domain.request.RequestFixtures.PENDING_TTL;
import static dev.airlock.domain.request.RequestFixtures.T0;
import static dev.airlock.domain.request.RequestFixtures.approve;
import static dev.airlock.domain.request.RequestFixtures.deny;
import static dev.airlock.domain.request.RequestFixtures.pending;
import static dev.airlock.domain.request.RequestFixtures.pendingDba;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.role.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessRequestTest {

    private static final Instant T1 = T0.plusSeconds(60);

    @Test
    void create_givesPendingVersionZeroWithSortedDistinctRoles() {
        AccessRequest r = AccessRequest.create(ID, "alice", List.of("dba", "cluster-a", "dba"), "why", T0,
                T0.plus(PENDING_TTL), ACCESS, Map.of("dba", List.of(Threshold.DEFAULT),
                        "cluster-a", List.of(Threshold.DEFAULT)));

        assertThat(r.roles()).containsExactly("cluster-a", "dba");
        assertThat(r.state()).isEqualTo(RequestState.PENDING);
        assertThat(r.version()).isZero();
        assertThat(r.auditHead()).isEqualTo(AuditHead.GENESIS);
        assertThat(r.reviews()).isEmpty();
        assertThat(r.accessExpiresAt()).isEmpty();
        assertThat(r.resolvedAt()).isEmpty();
        assertThat(r.openUntil()).contains(T0.plus(PENDING_TTL));
    }

    @Test
    void stateAt_judgesPendingExpiryAtReadTime() {
        AccessRequest r = pendingDba();

        assertThat(r.stateAt(T0.plus(PENDING_TTL).minusNanos(1))).isEqualTo(RequestState.PENDING);
        assertThat(r.stateAt(T0.plus(PENDING_TTL))).isEqualTo(RequestState.EXPIRED);
        assertThat(r.isExpiredAt(T0.plus(PENDING_TTL))).isTrue();
        assertThat(r.state()).isEqualTo(RequestState.PENDING);
    }

    @Test
    void applyReview_approval_opensAccessWindowAtResolutionTime() {
        AccessRequest r = pendingDba().applyReview(approve("bob", T1), T1);

        assertThat(r.state()).isEqualTo(RequestState.APPROVED);
        assertThat(r.accessExpiresAt()).contains(T1.plus(ACCESS));
        assertThat(r.resolvedAt()).contains(T1);
        assertThat(r.resolutionReason()).contains("ok");
        assertThat(r.reviews()).extracting(Review::reviewer).containsExactly("bob");
        assertThat(r.version()).isZero();
        assertThat(r.stateAt(T1.plus(ACCESS).minusNanos(1))).isEqualTo(RequestState.APPROVED);
        assertThat(r.stateAt(T1.plus(ACCESS))).isEqualTo(RequestState.EXPIRED);
    }

    @Test
    void applyReview_denial_resolvesDenied() {
        AccessRequest r = pendingDba().applyReview(deny("bob", T1), T1);

        assertThat(r.state()).isEqualTo(RequestState.DENIED);
        assertThat(r.accessExpiresAt()).isEmpty();
        assertThat(r.resolutionReason()).contains("no");
    }

    @Test
    void applyReview_belowThreshold_staysPendingWithReview() {
        AccessRequest r = pending(List.of("dba"), List.of(new Threshold(2, 1))).applyReview(approve("bob", T1), T1);

        assertThat(r.state()).isEqualTo(RequestState.PENDING);
        assertThat(r.reviews()).hasSize(1);
        assertThat(r.hasReviewFrom("bob")).isTrue();
        assertThat(r.resolvedAt()).isEmpty();
    }

    @Test
    void applyReview_byRequester_isRefused() {
        assertThatThrownBy(() -> pendingDba().applyReview(approve("alice", T1), T1))
                .isInstanceOf(AccessDeniedException.class)
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("self_review");
    }

    @Test
    void applyReview_twiceBySameReviewer_isConflict() {
        AccessRequest once = pending(List.of("dba"), List.of(new Threshold(2, 2))).applyReview(approve("bob", T1), T1);

        assertThatThrownBy(() -> once.applyReview(deny("bob", T1), T1))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("already_reviewed");
    }

    @Test
    void applyReview_afterResolution_isConflict() {
        AccessRequest approved = pendingDba().applyReview(approve("bob", T1), T1);

        assertThatThrownBy(() -> approved.applyReview(deny("carol", T1), T1))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("APPROVED")
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("invalid_state");
    }

    @Test
    void applyReview_afterPendingExpiry_isConflictEvenBeforeTheSweep() {
        Instant late = T0.plus(PENDING_TTL);

        assertThatThrownBy(() -> pendingDba().applyReview(approve("bob", late), late))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("EXPIRED");
    }

    @Test
    void expire_recordsPendingExpiryAtItsDeadline() {
        Instant sweep = T0.plus(PENDING_TTL).plusSeconds(30);

        AccessRequest r = pendingDba().expire(sweep);

        assertThat(r.state()).isEqualTo(RequestState.EXPIRED);
        assertThat(r.resolvedAt()).contains(T0.plus(PENDING_TTL));
        assertThat(r.openUntil()).isEmpty();
    }

    @Test
    void expire_recordsEndOfApprovedAccess() {
        AccessRequest approved = pendingDba().applyReview(approve("bob", T1), T1);

        AccessRequest r = approved.expire(T1.plus(ACCESS));

        assertThat(r.state()).isEqualTo(RequestState.EXPIRED);
        assertThat(r.accessExpiresAt()).contains(T1.plus(ACCESS));
        assertThat(r.resolvedAt()).contains(T1);
    }

    @Test
    void expire_beforeDeadlineOrWhenFinal_isConflict() {
        assertThatThrownBy(() -> pendingDba().expire(T1)).isInstanceOf(ConflictException.class);
        AccessRequest denied = pendingDba().applyReview(deny("bob", T1), T1);
        assertThatThrownBy(() -> denied.expire(T1.plus(Duration.ofDays(30)))).isInstanceOf(ConflictException.class);
    }

    @Test
    void withdraw_byRequester_whilePending() {
        AccessRequest r = pendingDba().withdraw("alice", T1);

        assertThat(r.state()).isEqualTo(RequestState.WITHDRAWN);
        assertThat(r.resolvedAt()).contains(T1);
    }

    @Test
    void withdraw_bySomeoneElse_isDenied_andAfterApproval_isConflict() {
        assertThatThrownBy(() -> pendingDba().withdraw("bob", T1))
                .isInstanceOf(AccessDeniedException.class)
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("not_requester");
        AccessRequest approved = pendingDba().applyReview(approve("bob", T1), T1);
        assertThatThrownBy(() -> approved.withdraw("alice", T1)).isInstanceOf(ConflictException.class);
    }

    @Test
    void revoke_endsApprovedAccess() {
        AccessRequest approved = pendingDba().applyReview(approve("bob", T1), T1);

        AccessRequest r = approved.revoke("left the team", T1.plusSeconds(5));

        assertThat(r.state()).isEqualTo(RequestState.REVOKED);
        assertThat(r.resolutionReason()).contains("left the team");
        assertThat(r.stateAt(T1.plus(ACCESS).plusSeconds(1))).isEqualTo(RequestState.REVOKED);
    }

    @Test
    void revoke_pendingOrExpiredAccess_isConflict() {
        assertThatThrownBy(() -> pendingDba().revoke("x", T1)).isInstanceOf(ConflictException.class);
        AccessRequest approved = pendingDba().applyReview(approve("bob", T1), T1);
        assertThatThrownBy(() -> approved.revoke("x", T1.plus(ACCESS))).isInstanceOf(ConflictException.class);
    }

    @Test
    void withCertificateSerial_onlyWhileApproved() {
        AccessRequest approved = pendingDba().applyReview(approve("bob", T1), T1);

        assertThat(approved.withCertificateSerial("17").withCertificateSerial("42").certificateSerials())
                .containsExactly("17", "42");
        assertThatThrownBy(() -> pendingDba().withCertificateSerial("17"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void withAuditHead_andNextVersion_changeOnlyThoseFields() {
        AuditHead head = AuditHead.GENESIS.next("ab".repeat(32));

        AccessRequest r = pendingDba().withAuditHead(head).nextVersion();

        assertThat(r.auditHead()).isEqualTo(new AuditHead(1, "ab".repeat(32)));
        assertThat(r.version()).isEqualTo(1);
        assertThat(r).usingRecursiveComparison().ignoringFields("auditHead", "version").isEqualTo(pendingDba());
    }

    @Test
    void constructor_refusesBrokenInvariants() {
        AccessRequest ok = pendingDba();
        assertThatIllegalArgumentException().isThrownBy(() -> AccessRequest.create("not-a-uuid", "alice",
                List.of("dba"), "", T0, T1, ACCESS, Map.of("dba", List.of(Threshold.DEFAULT))));
        assertThatIllegalArgumentException().isThrownBy(() -> AccessRequest.create(ID, "alice",
                List.of("dba"), "", T0, T1, ACCESS, Map.of("ops", List.of(Threshold.DEFAULT))));
        assertThatIllegalArgumentException().isThrownBy(() -> AccessRequest.create(ID, "alice",
                List.of("dba"), "", T0, T0, ACCESS, Map.of("dba", List.of(Threshold.DEFAULT))));
        assertThatIllegalArgumentException().isThrownBy(() -> new AccessRequest(ok.id(), ok.user(), ok.roles(),
                ok.reason(), RequestState.APPROVED, ok.createdAt(), ok.pendingExpiresAt(), ok.accessDuration(),
                Optional.empty(), ok.thresholdsByRole(), ok.reviews(), Optional.empty(), Optional.of(T1), 0,
                ok.auditHead(), ok.certificateSerials()))
                .withMessageContaining("accessExpiresAt");
    }

    @Test
    void auditHead_refusesNonHexHash() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AuditHead(1, "xyz"));
        assertThat(AuditHead.GENESIS.hash()).hasSize(64).matches("0+");
        assertThat(AuditHead.GENESIS.seq()).isZero();
    }
}
