package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WithdrawRequestTest {

    private final TestAirlock t = TestAirlock.demo();
    private final WithdrawRequest withdraw = t.airlock().withdrawRequest();
    private final AccessRequest pending = t.airlock().requestAccess()
            .handle(TestIdentities.bob(), NewRequest.of(List.of("dba"), "INC-1"), Optional.empty()).request();

    @Test
    void handle_shouldWithdrawThePendingRequest_andAuditIt() {
        AccessRequest withdrawn = withdraw.handle(TestIdentities.bob(), pending.id());

        assertThat(withdrawn.state()).isEqualTo(RequestState.WITHDRAWN);
        assertThat(withdrawn.version()).isEqualTo(pending.version() + 1);
        assertThat(t.store().find(pending.id())).contains(withdrawn);
        List<AuditRecord> chain = t.audit().read("request#" + pending.id());
        assertThat(chain).extracting(AuditRecord::action).containsExactly("request.created", "request.withdrawn");
        assertThat(chain.get(1).actor()).isEqualTo("bob");
        assertThat(withdrawn.auditHead()).isEqualTo(chain.get(1).head());
    }

    @Test
    void handle_shouldRefuseAnyoneButTheRequester_andWriteNothing() {
        List<AuditRecord> before = t.audit().all();

        assertThatThrownBy(() -> withdraw.handle(TestIdentities.alice(), pending.id()))
                .isInstanceOf(AccessDeniedException.class).hasFieldOrPropertyWithValue("code", "not_requester");

        assertThat(t.store().find(pending.id())).contains(pending);
        assertThat(t.audit().all()).isEqualTo(before);
    }

    @Test
    void handle_shouldRefuseARequestThatIsNoLongerPending() {
        t.airlock().reviewRequest().handle(TestIdentities.alice(), pending.id(), Verdict.APPROVE, "ok");

        assertThatThrownBy(() -> withdraw.handle(TestIdentities.bob(), pending.id()))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "invalid_state");
    }

    @Test
    void handle_shouldRefuseAnExpiredRequest_evenBeforeTheSweep() {
        t.clock().advance(Duration.ofHours(1));

        assertThatThrownBy(() -> withdraw.handle(TestIdentities.bob(), pending.id()))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "invalid_state");
    }

    @Test
    void handle_shouldSayNotFound_forUnknownOrMalformedIds() {
        assertThatThrownBy(() -> withdraw.handle(TestIdentities.bob(), "6a1f7c1e-0000-4000-8000-000000000000"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> withdraw.handle(TestIdentities.bob(), "../../etc/passwd"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("'../../etc/passwd'");
        assertThatThrownBy(() -> withdraw.handle(TestIdentities.bob(), null))
                .isInstanceOf(NotFoundException.class);
    }
}
