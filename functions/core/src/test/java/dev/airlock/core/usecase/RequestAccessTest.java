package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.role.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestAccessTest {

    private final TestAirlock t = TestAirlock.demo();
    private final RequestAccess requestAccess = t.airlock().requestAccess();
    private final Identity bob = TestIdentities.bob();

    @Test
    void handle_shouldStorePendingRequestWithItsFirstAuditRecord() {
        // WHEN bob asks for dba with a reason and default durations
        RequestAccess.Created created = requestAccess.handle(bob, NewRequest.of(List.of("dba"), "INC-4211"),
                Optional.empty());

        // THEN a PENDING request is stored as given
        AccessRequest request = created.request();
        assertThat(created.replayed()).isFalse();
        assertThat(request.user()).isEqualTo("bob");
        assertThat(request.roles()).containsExactly("dba");
        assertThat(request.state()).isEqualTo(RequestState.PENDING);
        assertThat(request.pendingExpiresAt()).isEqualTo(t.clock().instant().plus(Duration.ofHours(1)));
        assertThat(request.accessDuration()).isEqualTo(Duration.ofHours(4)); // contractor's max_duration
        assertThat(t.store().find(request.id())).contains(request);
        // AND its chain starts with request.created, whose head the request carries
        List<AuditRecord> chain = t.audit().read("request#" + request.id());
        assertThat(chain).singleElement().satisfies(record -> {
            assertThat(record.seq()).isEqualTo(1);
            assertThat(record.actor()).isEqualTo("bob");
            assertThat(record.action()).isEqualTo("request.created");
            assertThat(record.details()).isEqualTo(Map.of("roles", "dba", "reason", "INC-4211",
                    "pendingExpiresAt", "2026-11-07T20:38:02.113Z", "accessDuration", "4h0m0s"));
        });
        assertThat(request.auditHead()).isEqualTo(chain.get(0).head());
    }

    @Test
    void handle_shouldHonourRequestedDurations() {
        NewRequest cmd = new NewRequest(List.of("cluster-a", "dba"), "INC-1", Optional.of(Duration.ofMinutes(30)),
                Optional.of(Duration.ofHours(2)));

        AccessRequest request = requestAccess.handle(bob, cmd, Optional.empty()).request();

        assertThat(request.roles()).containsExactly("cluster-a", "dba");
        assertThat(request.pendingExpiresAt()).isEqualTo(t.clock().instant().plus(Duration.ofMinutes(30)));
        assertThat(request.accessDuration()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void handle_shouldReturnTheFirstRequest_whenTheIdempotencyKeyRepeats() {
        NewRequest cmd = NewRequest.of(List.of("dba"), "INC-4211");
        RequestAccess.Created first = requestAccess.handle(bob, cmd, Optional.of("retry-1"));

        RequestAccess.Created again = requestAccess.handle(bob, cmd, Optional.of("retry-1"));

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.request()).isEqualTo(first.request());
        assertThat(t.store().size()).isEqualTo(1);
        assertThat(t.audit().size()).isEqualTo(1);
    }

    @Test
    void handle_shouldScopeIdempotencyKeysToTheCaller() {
        NewRequest cmd = NewRequest.of(List.of("dba"), "INC-4211");
        RequestAccess.Created bobs = requestAccess.handle(bob, cmd, Optional.of("same-key"));

        RequestAccess.Created carols = requestAccess.handle(TestIdentities.user("carol", "contractors"), cmd,
                Optional.of("same-key"));

        assertThat(carols.replayed()).isFalse();
        assertThat(carols.request().id()).isNotEqualTo(bobs.request().id());
        assertThat(carols.request().user()).isEqualTo("carol");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "tab\tinside", "new\nline", "caf\u00e9", "\u0000"})
    void handle_shouldRefuseBadIdempotencyKeys_andWriteNothing(String key) {
        assertRefusedWithoutWrites(() -> requestAccess.handle(bob, NewRequest.of(List.of("dba"), "x"), Optional.of(key)),
                InvalidRequestException.class, "invalid_idempotency_key");
    }

    @Test
    void handle_shouldAcceptAnIdempotencyKeyOf128Characters_andRefuse129() {
        String longest = "k".repeat(RequestAccess.MAX_IDEMPOTENCY_KEY_LENGTH);
        assertThat(requestAccess.handle(bob, NewRequest.of(List.of("dba"), "x"), Optional.of(longest)).replayed())
                .isFalse();

        assertThatThrownBy(() -> requestAccess.handle(bob, NewRequest.of(List.of("dba"), "x"),
                Optional.of(longest + "k")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void handle_shouldRefuseARoleTheCallerMayNotRequest_andWriteNothing() {
        assertRefusedWithoutWrites(() -> requestAccess.handle(bob, NewRequest.of(List.of("dba-reviewer"), "x"),
                Optional.empty()), AccessDeniedException.class, "not_requestable");
    }

    @Test
    void handle_shouldRequireAReason_whenARoleSaysSo() {
        assertRefusedWithoutWrites(() -> requestAccess.handle(bob, new NewRequest(List.of("dba"), null, null, null),
                Optional.empty()), InvalidRequestException.class, "reason_required");
    }

    @Test
    void handle_shouldRefuseAnAccessDurationAboveTheRolesMaximum() {
        NewRequest tooLong = new NewRequest(List.of("dba"), "x", Optional.empty(), Optional.of(Duration.ofHours(5)));

        assertRefusedWithoutWrites(() -> requestAccess.handle(bob, tooLong, Optional.empty()),
                InvalidRequestException.class, "duration_too_long");
    }

    @Test
    void handle_shouldRefuseMissingOrBlankRoles_withAClearError() {
        assertRefusedWithoutWrites(() -> requestAccess.handle(bob, new NewRequest(null, "x", null, null),
                Optional.empty()), InvalidRequestException.class, "roles_required");
        assertRefusedWithoutWrites(() -> requestAccess.handle(bob,
                new NewRequest(java.util.Arrays.asList("dba", null), "x", null, null), Optional.empty()),
                InvalidRequestException.class, "invalid_role_name");
    }

    private void assertRefusedWithoutWrites(Runnable call, Class<? extends AirlockException> kind, String code) {
        List<AuditRecord> auditBefore = t.audit().all();
        assertThatThrownBy(call::run).isInstanceOf(kind).extracting(e -> ((AirlockException) e).code()).isEqualTo(code);
        assertThat(t.store().size()).isZero();
        assertThat(t.audit().all()).isEqualTo(auditBefore);
    }
}
