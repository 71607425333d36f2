package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadRequestAuditTest {

    private final TestAirlock t = TestAirlock.demo();
    private final ReadRequestAudit audit = new ReadRequestAudit(t.airlock().listRequests(), t.audit());
    private final Identity bob = TestIdentities.bob();
    private final Identity alice = TestIdentities.alice();

    @Test
    void read_shouldReturnTheRequestsChainInOrder_toItsRequesterAndReviewers() {
        AccessRequest created = t.airlock().requestAccess()
                .handle(bob, NewRequest.of(List.of("dba"), "INC-9"), Optional.empty()).request();
        t.airlock().reviewRequest().handle(alice, created.id(), Verdict.APPROVE, "ok");

        for (Identity viewer : List.of(bob, alice)) {
            ReadRequestAudit.Trail trail = audit.read(viewer, created.id());
            List<AuditRecord> records = trail.records();
            assertThat(records.get(0).action()).isEqualTo("request.created");
            assertThat(records).extracting(AuditRecord::action).contains("review.approved");
            assertThat(records).extracting(AuditRecord::chain).containsOnly(AuditChains.forRequest(created.id()));
            for (int i = 1; i < records.size(); i++) {
                assertThat(records.get(i).seq()).isEqualTo(i + 1);
                assertThat(records.get(i).prevHash()).isEqualTo(records.get(i - 1).hash());
            }
            assertThat(trail.request().auditHead()).isEqualTo(records.get(records.size() - 1).head());
        }
    }

    @Test
    void read_shouldRefuseWhomGetRefuses_withTheSameCodes() {
        AccessRequest created = t.airlock().requestAccess()
                .handle(bob, NewRequest.of(List.of("dba"), "INC-9"), Optional.empty()).request();

        assertThatThrownBy(() -> audit.read(TestIdentities.user("carol", "contractors"), created.id()))
                .isInstanceOf(AccessDeniedException.class).hasFieldOrPropertyWithValue("code", "not_visible");
        assertThatThrownBy(() -> audit.read(bob, "0b8e5f7e-0000-4000-8000-000000000000"))
                .isInstanceOf(NotFoundException.class).hasFieldOrPropertyWithValue("code", "request_not_found");
    }
}
