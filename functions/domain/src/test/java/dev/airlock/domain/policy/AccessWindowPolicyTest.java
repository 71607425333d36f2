package dev.airlock.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessWindowPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private final AccessWindowPolicy policy = new AccessWindowPolicy(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void pendingExpiresAt_defaultAndRequestedAndCapped() {
        assertThat(policy.pendingExpiresAt(Optional.empty())).isEqualTo(NOW.plus(AccessWindowPolicy.DEFAULT_PENDING_TTL));
        assertThat(policy.pendingExpiresAt(Optional.of(AccessWindowPolicy.MAX_PENDING_TTL)))
                .isEqualTo(NOW.plus(AccessWindowPolicy.MAX_PENDING_TTL));
        assertThatThrownBy(() -> policy.pendingExpiresAt(Optional.of(AccessWindowPolicy.MAX_PENDING_TTL.plusSeconds(1))))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("pending_ttl_too_long");
        assertThatThrownBy(() -> policy.pendingExpiresAt(Optional.of(Duration.ZERO)))
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("invalid_duration");
    }

    @Test
    void accessDuration_isCappedByStrictestMaxDurationOrDefault() {
        assertThat(policy.accessDuration(Optional.of(Duration.ofHours(4)), Optional.empty())).isEqualTo(Duration.ofHours(4));
        assertThat(policy.accessDuration(Optional.empty(), Optional.empty()))
                .isEqualTo(AccessWindowPolicy.DEFAULT_MAX_ACCESS_DURATION);
        assertThat(policy.accessDuration(Optional.of(Duration.ofHours(4)), Optional.of(Duration.ofHours(4))))
                .isEqualTo(Duration.ofHours(4));
        assertThatThrownBy(() -> policy.accessDuration(Optional.of(Duration.ofHours(4)), Optional.of(Duration.ofHours(5))))
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("duration_too_long");
        assertThatThrownBy(() -> policy.accessDuration(Optional.empty(), Optional.of(Duration.ofMinutes(-5))))
                .extracting(e -> ((AirlockException) e).code()).isEqualTo("invalid_duration");
    }

    @Test
    void certificateValidity_isMinOfAccessExpiryAndSessionTtl_startingAMinuteAgo() {
        var bySession = policy.certificateValidity(Optional.of(NOW.plus(Duration.ofHours(3))), Optional.of(Duration.ofHours(1)));
        var byAccess = policy.certificateValidity(Optional.of(NOW.plus(Duration.ofMinutes(20))), Optional.of(Duration.ofHours(1)));
        var byDefault = policy.certificateValidity(Optional.empty(), Optional.empty());

        assertThat(bySession.validAfter()).isEqualTo(NOW.minusSeconds(60));
        assertThat(bySession.validBefore()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(byAccess.validBefore()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
        assertThat(byDefault.validBefore()).isEqualTo(NOW.plus(AccessWindowPolicy.DEFAULT_SESSION_TTL));
        assertThatThrownBy(() -> policy.certificateValidity(Optional.of(NOW), Optional.empty()))
                .isInstanceOf(ConflictException.class);
    }
}
