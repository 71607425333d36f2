package dev.airlock.domain.request;

import static dev.airlock.domain.request.RequestState.APPROVED;
import static dev.airlock.domain.request.RequestState.DENIED;
import static dev.airlock.domain.request.RequestState.EXPIRED;
import static dev.airlock.domain.request.RequestState.PENDING;
import static dev.airlock.domain.request.RequestState.REVOKED;
import static dev.airlock.domain.request.RequestState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestStateTest {

    @Test
    void pending_movesToEveryResolution() {
        assertThat(EnumSet.allOf(RequestState.class)).filteredOn(PENDING::canMoveTo)
                .containsExactlyInAnyOrder(APPROVED, DENIED, EXPIRED, WITHDRAWN);
    }

    @Test
    void approved_movesOnlyToExpiredOrRevoked() {
        assertThat(EnumSet.allOf(RequestState.class)).filteredOn(APPROVED::canMoveTo)
                .containsExactlyInAnyOrder(EXPIRED, REVOKED);
    }

    @ParameterizedTest
    @EnumSource(names = {"DENIED", "EXPIRED", "REVOKED", "WITHDRAWN"})
    void finalStates_goNowhere(RequestState state) {
        assertThat(state.isFinal()).isTrue();
        assertThat(EnumSet.allOf(RequestState.class)).noneMatch(state::canMoveTo);
    }

    @ParameterizedTest
    @EnumSource(names = {"PENDING", "APPROVED"})
    void openStates_areNotFinal(RequestState state) {
        assertThat(state.isFinal()).isFalse();
        assertThat(state.canMoveTo(PENDING)).isFalse();
    }
}
