package dev.airlock.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.domain.RoleFixtures;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Review;
import dev.airlock.domain.request.RequestFixtures;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;
import dev.airlock.domain.role.RoleFileParser;
import dev.airlock.domain.role.RoleSet;
import dev.airlock.domain.role.Threshold;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven review permission. Columns: reviewer, reviewer's base roles, requested roles (by alice),
 * the request's history before the review, and the expected outcome ({@code ok} or the error code).
 */
class ReviewPolicyTest {

    private static final RoleSet ROLES =
            RoleFileParser.parse(RoleFixtures.text("policy-matrix.yaml"), "policy-matrix.yaml").roles();
    private static final Instant NOW = RequestFixtures.T0.plusSeconds(300);
    private static final ReviewPolicy POLICY = new ReviewPolicy(ROLES, Clock.fixed(NOW, ZoneOffset.UTC));

    @ParameterizedTest(name = "{0} {1} reviews {2} ({3}) -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
        bob   | dba-reviewer                   | dba                      | fresh            | ok
        bob   | dba-reviewer                   | cluster-a                | fresh            | not_reviewer
        bob   | dba-reviewer                   | dba cluster-a            | fresh            | not_reviewer
        bob   | dba-reviewer cluster-reviewer  | dba cluster-a            | fresh            | not_reviewer
        bob   | all-reviewer                   | dba cluster-a sudo-admin | fresh            | ok
        bob   | all-reviewer no-sudo-review    | dba                      | fresh            | ok
        bob   | all-reviewer no-sudo-review    | dba sudo-admin           | fresh            | not_reviewer
        bob   |                                | dba                      | fresh            | not_reviewer
        alice | all-reviewer                   | dba                      | fresh            | self_review
        alice | all-reviewer                   | dba                      | approved         | self_review
        bob   | all-reviewer                   | dba                      | reviewed-by-bob  | already_reviewed
        carol | all-reviewer                   | dba                      | reviewed-by-bob  | ok
        carol | all-reviewer                   | dba                      | approved         | invalid_state
        carol | all-reviewer                   | dba                      | withdrawn        | invalid_state
        carol | all-reviewer                   | dba                      | expired          | invalid_state
        carol | dba-reviewer                   | cluster-a                | approved         | not_reviewer
        """)
    void checkReview(String reviewer, String reviewerRoles, String requested, String history, String expected) {
        Identity identity = new Identity(reviewer, words(reviewerRoles));
        AccessRequest request = request(words(requested), history);

        if (expected.equals("ok")) {
            POLICY.checkReview(identity, request);
            assertThat(POLICY.mayReview(identity, request)).isTrue();
        } else {
            assertThatThrownBy(() -> POLICY.checkReview(identity, request))
                    .isInstanceOf(expected.equals("self_review") || expected.equals("not_reviewer")
                            ? AccessDeniedException.class : ConflictException.class)
                    .extracting(e -> ((AirlockException) e).code()).isEqualTo(expected);
        }
    }

    @Test
    void review_appliesVerdictAtClockTime() {
        AccessRequest request = RequestFixtures.pendingDba();

        AccessRequest reviewed = POLICY.review(new Identity("bob", Set.of("dba-reviewer")), request,
                Verdict.APPROVE, "  looks fine  ");

        assertThat(reviewed.state()).isEqualTo(RequestState.APPROVED);
        assertThat(reviewed.reviews()).containsExactly(new Review("bob", Verdict.APPROVE, "looks fine", NOW));
        assertThat(reviewed.accessExpiresAt()).contains(NOW.plus(RequestFixtures.ACCESS));
    }

    @Test
    void checkReview_afterPendingExpiryButBeforeTheSweep_isConflict() {
        Instant late = RequestFixtures.T0.plus(RequestFixtures.PENDING_TTL);
        ReviewPolicy later = new ReviewPolicy(ROLES, Clock.fixed(late, ZoneOffset.UTC));

        assertThatThrownBy(() -> later.checkReview(new Identity("bob", Set.of("dba-reviewer")),
                RequestFixtures.pendingDba()))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("EXPIRED");
    }

    @Test
    void review_refusesOverlongReason() {
        assertThatThrownBy(() -> POLICY.review(new Identity("bob", Set.of("dba-reviewer")),
                RequestFixtures.pendingDba(), Verdict.DENY, "x".repeat(Review.MAX_REASON_LENGTH + 1)))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("reason_too_long");
    }

    @Test
    void review_bySelf_isRefusedEvenWithEveryReviewRole() {
        assertThatThrownBy(() -> POLICY.review(new Identity("alice", ROLES.names()), RequestFixtures.pendingDba(),
                Verdict.APPROVE, "me"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("own request");
    }

    private static AccessRequest request(Set<String> roles, String history) {
        AccessRequest fresh = RequestFixtures.pending(List.copyOf(roles), List.of(new Threshold(2, 2)));
        Instant t = RequestFixtures.T0.plusSeconds(10);
        return switch (history) {
            case "fresh" -> fresh;
            case "reviewed-by-bob" -> fresh.applyReview(RequestFixtures.approve("bob", t), t);
            case "approved" -> fresh.applyReview(RequestFixtures.approve("bob", t), t)
                    .applyReview(RequestFixtures.approve("dave", t), t);
            case "withdrawn" -> fresh.withdraw("alice", t);
            case "expired" -> RequestFixtures.pending(List.copyOf(roles), List.of(Threshold.DEFAULT))
                    .expire(RequestFixtures.T0.plus(RequestFixtures.PENDING_TTL)).withAuditHead(fresh.auditHead());
            default -> throw new IllegalArgumentException(history);
        };
    }

    private static Set<String> words(String text) {
        return text == null ? Set.of() : Set.copyOf(Arrays.asList(text.trim().split("\\s+")));
    }
}
