package dev.airlock.core.audit;

import dev.airlock.core.testing.TestAuditRecords;

import dev.airlock.core.audit.AuditBreak.Kind;
import dev.airlock.core.audit.AuditSnapshot.ExpectedHead;
import dev.airlock.core.audit.AuditSnapshot.RoleConfigClaim;

import dev.airlock.domain.request.AuditHead;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AuditVerifierTest {

    private static final String REQUEST = AuditChains.forRequest("7b0f3c52-0b7e-4a36-9d55-3c8f2f1e0a11");
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final AuditVerifier verifier = new AuditVerifier();

    @Test
    void verify_shouldReportNothingForIntactChains() {
        List<AuditRecord> request = chain(REQUEST, 4);
        List<AuditRecord> ca = chain(AuditChains.CA, 3);

        AuditReport report = verifier.verify(snapshot(Map.of(REQUEST, request, AuditChains.CA, ca),
                head(REQUEST, request, "request"), head(AuditChains.CA, ca, "head item")));

        assertThat(report.intact()).isTrue();
        assertThat(report.chains()).isEqualTo(2);
        assertThat(report.records()).isEqualTo(7);
        assertThat(report.summary()).isEqualTo("OK: 2 chains, 7 records, 0 breaks");
    }

    @Test
    void verify_shouldNameAModifiedRecord() {
        List<AuditRecord> records = chain(REQUEST, 4);
        AuditRecord r2 = records.get(1);
        records.set(1, new AuditRecord(r2.chain(), r2.seq(), r2.at(), "mallory", r2.action(), r2.details(),
                r2.prevHash(), r2.hash()));

        assertThat(breaksOf(records)).containsExactly(tuple(REQUEST, 2L, Kind.MODIFIED));
    }

    @Test
    void verify_shouldNameDeletedRecordsInTheMiddleAndAtTheStart() {
        List<AuditRecord> records = chain(REQUEST, 5);
        records.remove(2); // seq 3
        records.remove(0); // seq 1

        assertThat(breaksOf(records)).containsExactly(tuple(REQUEST, 1L, Kind.DELETED), tuple(REQUEST, 3L, Kind.DELETED));
    }

    @Test
    void verify_shouldNameSwappedRecordsAsReorderedWithoutFollowOnNoise() {
        List<AuditRecord> records = chain(REQUEST, 5);
        AuditRecord r2 = records.get(1);
        AuditRecord r3 = records.get(2);
        records.set(1, at(r3, 2));
        records.set(2, at(r2, 3));

        AuditReport report = verify(records);

        assertThat(report.breaks()).extracting(AuditBreak::chain, AuditBreak::seq, AuditBreak::kind)
                .containsExactly(tuple(REQUEST, 2L, Kind.REORDERED), tuple(REQUEST, 3L, Kind.REORDERED));
        assertThat(report.breaks().get(0).detail()).contains("seq 3");
        assertThat(report.breaks().get(1).detail()).contains("seq 2");
    }

    @Test
    void verify_shouldNameARecordRewrittenWithARecomputedHashAtTheBrokenLink() {
        List<AuditRecord> records = chain(REQUEST, 4);
        AuditRecord r2 = records.get(1);
        records.set(1, signed(new AuditRecord(r2.chain(), 2, r2.at(), "mallory", r2.action(), r2.details(),
                r2.prevHash(), r2.hash())));

        assertThat(breaksOf(records)).containsExactly(tuple(REQUEST, 3L, Kind.LINK_BROKEN));
    }

    @Test
    void verify_shouldNameAFirstRecordThatDoesNotStartFromGenesis() {
        List<AuditRecord> records = chain(REQUEST, 2);
        AuditRecord r1 = records.get(0);
        records.set(0, signed(new AuditRecord(r1.chain(), 1, r1.at(), r1.actor(), r1.action(), r1.details(),
                "f".repeat(64), r1.hash())));

        assertThat(breaksOf(records)).contains(tuple(REQUEST, 1L, Kind.LINK_BROKEN));
    }

    @Test
    void verify_shouldNameAMissingTailAgainstTheRequestsHead() {
        List<AuditRecord> records = chain(REQUEST, 4);
        ExpectedHead head = head(REQUEST, records, "request");
        records.remove(3);

        AuditReport report = verifier.verify(snapshot(Map.of(REQUEST, records), head));

        assertThat(report.breaks()).extracting(AuditBreak::chain, AuditBreak::seq, AuditBreak::kind)
                .containsExactly(tuple(REQUEST, 4L, Kind.MISSING_TAIL));
    }

    @Test
    void verify_shouldNameAHeadThatDoesNotMatchItsChain() {
        List<AuditRecord> records = chain(REQUEST, 3);
        ExpectedHead behind = new ExpectedHead(REQUEST, 2, records.get(1).hash(), "request");
        ExpectedHead otherHash = new ExpectedHead(REQUEST, 3, "e".repeat(64), "request");

        assertThat(verifier.verify(snapshot(Map.of(REQUEST, records), behind)).breaks())
                .extracting(AuditBreak::seq, AuditBreak::kind).containsExactly(tuple(3L, Kind.HEAD_MISMATCH));
        assertThat(verifier.verify(snapshot(Map.of(REQUEST, records), otherHash)).breaks())
                .extracting(AuditBreak::seq, AuditBreak::kind).containsExactly(tuple(3L, Kind.HEAD_MISMATCH));
    }

    @Test
    void verify_shouldNameRecordsOfARequestThatDoesNotExist() {
        AuditReport report = verifier.verify(snapshot(Map.of(REQUEST, chain(REQUEST, 2))));

        assertThat(report.breaks()).extracting(AuditBreak::chain, AuditBreak::seq, AuditBreak::kind)
                .containsExactly(tuple(REQUEST, 1L, Kind.ORPHAN_CHAIN));
        assertThat(report.breaks().get(0).detail()).contains("does not exist");
    }

    @Test
    void verify_shouldNameAChainWhollyDeletedUnderItsHeadItem() {
        List<AuditRecord> ca = chain(AuditChains.CA, 2);

        AuditReport report = verifier.verify(snapshot(Map.of(), head(AuditChains.CA, ca, "head item")));

        assertThat(report.breaks()).extracting(AuditBreak::chain, AuditBreak::seq, AuditBreak::kind)
                .containsExactly(tuple(AuditChains.CA, 1L, Kind.MISSING_TAIL));
    }

    @Test
    void verify_shouldNameAMalformedItem() {
        List<AuditRecord> records = chain(REQUEST, 3);
        Map<String, List<StoredRecord>> chains = new HashMap<>();
        List<StoredRecord> stored = new ArrayList<>(records.stream().map(StoredRecord::readable).toList());
        stored.set(1, StoredRecord.malformed(REQUEST, 2, "attribute 'actor' (S) is missing"));
        chains.put(REQUEST, stored);

        AuditReport report = verifier.verify(new AuditSnapshot(chains,
                Map.of(REQUEST, head(REQUEST, records, "request")), Optional.empty()));

        assertThat(report.breaks()).extracting(AuditBreak::seq, AuditBreak::kind).containsExactly(tuple(2L, Kind.MALFORMED));
    }

    @Test
    void verify_shouldCheckTheStoredRoleConfigurationAgainstItsLastAppliedRecord() {
        AuditRecord applied = AuditRecord.next(AuditHead.GENESIS, AuditChains.CONFIG, T0, "admin",
                AuditAction.ROLES_APPLIED, Map.of("sha256", "a".repeat(64), "roles", "dba"));
        Map<String, List<StoredRecord>> chains = Map.of(AuditChains.CONFIG, List.of(StoredRecord.readable(applied)));
        Map<String, ExpectedHead> heads = Map.of(AuditChains.CONFIG, head(AuditChains.CONFIG, List.of(applied), "head item"));

        AuditReport intact = verifier.verify(new AuditSnapshot(chains, heads,
                Optional.of(new RoleConfigClaim("a".repeat(64), "a".repeat(64)))));
        AuditReport edited = verifier.verify(new AuditSnapshot(chains, heads,
                Optional.of(new RoleConfigClaim("a".repeat(64), "b".repeat(64)))));
        AuditReport replaced = verifier.verify(new AuditSnapshot(chains, heads,
                Optional.of(new RoleConfigClaim("c".repeat(64), "c".repeat(64)))));

        assertThat(intact.intact()).isTrue();
        assertThat(edited.breaks()).extracting(AuditBreak::kind).containsExactly(Kind.CONFIG_MISMATCH);
        assertThat(replaced.breaks()).extracting(AuditBreak::seq, AuditBreak::kind)
                .containsExactly(tuple(1L, Kind.CONFIG_MISMATCH));
    }

    @Test
    void verify_shouldOrderBreaksByChainAndSeqAndRenderOneLineEach() {
        List<AuditRecord> ca = chain(AuditChains.CA, 3);
        List<AuditRecord> request = chain(REQUEST, 3);
        ExpectedHead caHead = head(AuditChains.CA, ca, "head item");
        ca.remove(1);
        request.remove(2);

        AuditReport report = verifier.verify(snapshot(Map.of(REQUEST, request, AuditChains.CA, ca), caHead,
                new ExpectedHead(REQUEST, 3, "d".repeat(64), "request 7b0f")));

        assertThat(report.breaks()).extracting(AuditBreak::line).containsExactly(
                "BREAK chain=ca seq=2 kind=DELETED: record 2 is missing",
                "BREAK chain=" + REQUEST + " seq=3 kind=MISSING_TAIL: request 7b0f says the head is record 3 but the chain ends at 2");
        assertThat(report.summary()).isEqualTo("FAILED: 2 chains, 4 records, 2 breaks");
    }

    private List<org.assertj.core.groups.Tuple> breaksOf(List<AuditRecord> records) {
        return verify(records).breaks().stream().map(b -> tuple(b.chain(), b.seq(), b.kind())).toList();
    }

    /** Verifies a request chain whose request head is the last record's original head. */
    private AuditReport verify(List<AuditRecord> records) {
        List<AuditRecord> original = chain(REQUEST, (int) records.stream().mapToLong(AuditRecord::seq).max().orElse(0));
        return verifier.verify(snapshot(Map.of(REQUEST, records), head(REQUEST, original, "request")));
    }

    private static AuditSnapshot snapshot(Map<String, List<AuditRecord>> chains, ExpectedHead... heads) {
        Map<String, List<StoredRecord>> stored = new HashMap<>();
        chains.forEach((chain, records) -> stored.put(chain, records.stream().map(StoredRecord::readable).toList()));
        Map<String, ExpectedHead> byChain = new HashMap<>();
        for (ExpectedHead head : heads) {
            byChain.put(head.chain(), head);
        }
        return new AuditSnapshot(stored, byChain, Optional.empty());
    }

    private static ExpectedHead head(String chain, List<AuditRecord> records, String holder) {
        AuditRecord last = records.get(records.size() - 1);
        return new ExpectedHead(chain, last.seq(), last.hash(), holder);
    }

    /** A valid chain of {@code n} records; deterministic, so two calls build the same chain. */
    static List<AuditRecord> chain(String chain, int n) {
        List<AuditRecord> records = new ArrayList<>();
        AuditHead head = AuditHead.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditRecord record = TestAuditRecords.next(head, chain, T0.plusSeconds(i), "actor-" + i, "action." + i,
                    Map.of("n", Integer.toString(i)));
            records.add(record);
            head = record.head();
        }
        return records;
    }

    private static AuditRecord at(AuditRecord r, long seq) {
        return new AuditRecord(r.chain(), seq, r.at(), r.actor(), r.action(), r.details(), r.prevHash(), r.hash());
    }

    private static AuditRecord signed(AuditRecord r) {
        return new AuditRecord(r.chain(), r.seq(), r.at(), r.actor(), r.action(), r.details(), r.prevHash(),
                CanonicalForm.hash(r));
    }
}
