package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.core.testing.TestKeys;
import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.error.NotFoundException;
import dev.airlock.domain.error.ThrottledException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;
import dev.airlock.ssh.CertificateAuthority;
import dev.airlock.ssh.SshPublicKey;
import dev.airlock.ssh.SshSignatureAlgorithm;
import dev.airlock.ssh.testing.InMemoryCertificateAuthority;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IssueCertificateTest {

    private final TestAirlock t = TestAirlock.demo();
    private final IssueCertificate issue = t.airlock().issueCertificate();
    private final Identity bob = TestIdentities.bob();
    private final String key = TestKeys.ed25519PublicKeyLine();

    @Test
    void handle_shouldSignForAnApprovedRequest_andRecordSerialAndAuditTogether() {
        AccessRequest approved = approvedRequest("dba");
        Instant now = t.clock().instant();

        IssuedCertificate cert = issue.handle(bob, key, Optional.of(approved.id()));

        assertThat(cert.principals()).containsExactly("contractor", "dba");
        assertThat(cert.keyId()).isEqualTo("user=bob request=" + approved.id() + " roles=dba serial=" + cert.serial());
        assertThat(cert.validAfter()).isEqualTo(Instant.ofEpochSecond(now.minusSeconds(60).getEpochSecond()));
        assertThat(cert.validBefore()).isEqualTo(Instant.ofEpochSecond(now.plus(Duration.ofHours(1)).getEpochSecond()));
        assertThat(cert.requestId()).contains(approved.id());
        assertThat(cert.certificate()).startsWith("ssh-ed25519-cert-v01@openssh.com ").endsWith(" bob");
        DecodedCertificate decoded = DecodedCertificate.decode(cert.certificate(), t.ca().publicKey());
        assertThat(decoded.signatureVerifies()).isTrue();
        assertThat(Long.toUnsignedString(decoded.serial())).isEqualTo(cert.serial());
        assertThat(decoded.principals()).isEqualTo(cert.principals());
        assertThat(decoded.keyId()).isEqualTo(cert.keyId());
        assertThat(decoded.validBefore()).isEqualTo(cert.validBefore().getEpochSecond());
        assertThat(decoded.extensions()).contains("permit-pty");
        // AND the serial and its audit record were committed together
        AccessRequest stored = t.store().find(approved.id()).orElseThrow();
        assertThat(stored.certificateSerials()).containsExactly(cert.serial());
        AuditRecord record = last("request#" + approved.id());
        assertThat(stored.auditHead()).isEqualTo(record.head());
        assertThat(record.action()).isEqualTo("certificate.issued");
        assertThat(record.actor()).isEqualTo("bob");
        assertThat(record.details()).containsEntry("serial", cert.serial())
                .containsEntry("principals", "contractor,dba")
                .containsEntry("keyId", cert.keyId())
                .containsEntry("validAfter", cert.validAfter().toString())
                .containsEntry("validBefore", cert.validBefore().toString())
                .containsEntry("keyFingerprint", SshPublicKey.parse(key).fingerprint())
                .containsEntry("caFingerprint", t.ca().publicKey().fingerprint());
    }

    @Test
    void handle_shouldEndTheCertificateWithTheAccessWindow_whenThatComesFirst() {
        AccessRequest approved = approvedRequest("cluster-a"); // no session cap: 8h from contractor, 4h window
        t.clock().advance(Duration.ofHours(3));

        IssuedCertificate cert = issue.handle(bob, key, Optional.of(approved.id()));

        Instant windowEnd = t.store().find(approved.id()).orElseThrow().accessExpiresAt().orElseThrow();
        assertThat(cert.validBefore()).isEqualTo(Instant.ofEpochSecond(windowEnd.getEpochSecond()));
        assertThat(cert.principals()).containsExactly("contractor", "ubuntu");
    }

    @Test
    void handle_shouldSignBaseRolesOnly_andAuditOnTheUsersChain() {
        int requestsBefore = t.store().size();

        IssuedCertificate cert = issue.handle(bob, key, Optional.empty());

        assertThat(cert.principals()).containsExactly("contractor");
        assertThat(cert.requestId()).isEmpty();
        assertThat(cert.keyId()).isEqualTo("user=bob roles=contractor serial=" + cert.serial());
        assertThat(DecodedCertificate.decode(cert.certificate(), t.ca().publicKey()).signatureVerifies()).isTrue();
        assertThat(t.audit().read("user#bob")).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("certificate.issued");
            assertThat(record.details()).containsEntry("serial", cert.serial()).doesNotContainKey("requestId");
        });
        assertThat(t.store().size()).isEqualTo(requestsBefore);
    }

    @Test
    void handle_shouldUseFreshSerials() {
        Set<String> serials = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            serials.add(issue.handle(bob, key, Optional.empty()).serial());
        }
        assertThat(serials).hasSize(20).allSatisfy(s -> assertThat(s).matches("[1-9][0-9]{0,19}"));
    }

    @Test
    void handle_shouldRefuseSomeoneElsesRequest_andWriteNothing() {
        AccessRequest bobs = approvedRequest("dba");
        Identity carol = TestIdentities.user("carol", "contractors");

        assertRefusedWithoutWrites(() -> issue.handle(carol, key, Optional.of(bobs.id())),
                AccessDeniedException.class, "not_requester");
    }

    @Test
    void handle_shouldRefuseAPendingRequest_andWriteNothing() {
        AccessRequest pending = request("dba");

        assertRefusedWithoutWrites(() -> issue.handle(bob, key, Optional.of(pending.id())),
                ConflictException.class, "not_approved");
    }

    @Test
    void handle_shouldRefuseADeniedRequest_andWriteNothing() {
        AccessRequest pending = request("dba");
        t.airlock().reviewRequest().handle(TestIdentities.alice(), pending.id(), Verdict.DENY, "no");

        assertRefusedWithoutWrites(() -> issue.handle(bob, key, Optional.of(pending.id())),
                ConflictException.class, "not_approved");
    }

    @Test
    void handle_shouldRefuseAnExpiredRequest_evenBeforeTheSweep_andWriteNothing() {
        AccessRequest approved = approvedRequest("dba");
        t.clock().advance(Duration.ofHours(4));

        assertRefusedWithoutWrites(() -> issue.handle(bob, key, Optional.of(approved.id())),
                ConflictException.class, "not_approved");
    }

    @Test
    void handle_shouldRefuseBadInput_andWriteNothing() {
        AccessRequest approved = approvedRequest("dba");

        assertRefusedWithoutWrites(() -> issue.handle(bob, "ssh-ed25519 not-base64!", Optional.of(approved.id())),
                InvalidRequestException.class, "invalid_public_key");
        assertRefusedWithoutWrites(() -> issue.handle(bob, null, Optional.empty()),
                InvalidRequestException.class, "invalid_public_key");
        assertRefusedWithoutWrites(() -> issue.handle(bob, key, Optional.of("4c3b2a10-0000-4000-8000-000000000000")),
                NotFoundException.class, "request_not_found");
        assertRefusedWithoutWrites(() -> issue.handle(new Identity("nobody", Set.of()), key, Optional.empty()),
                AccessDeniedException.class, "no_logins");
    }

    @Test
    void handle_shouldLeaveNoAuditRecordAndNoSerial_whenTheCaFails() {
        TestAirlock failing = TestAirlock.with(new FailingCa(InMemoryCertificateAuthority.ed25519()));
        AccessRequest pending = failing.airlock().requestAccess()
                .handle(bob, NewRequest.of(List.of("dba"), "INC-5"), Optional.empty()).request();
        AccessRequest approved = failing.airlock().reviewRequest()
                .handle(TestIdentities.alice(), pending.id(), Verdict.APPROVE, "ok");
        List<AuditRecord> before = failing.audit().all();

        assertThatThrownBy(() -> failing.airlock().issueCertificate().handle(bob, key, Optional.of(pending.id())))
                .isInstanceOf(InternalException.class);

        assertThat(failing.store().find(pending.id())).contains(approved);
        assertThat(failing.audit().all()).isEqualTo(before);
    }

    @Test
    void handle_shouldFailAndReturnNoCertificate_whenTheAuditCannotBeCommitted() {
        AccessRequest approved = approvedRequest("dba");
        t.store().beforeUpdate(r -> {
            throw new ThrottledException("throttled", "the table is throttling");
        });
        List<AuditRecord> before = t.audit().all();

        assertThatThrownBy(() -> issue.handle(bob, key, Optional.of(approved.id())))
                .isInstanceOf(ThrottledException.class);

        assertThat(t.store().find(approved.id())).contains(approved);
        assertThat(t.audit().all()).isEqualTo(before);
    }

    @Test
    void handle_shouldFailAndReturnNoCertificate_whenTheUserChainCannotBeWritten() {
        t.audit().beforeAppend(chain -> {
            throw new InternalException("audit_down", "the audit table is unavailable");
        });

        assertThatThrownBy(() -> issue.handle(bob, key, Optional.empty())).isInstanceOf(InternalException.class);

        assertThat(t.audit().read("user#bob")).isEmpty();
    }

    @Test
    void handle_shouldRetryRecordingOnTheFreshRequest_afterLosingARace() {
        AccessRequest approved = approvedRequest("dba");
        AtomicBoolean once = new AtomicBoolean();
        t.store().beforeUpdate(r -> {
            if (once.compareAndSet(false, true)) { // another certificate, the only record that may follow
                ConcurrentWrites.write(t.store(), approved.id(), "certificate.issued", s -> s.withCertificateSerial("1"));
            }
        });

        IssuedCertificate cert = issue.handle(bob, key, Optional.of(approved.id()));

        assertThat(t.store().find(approved.id()).orElseThrow().certificateSerials()).containsExactly("1", cert.serial());
        assertThat(t.audit().read("request#" + approved.id())).extracting(AuditRecord::action)
                .containsExactly("request.created", "review.approved", "certificate.issued", "certificate.issued");
        assertThat(t.audit().verifies("request#" + approved.id())).isTrue();
    }

    @Test
    void handle_shouldRefuseToRecordACertificate_whenTheChainHeadDoesNotApproveTheRequest() {
        AccessRequest approved = approvedRequest("dba");
        t.store().beforeUpdate(r -> { }); // no race: the head is a foreign record, as after tampering
        ConcurrentWrites.touch(t.store(), approved.id());
        List<AuditRecord> before = t.audit().all();

        assertThatThrownBy(() -> issue.handle(bob, key, Optional.of(approved.id())))
                .isInstanceOfSatisfying(InternalException.class, e -> assertThat(e.code()).isEqualTo("audit_mismatch"));

        assertThat(t.audit().all()).isEqualTo(before);
        assertThat(t.store().find(approved.id()).orElseThrow().certificateSerials()).isEmpty();
    }

    @Test
    void handle_shouldDiscardTheCertificate_whenTheRequestWasRevokedWhileSigning() {
        AccessRequest approved = approvedRequest("dba");
        AtomicBoolean once = new AtomicBoolean();
        t.store().beforeUpdate(r -> {
            if (once.compareAndSet(false, true)) {
                ConcurrentWrites.write(t.store(), approved.id(), "request.revoked",
                        stored -> stored.revoke("compromised laptop", t.clock().instant()));
            }
        });

        assertThatThrownBy(() -> issue.handle(bob, key, Optional.of(approved.id())))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "not_approved");

        assertThat(t.store().find(approved.id()).orElseThrow().certificateSerials()).isEmpty();
        assertThat(t.audit().read("request#" + approved.id())).extracting(AuditRecord::action)
                .doesNotContain("certificate.issued");
    }

    private AccessRequest request(String role) {
        return t.airlock().requestAccess()
                .handle(bob, NewRequest.of(List.of(role), "INC-4211"), Optional.empty()).request();
    }

    private AccessRequest approvedRequest(String role) {
        AccessRequest pending = request(role);
        return t.airlock().reviewRequest().handle(TestIdentities.alice(), pending.id(), Verdict.APPROVE, "ok");
    }

    private AuditRecord last(String chain) {
        List<AuditRecord> records = t.audit().read(chain);
        return records.get(records.size() - 1);
    }

    private void assertRefusedWithoutWrites(Runnable call, Class<? extends AirlockException> kind, String code) {
        List<AuditRecord> auditBefore = t.audit().all();
        List<AccessRequest> requestsBefore = t.store().all();
        assertThatThrownBy(call::run).isInstanceOf(kind).hasFieldOrPropertyWithValue("code", code);
        assertThat(t.audit().all()).isEqualTo(auditBefore);
        assertThat(t.store().all()).isEqualTo(requestsBefore);
    }

    /** A CA whose signer is down (KMS unavailable). */
    private record FailingCa(CertificateAuthority real) implements CertificateAuthority {

        @Override
        public SshPublicKey publicKey() {
            return real.publicKey();
        }

        @Override
        public SshSignatureAlgorithm signatureAlgorithm() {
            return real.signatureAlgorithm();
        }

        @Override
        public byte[] sign(byte[] toBeSigned) {
            throw new InternalException("kms_unavailable", "the signer is unavailable");
        }
    }
}
