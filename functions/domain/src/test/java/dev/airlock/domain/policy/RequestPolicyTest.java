package dev.airlock.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.domain.RoleFixtures;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.AuditHead;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.role.Identity;
import dev.airlock.domain.role.RoleFileParser;
import dev.airlock.domain.role.RoleSet;
import dev.airlock.domain.role.Threshold;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ID = "0b6f1f8e-0a51-4e53-8a0e-3f1c2d4b5a69";
    private static final RequestPolicy DEMO = new RequestPolicy(RoleFixtures.demo().roles(), CLOCK);
    private static final RoleSet MATRIX =
            RoleFileParser.parse(RoleFixtures.text("policy-matrix.yaml"), "policy-matrix.yaml").roles();
    private static final RequestPolicy POLICY = new RequestPolicy(MATRIX, CLOCK);
    private static final Identity CONTRACTOR = new Identity("carl", Set.of("contractor"));

    @Test
    void validate_contractorRequestsDemoRoles_sortedDistinctWithThresholds() {
        ValidatedRequest v = DEMO.validate(CONTRACTOR, List.of("sudo-admin", "dba", " dba"), " db is down ");

        assertThat(v.user()).isEqualTo("carl");
        assertThat(v.roles()).containsExactly("dba", "sudo-admin");
        assertThat(v.reason()).isEqualTo("db is down");
        assertThat(v.thresholdsByRole()).isEqualTo(Map.of(
                "dba", List.of(new Threshold(1, 1)), "sudo-admin", List.of(new Threshold(1, 1))));
        assertThat(v.maxAccessDuration()).contains(Duration.ofHours(4));
    }

    /** Table: requester's base roles, requested roles, reason, expected outcome (ok or error code). */
    @ParameterizedTest(name = "{0} requests {1} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
        engineer                  | dba                      |        | ok
        engineer                  | dba cluster-a sudo-admin |        | ok
        engineer                  | dba-reviewer             |        | not_requestable
        engineer                  | no-such-role             |        | not_requestable
        engineer no-sudo-request  | dba sudo-admin           | why    | not_requestable
        engineer no-sudo-request  | dba                      |        | ok
        engineer dba              | dba                      | why    | role_already_held
        oncall                    | dba                      |        | reason_required
        oncall                    | dba                      | '   '  | reason_required
        oncall                    | dba                      | paged  | ok
        engineer oncall           | cluster-a                |        | ok
        engineer oncall           | cluster-a dba            |        | reason_required
        loginless                 | dba                      |        | not_requestable
                                  | dba                      |        | not_requestable
        """)
    void validate(String baseRoles, String requested, String reason, String expected) {
        Identity requester = new Identity("erin", words(baseRoles));
        List<String> roles = List.copyOf(words(requested));

        if (expected.equals("ok")) {
            assertThat(POLICY.validate(requester, roles, reason).roles()).containsExactlyInAnyOrderElementsOf(roles);
        } else {
            assertThatThrownBy(() -> POLICY.validate(requester, roles, reason))
                    .isInstanceOf(expected.equals("not_requestable")
                            ? AccessDeniedException.class : InvalidRequestException.class)
                    .extracting(e -> ((AirlockException) e).code()).isEqualTo(expected);
        }
    }

    @Test
    void validate_severalAllowingRoles_concatenateThresholdsAndTakeStrictestDuration() {
        ValidatedRequest v = POLICY.validate(new Identity("erin", Set.of("engineer", "oncall")), List.of("dba"), "paged");

        assertThat(v.thresholdsByRole().get("dba")).containsExactlyInAnyOrder(new Threshold(2, 1), new Threshold(1, 2));
        assertThat(v.maxAccessDuration()).contains(Duration.ofHours(2));
    }

    @Test
    void validate_refusesEmptyTooManyAndBlankRoles() {
        List<String> nine = IntStream.range(0, RequestPolicy.MAX_ROLES_PER_REQUEST + 1).mapToObj(i -> "r" + i).toList();

        assertThat(codeOf(() -> DEMO.validate(CONTRACTOR, List.of(), "x"))).isEqualTo("roles_required");
        assertThat(codeOf(() -> DEMO.validate(CONTRACTOR, null, "x"))).isEqualTo("roles_required");
        assertThat(codeOf(() -> DEMO.validate(CONTRACTOR, nine, "x"))).isEqualTo("too_many_roles");
        assertThat(codeOf(() -> DEMO.validate(CONTRACTOR, Arrays.asList("dba", null), "x")))
                .isEqualTo("invalid_role_name");
        assertThat(codeOf(() -> DEMO.validate(CONTRACTOR, List.of("dba"),
                "x".repeat(RequestPolicy.MAX_REASON_LENGTH + 1)))).isEqualTo("reason_too_long");
    }

    @Test
    void open_createsPendingRequestWithDefaultWindows() {
        AccessRequest r = DEMO.open(ID, CONTRACTOR, List.of("dba"), "db is down", Optional.empty(), Optional.empty());

        assertThat(r.id()).isEqualTo(ID);
        assertThat(r.user()).isEqualTo("carl");
        assertThat(r.state()).isEqualTo(RequestState.PENDING);
        assertThat(r.createdAt()).isEqualTo(NOW);
        assertThat(r.pendingExpiresAt()).isEqualTo(NOW.plus(AccessWindowPolicy.DEFAULT_PENDING_TTL));
        assertThat(r.accessDuration()).isEqualTo(Duration.ofHours(4));
        assertThat(r.version()).isZero();
        assertThat(r.auditHead()).isEqualTo(AuditHead.GENESIS);
    }

    @Test
    void open_honoursRequestedWindowsWithinLimits() {
        AccessRequest r = DEMO.open(ID, CONTRACTOR, List.of("dba"), "why",
                Optional.of(Duration.ofMinutes(90)), Optional.of(Duration.ofHours(24)));

        assertThat(r.accessDuration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(r.pendingExpiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(codeOf(() -> DEMO.open(ID, CONTRACTOR, List.of("dba"), "why",
                Optional.of(Duration.ofHours(5)), Optional.empty()))).isEqualTo("duration_too_long");
        assertThat(codeOf(() -> DEMO.open(ID, CONTRACTOR, List.of("dba"), "why",
                Optional.empty(), Optional.of(Duration.ofDays(8))))).isEqualTo("pending_ttl_too_long");
    }

    private static String codeOf(Runnable action) {
        try {
            action.run();
        } catch (AirlockException e) {
            return e.code();
        }
        throw new AssertionError("expected an AirlockException");
    }

    private static Set<String> words(String text) {
        return text == null ? Set.of() : Set.copyOf(Arrays.asList(text.trim().split("\\s+")));
    }

    private static final RoleSet STRATEGY = RoleFileParser.parse("""
            kind: role
            version: v7
            metadata: { name: contractor }
            spec:
              options:
                request_access: reason
                request_prompt: Name the incident ticket
              allow:
                logins: [contractor]
                request:
                  roles: [dba]
                  suggested_reviewers: [carol, alice]
            ---
            kind: role
            version: v7
            metadata: { name: auditor }
            spec:
              allow:
                request: { roles: [cluster-a], suggested_reviewers: [dave] }
            ---
            kind: role
            version: v7
            metadata: { name: dba }
            spec: { allow: { logins: [dba] } }
            ---
            kind: role
            version: v7
            metadata: { name: cluster-a }
            spec: { allow: { logins: [ubuntu] } }
            """, "strategy.yaml").roles();

    @Test
    void validate_requestAccessReason_requiresAReasonAndShowsThePrompt() {
        RequestPolicy policy = new RequestPolicy(STRATEGY, CLOCK);
        Identity carl = new Identity("carl", Set.of("contractor"));

        assertThatThrownBy(() -> policy.validate(carl, List.of("dba"), "  "))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("a reason is required to request [dba] (Name the incident ticket)")
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("reason_required");
        assertThat(policy.validate(carl, List.of("dba"), "INC-1").reason()).isEqualTo("INC-1");
    }

    @Test
    void guidance_promptOfTheRequester_andSuggestedReviewersOfTheRolesAllowingTheRequest() {
        RequestPolicy policy = new RequestPolicy(STRATEGY, CLOCK);
        Identity both = new Identity("carl", Set.of("contractor", "auditor"));

        RequesterGuidance dba = policy.guidance(both, List.of("dba"));
        RequesterGuidance clusterA = policy.guidance(both, List.of("cluster-a"));

        assertThat(dba.requestPrompt()).contains("Name the incident ticket");
        assertThat(dba.suggestedReviewers()).containsExactly("alice", "carol");
        assertThat(clusterA.suggestedReviewers()).containsExactly("dave");
        assertThat(policy.guidance(new Identity("ann", Set.of("auditor")), List.of("cluster-a")).requestPrompt())
                .isEmpty();
    }
}
