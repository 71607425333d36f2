package dev.airlock.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;
import dev.airlock.domain.role.RoleFileParser;
import dev.airlock.domain.role.RoleSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BreakGlassPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-05T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ID = "0b6f1f8e-0a51-4e53-8a0e-3f1c2d4b5a69";
    private static final Duration DEADLINE = Duration.ofHours(24);
    private static final RoleSet ROLES = RoleFileParser.parse("""
            kind: role
            version: v7
            metadata: {name: contractor}
            spec:
              allow:
                request:
                  roles: [dba, cluster-a]
                  max_duration: 4h
                  break_glass: {roles: [dba]}
            ---
            kind: role
            version: v7
            metadata: {name: oncall}
            spec:
              allow:
                request:
                  roles: [dba]
                  max_duration: 20m
                  break_glass: {roles: [dba], max_duration: 2h}
            ---
            kind: role
            version: v7
            metadata: {name: no-dba}
            spec:
              deny:
                request: {roles: [dba]}
            ---
            kind: role
            version: v7
            metadata: {name: dba-reviewer}
            spec:
              allow:
                review_requests: {roles: [dba]}
            ---
            kind: role
            version: v7
            metadata: {name: dba}
            spec: {}
            ---
            kind: role
            version: v7
            metadata: {name: cluster-a}
            spec: {}
            """, "bg.yaml").roles();
    private static final BreakGlassPolicy POLICY = new BreakGlassPolicy(ROLES, CLOCK);

    /**
     * Table: base roles, requested roles, reason, requested duration (- for none), expected access window
     * or error code. The cap is the strictest of break_glass.max_duration (default 30m) and max_duration.
     */
    @ParameterizedTest(name = "{0} breaks glass into {1} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
        contractor        | dba           | db down | -   | PT30M
        contractor        | dba           | db down | 10m | PT10M
        contractor        | dba           | db down | 31m | duration_too_long
        oncall            | dba           | db down | -   | PT20M
        contractor oncall | dba           | db down | -   | PT20M
        contractor        | dba           | ' '     | -   | reason_required
        contractor        | cluster-a     | db down | -   | break_glass_not_allowed
        contractor        | dba cluster-a | db down | -   | break_glass_not_allowed
        contractor no-dba | dba           | db down | -   | not_requestable
        dba-reviewer      | dba           | db down | -   | not_requestable
        """)
    void open_table(String base, String requested, String reason, String duration, String expected) {
        Identity bob = new Identity("bob", Set.of(base.split(" ")));
        Optional<Duration> wanted = duration.equals("-") ? Optional.empty()
                : Optional.of(Duration.parse("PT" + duration.toUpperCase()));
        if (!expected.startsWith("PT")) {
            assertThatThrownBy(() -> POLICY.open(ID, bob, Arrays.asList(requested.split(" ")), reason, wanted, DEADLINE))
                    .isInstanceOf(AirlockException.class).hasFieldOrPropertyWithValue("code", expected);
            return;
        }
        AccessRequest opened = POLICY.open(ID, bob, Arrays.asList(requested.split(" ")), reason, wanted, DEADLINE);

        assertThat(opened.state()).isEqualTo(RequestState.APPROVED);
        assertThat(opened.isBreakGlass()).isTrue();
        assertThat(opened.accessDuration()).isEqualTo(Duration.parse(expected));
        assertThat(opened.accessExpiresAt()).contains(NOW.plus(Duration.parse(expected)));
        assertThat(opened.resolvedAt()).contains(NOW);
        assertThat(opened.reviews()).isEmpty();
        assertThat(opened.postReview().orElseThrow().dueAt()).isEqualTo(NOW.plus(DEADLINE));
        assertThat(opened.postReview().orElseThrow().done()).isFalse();
    }

    /** Table: who reviews afterwards, when (minutes after opening), verdict, expected state or error code. */
    @ParameterizedTest(name = "{0} {2}s after {1} min -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
        alice | 5    | APPROVE | APPROVED
        alice | 5    | DENY    | REVOKED
        alice | 45   | DENY    | APPROVED
        alice | 1500 | APPROVE | APPROVED
        bob   | 5    | APPROVE | self_review
        carl  | 5    | APPROVE | not_reviewer
        """)
    void postReview_table(String reviewer, long minutes, Verdict verdict, String expected) {
        AccessRequest opened = POLICY.open(ID, new Identity("bob", Set.of("contractor")), java.util.List.of("dba"),
                "db down", Optional.empty(), DEADLINE);
        Instant at = NOW.plus(Duration.ofMinutes(minutes));
        ReviewPolicy reviews = new ReviewPolicy(ROLES, Clock.fixed(at, ZoneOffset.UTC));
        Identity who = new Identity(reviewer, Set.of(reviewer.equals("alice") ? "dba-reviewer" : "contractor"));
        if (!expected.equals(expected.toUpperCase())) {
            assertThatThrownBy(() -> reviews.review(who, opened, verdict, "ok"))
                    .isInstanceOf(AccessDeniedException.class).hasFieldOrPropertyWithValue("code", expected);
            return;
        }
        AccessRequest reviewed = reviews.review(who, opened, verdict, "finding: no incident");

        assertThat(reviewed.state()).isEqualTo(RequestState.valueOf(expected));
        assertThat(reviewed.reviews()).isEmpty();
        assertThat(reviewed.postReview().orElseThrow().review().orElseThrow().reviewer()).isEqualTo("alice");
        assertThat(reviewed.postReview().orElseThrow().review().orElseThrow().verdict()).isEqualTo(verdict);
        assertThat(reviewed.isPostReviewOverdueAt(at.plus(DEADLINE))).isFalse();
        if (reviewed.state() == RequestState.REVOKED) {
            assertThat(reviewed.resolutionReason()).contains("finding: no incident");
        }
    }

    @Test
    void postReview_isOwedOnce_andOverdueFromTheDeadline() {
        AccessRequest opened = POLICY.open(ID, new Identity("bob", Set.of("contractor")), java.util.List.of("dba"),
                "db down", Optional.empty(), DEADLINE);
        Identity alice = new Identity("alice", Set.of("dba-reviewer"));
        ReviewPolicy reviews = new ReviewPolicy(ROLES, CLOCK);

        assertThat(opened.isPostReviewOverdueAt(NOW.plus(DEADLINE).minusMillis(1))).isFalse();
        assertThat(opened.isPostReviewOverdueAt(NOW.plus(DEADLINE))).isTrue();
        AccessRequest confirmed = reviews.review(alice, opened, Verdict.APPROVE, "");
        Identity dave = new Identity("dave", Set.of("dba-reviewer"));
        assertThatThrownBy(() -> reviews.review(dave, confirmed, Verdict.DENY, "late"))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "already_reviewed");
    }
}
