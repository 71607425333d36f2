package dev.airlock.core.audit;

import dev.airlock.core.audit.AuditBreak.Kind;
import dev.airlock.core.audit.AuditSnapshot.ExpectedHead;
import dev.airlock.core.testing.TestAuditRecords;
import dev.airlock.domain.request.AuditHead;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The CA key the deployment serves against the {@code ca} chain's newest {@code ca.key_registered} record. */
class CaKeyVerificationTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final String FIRST = "SHA256:first0000000000000000000000000000000000000";
    private static final String SECOND = "SHA256:second000000000000000000000000000000000000";

    private final AuditVerifier verifier = new AuditVerifier();

    @Test
    void aServedKeyTheNewestRecordNames_shouldBeNoBreak() {
        List<AuditRecord> ca = caChain(FIRST, SECOND);

        assertThat(verifier.verify(snapshot(ca).withServedCaFingerprint(SECOND)).breaks()).isEmpty();
    }

    @Test
    void aServedKeySwappedWithoutARecord_shouldBeCaKeyUnrecordedAtTheNewestRecord() {
        List<AuditRecord> ca = caChain(FIRST);

        AuditReport report = verifier.verify(snapshot(ca).withServedCaFingerprint(SECOND));

        assertThat(report.breaks()).extracting(AuditBreak::chain, AuditBreak::seq, AuditBreak::kind)
                .containsExactly(tuple(AuditChains.CA, 1L, Kind.CA_KEY_UNRECORDED));
        assertThat(report.breaks().get(0).detail()).contains(SECOND).contains("names " + FIRST);
    }

    @Test
    void aServedKeyOnlyAnOlderRecordNames_shouldBeABreak() {
        // a swap back to an earlier key is a swap too: only the newest registration is in force
        List<AuditRecord> ca = caChain(FIRST, SECOND);

        assertThat(verifier.verify(snapshot(ca).withServedCaFingerprint(FIRST)).breaks())
                .extracting(AuditBreak::seq, AuditBreak::kind).containsExactly(tuple(2L, Kind.CA_KEY_UNRECORDED));
    }

    @Test
    void aServedKeyWithNoRegistrationAtAll_shouldBeABreakOnceACertificateWasIssued() {
        AuditRecord issued = TestAuditRecords.next(AuditHead.GENESIS, AuditChains.forUser("bob"), T0, "bob",
                AuditAction.CERTIFICATE_ISSUED.wire(), Map.of("serial", "1"));
        AuditSnapshot signedBefore = new AuditSnapshot(Map.of(issued.chain(), List.of(StoredRecord.readable(issued))),
                Map.of(issued.chain(), new ExpectedHead(issued.chain(), 1, issued.hash(), "head item")), Optional.empty());

        AuditReport report = verifier.verify(signedBefore.withServedCaFingerprint(FIRST));

        assertThat(report.breaks()).extracting(AuditBreak::chain, AuditBreak::seq, AuditBreak::kind)
                .containsExactly(tuple(AuditChains.CA, 0L, Kind.CA_KEY_UNRECORDED));
    }

    @Test
    void aNewDeploymentThatSignedNothingYet_shouldBeNoBreak() {
        // its key is recorded by its first signature (RegisteredCertificateAuthority)
        assertThat(verifier.verify(snapshot(List.of()).withServedCaFingerprint(FIRST)).breaks()).isEmpty();
    }

    @Test
    void otherRecordsAfterTheRegistration_shouldNotHideIt() {
        List<AuditRecord> ca = new ArrayList<>(caChain(FIRST));
        ca.add(TestAuditRecords.next(ca.get(0).head(), AuditChains.CA, T0.plusSeconds(9), "ops", "ca.something_newer",
                Map.of()));

        assertThat(verifier.verify(snapshot(ca).withServedCaFingerprint(FIRST)).breaks()).isEmpty();
    }

    @Test
    void withoutTheServedKey_shouldNotCompare() {
        assertThat(verifier.verify(snapshot(caChain(FIRST))).breaks()).isEmpty();
    }

    private static List<AuditRecord> caChain(String... fingerprints) {
        List<AuditRecord> records = new ArrayList<>();
        AuditHead head = AuditHead.GENESIS;
        for (String fingerprint : fingerprints) {
            AuditRecord record = TestAuditRecords.next(head, AuditChains.CA, T0.plusSeconds(records.size()), "local-up",
                    AuditAction.CA_KEY_REGISTERED.wire(), Map.of(CaKeyRecords.KEY_ID, "key-" + records.size(),
                            CaKeyRecords.KEY_SPEC, "ECC_NIST_P256", CaKeyRecords.FINGERPRINT, fingerprint));
            records.add(record);
            head = record.head();
        }
        return records;
    }

    private static AuditSnapshot snapshot(List<AuditRecord> ca) {
        if (ca.isEmpty()) {
            return new AuditSnapshot(Map.of(), Map.of(), Optional.empty());
        }
        AuditRecord last = ca.get(ca.size() - 1);
        return new AuditSnapshot(Map.of(AuditChains.CA, ca.stream().map(StoredRecord::readable).toList()),
                Map.of(AuditChains.CA, new ExpectedHead(AuditChains.CA, last.seq(), last.hash(), "head item")),
                Optional.empty());
    }
}
