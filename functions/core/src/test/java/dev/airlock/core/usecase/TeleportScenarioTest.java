package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.core.testing.TestKeys;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;
import dev.airlock.ssh.SshPublicKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Teleport's access-request walkthrough at use-case level: {@code tsh login --request-roles=dba},
 * {@code tctl request ls}, {@code tctl request approve}, then a certificate with the {@code dba} login.
 */
class TeleportScenarioTest {

    private final TestAirlock t = TestAirlock.demo();
    private final Airlock airlock = t.airlock();
    private final Identity bob = TestIdentities.bob();
    private final Identity alice = TestIdentities.alice();

    @Test
    void bobRequestsDba_aliceApproves_bobGetsACertificateWithTheDbaLogin() {
        // bob asks for dba
        AccessRequest requested = airlock.requestAccess()
                .handle(bob, NewRequest.of(List.of("dba"), "INC-4211: slow queries"), Optional.of("tsh-1")).request();

        // alice sees it in her queue and approves it
        Page<AccessRequest> queue = airlock.listRequests().list(alice, RequestFilter.none(), PageRequest.first(50));
        assertThat(queue.items()).extracting(AccessRequest::id).containsExactly(requested.id());
        AccessRequest approved = airlock.reviewRequest().handle(alice, requested.id(), Verdict.APPROVE, "ok, 4h");
        assertThat(approved.state()).isEqualTo(RequestState.APPROVED);
        assertThat(airlock.listRequests().get(bob, requested.id()).state()).isEqualTo(RequestState.APPROVED);

        // bob gets a certificate that sshd will accept for the dba login
        IssuedCertificate cert = airlock.issueCertificate()
                .handle(bob, TestKeys.ed25519PublicKeyLine(), Optional.of(requested.id()));
        assertThat(cert.principals()).contains("dba");
        SshPublicKey caKey = SshPublicKey.parse(airlock.getCaPublicKey().handle());
        DecodedCertificate decoded = DecodedCertificate.decode(cert.certificate(), caKey);
        assertThat(decoded.signatureVerifies()).isTrue();
        assertThat(decoded.principals()).contains("dba");

        // the window closes; the sweep records it; the chain tells the whole story, unbroken
        t.clock().advance(Duration.ofHours(4));
        assertThat(airlock.expireRequests().run().expired()).isEqualTo(1);
        String chain = "request#" + requested.id();
        assertThat(t.audit().read(chain)).extracting(AuditRecord::action).containsExactly(
                "request.created", "review.approved", "certificate.issued", "request.expired");
        assertThat(t.audit().read(chain)).extracting(AuditRecord::actor)
                .containsExactly("bob", "alice", "bob", "system");
        assertThat(t.audit().verifies(chain)).isTrue();
        assertThat(t.store().find(requested.id()).orElseThrow().auditHead())
                .isEqualTo(t.audit().head(chain));
    }
}
