package dev.airlock.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.domain.RoleFixtures;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestFixtures;
import dev.airlock.domain.request.RequestState;
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
 * Table-driven revocation permission. Columns: caller, caller's base roles, requested roles (by alice),
 * the request's history, the reason given, and the expected outcome ({@code ok} or the error code).
 */
class RevocationPolicyTest {

    private static final RoleSet ROLES =
            RoleFileParser.parse(RoleFixtures.text("policy-matrix.yaml"), "policy-matrix.yaml").roles();
    private static final Instant APPROVED_AT = RequestFixtures.T0.plusSeconds(10);
    private static final Instant NOW = RequestFixtures.T0.plusSeconds(300);
    private static final RevocationPolicy POLICY = at(NOW);

    @ParameterizedTest(name = "{0} {1} revokes {2} ({3}, reason ''{4}'') -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
        alice | engineer                      | dba           | approved | ''          | ok
        alice | engineer                      | dba           | approved | done early  | ok
        bob   | dba-reviewer                  | dba           | approved | mistake     | ok
        bob   | dba-reviewer                  | dba           | approved | ''          | reason_required
        bob   | dba-reviewer                  | dba           | approved | '   '       | reason_required
        bob   | dba-reviewer                  | dba cluster-a | approved | mistake     | not_revoker
        bob   | all-reviewer no-sudo-review   | sudo-admin    | approved | mistake     | not_revoker
        carol | engineer                      | dba           | approved | mistake     | not_revoker
        carol |                               | dba           | approved | mistake     | not_revoker
        carol | all-reviewer                  | dba           | pending  | mistake     | invalid_state
        alice | engineer                      | dba           | pending  | ''          | invalid_state
        alice | engineer                      | dba           | revoked  | ''          | invalid_state
        alice | engineer                      | dba           | expired  | ''          | invalid_state
        carol | engineer                      | dba           | pending  | ''          | not_revoker
        """)
    void revokeRequest(String caller, String callerRoles, String requested, String history, String reason,
                       String expected) {
        Identity identity = new Identity(caller, words(callerRoles));
        AccessRequest request = request(words(requested), history);

        if (expected.equals("ok")) {
            AccessRequest revoked = POLICY.revokeRequest(identity, request, reason);
            assertThat(revoked.state()).isEqualTo(RequestState.REVOKED);
            assertThat(revoked.resolutionReason()).contains(reason.strip());
            assertThat(revoked.stateAt(NOW)).isEqualTo(RequestState.REVOKED);
        } else {
            assertThatThrownBy(() -> POLICY.revokeRequest(identity, request, reason))
                    .isInstanceOf(switch (expected) {
                        case "not_revoker" -> AccessDeniedException.class;
                        case "invalid_state" -> ConflictException.class;
                        default -> InvalidRequestException.class;
                    })
                    .extracting(e -> ((AirlockException) e).code()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} {1} revokes {2}''s certificate for {3} -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
        alice | engineer      | alice | engineer      | ''      | ok
        bob   | dba-reviewer  | alice | dba           | lost    | ok
        bob   | dba-reviewer  | alice | dba           | ''      | reason_required
        bob   | dba-reviewer  | alice | dba cluster-a | lost    | not_revoker
        bob   | all-reviewer  | alice | engineer      | lost    | not_revoker
        carol | engineer      | alice | engineer      | lost    | not_revoker
        """)
    void checkCertificateRevocation(String caller, String callerRoles, String holder, String certificateRoles,
                                    String reason, String expected) {
        Identity identity = new Identity(caller, words(callerRoles));
        List<String> roles = List.copyOf(words(certificateRoles));

        if (expected.equals("ok")) {
            assertThat(POLICY.checkCertificateRevocation(identity, holder, roles, reason)).isEqualTo(reason.strip());
        } else {
            assertThatThrownBy(() -> POLICY.checkCertificateRevocation(identity, holder, roles, reason))
                    .extracting(e -> ((AirlockException) e).code()).isEqualTo(expected);
        }
    }

    @Test
    void revokeRequest_atTheAccessExpiry_isTooLate() {
        AccessRequest approved = request(Set.of("dba"), "approved");
        RevocationPolicy atExpiry = at(approved.accessExpiresAt().orElseThrow());

        assertThatThrownBy(() -> atExpiry.revokeRequest(new Identity("alice", Set.of()), approved, ""))
                .isInstanceOf(ConflictException.class).hasMessageContaining("EXPIRED");
    }

    @Test
    void revokeRequest_refusesAReasonWithBidiOrControlCharacters() {
        for (String reason : List.of("ok\u202Egnp.exe", "line\u0007bell")) {
            assertThatThrownBy(() -> POLICY.revokeRequest(new Identity("alice", Set.of()), request(Set.of("dba"),
                    "approved"), reason))
                    .extracting(e -> ((AirlockException) e).code()).isEqualTo("unsafe_text");
        }
    }

    @Test
    void revokeRequest_refusesOverlongReason() {
        assertThatThrownBy(() -> POLICY.revokeRequest(new Identity("alice", Set.of()), request(Set.of("dba"),
                "approved"), "x".repeat(RevocationPolicy.MAX_REASON_LENGTH + 1)))
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("reason_too_long");
    }

    private static RevocationPolicy at(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new RevocationPolicy(new ReviewPolicy(ROLES, clock), clock);
    }

    private static AccessRequest request(Set<String> roles, String history) {
        AccessRequest fresh = RequestFixtures.pending(List.copyOf(roles), List.of(Threshold.DEFAULT));
        AccessRequest approved = fresh.applyReview(RequestFixtures.approve("dave", APPROVED_AT), APPROVED_AT);
        return switch (history) {
            case "pending" -> fresh;
            case "approved" -> approved;
            case "revoked" -> approved.revoke("earlier", APPROVED_AT.plusSeconds(1));
            case "expired" -> approved.expire(approved.accessExpiresAt().orElseThrow());
            default -> throw new IllegalArgumentException(history);
        };
    }

    private static Set<String> words(String text) {
        return text == null || text.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(text.trim().split("\\s+")));
    }
}
