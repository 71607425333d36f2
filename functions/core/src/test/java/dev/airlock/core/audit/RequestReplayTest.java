package dev.airlock.core.audit;

import dev.airlock.core.audit.AuditBreak.Kind;
import dev.airlock.core.audit.AuditSnapshot.ExpectedHead;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.core.testing.TestKeys;
import dev.airlock.core.usecase.BreakGlassAccess;
import dev.airlock.core.usecase.BreakGlassSettings;
import dev.airlock.core.usecase.NewRequest;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.AuditHead;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Review;
import dev.airlock.domain.request.Verdict;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Chains written by the real use cases (in memory), then tampered with as an insider with table write
 * access would: the replay names each attack of issue #14 by its own break kind, including the ones
 * whose hashes were all recomputed.
 */
class RequestReplayTest {

    private final TestAirlock t = TestAirlock.demo();
    private final AuditVerifier verifier = new AuditVerifier();

    @Test
    void honestLifecycles_shouldReplayToTheirItems() {
        issued(approved());
        t.airlock().withdrawRequest().handle(TestIdentities.bob(), pending().id());
        t.airlock().reviewRequest().handle(TestIdentities.alice(), pending().id(), Verdict.DENY, "no");
        pending();
        issued(approved());
        t.clock().advance(Duration.ofDays(2));
        assertThat(t.airlock().expireRequests().run().expired()).isEqualTo(3);

        AuditReport report = verifier.verify(snapshot(t.store().all(), t.audit().all()));

        assertThat(report.breaks()).isEmpty();
    }

    @Test
    void anHonestBreakGlassLifecycle_shouldReplayToItsItem() {
        // GIVEN a break-glass request (APPROVED by its first record), a certificate, and a confirming post-review
        AccessRequest opened = new BreakGlassAccess(t.store(), t.roles(), t.clock(), BreakGlassSettings.DEFAULTS)
                .handle(TestIdentities.bob(), NewRequest.of(List.of("dba"), "INC-16 db down"), Optional.empty())
                .request();
        issued(opened);
        t.airlock().reviewRequest().handle(TestIdentities.alice(), opened.id(), Verdict.APPROVE, "real incident");

        // WHEN every chain is verified THEN the replay justifies the item: no break
        assertThat(verifier.verify(snapshot(t.store().all(), t.audit().all())).breaks()).isEmpty();
        assertThat(RequestReplay.replay(chain(opened), t.audit().read(chain(opened))).state())
                .isEqualTo(RequestState.APPROVED);
    }

    @Test
    void chainsOfNoRequest_shouldNotBeReplayedAsRequests() {
        // GIVEN an honest request, and chains owned by no request whose actions would be invalid on one:
        // a certificate.issued with no approval (user#), revocations, role changes, a CA key, a tamper alarm
        issued(approved());
        t.audit().append(AuditChains.forUser("bob"), "bob", AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "7"));
        t.audit().append(AuditChains.forUser("bob"), "alice", AuditAction.CERTIFICATE_REVOKED, Map.of("serial", "7"));
        t.audit().append(AuditChains.CONFIG, "ops", AuditAction.ROLES_APPLIED, Map.of("sha256", "00"));
        t.audit().append(AuditChains.CA, "local-up", AuditAction.CA_KEY_REGISTERED,
                Map.of(CaKeyRecords.FINGERPRINT, "SHA256:x"));
        t.audit().append(AuditChains.TAMPER, "checkpoint", AuditAction.TAMPER, Map.of("event", "REMOVE"));

        // WHEN every chain is verified THEN only request chains are replayed: no break
        AuditReport report = verifier.verify(snapshot(t.store().all(), t.audit().all()));

        assertThat(report.breaks()).isEmpty();
        assertThat(report.chains()).isEqualTo(5);
    }

    @Test
    void replayingAChainOfNoRequest_shouldBeRefused() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> RequestReplay.replay(AuditChains.CA, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ca");
    }

    @Test
    void anItemApprovedWithAFakeReviewAndNoRecord_shouldBeAnUnjustifiedState() {
        AccessRequest pending = pending();
        AccessRequest forged = pending.applyReview(new Review("mallory", Verdict.APPROVE, "trust me",
                t.clock().instant()), t.clock().instant());

        assertThat(breaks(replaced(forged), t.audit().all())).containsExactly(
                tuple(chain(pending), 0L, Kind.UNJUSTIFIED_STATE),
                tuple(chain(pending), 0L, Kind.REVIEW_MISMATCH),
                tuple(chain(pending), 0L, Kind.WINDOW_MISMATCH));
    }

    @Test
    void anEditedApproverWithEveryLaterHashRecomputed_shouldBeAReviewMismatch() {
        AccessRequest request = issued(approved());
        List<AuditRecord> records = new ArrayList<>(t.audit().read(chain(request)));
        AuditRecord approval = records.get(1);
        records.set(1, new AuditRecord(approval.chain(), 2, approval.at(), "mallory", approval.action(),
                approval.details(), approval.prevHash(), approval.hash()));
        List<AuditRecord> rewritten = rehash(records);
        AccessRequest item = stored(request).withAuditHead(rewritten.get(rewritten.size() - 1).head());

        assertThat(breaks(replaced(item), others(request, rewritten)))
                .containsExactly(tuple(chain(request), 0L, Kind.REVIEW_MISMATCH));
    }

    @Test
    void aRemovedCertificateRecordWithTheHeadMovedBack_shouldBeASerialWithoutRecord() {
        AccessRequest request = issued(approved());
        List<AuditRecord> records = new ArrayList<>(t.audit().read(chain(request)));
        records.remove(records.size() - 1);
        AccessRequest item = stored(request).withAuditHead(records.get(records.size() - 1).head());

        assertThat(breaks(replaced(item), others(request, records)))
                .containsExactly(tuple(chain(request), 0L, Kind.SERIAL_WITHOUT_RECORD));
    }

    @Test
    void aSerialRemovedFromTheItem_shouldBeARecordWithoutSerial() {
        AccessRequest request = stored(issued(approved()));
        AccessRequest item = new AccessRequest(request.id(), request.user(), request.roles(), request.reason(),
                request.state(), request.createdAt(), request.pendingExpiresAt(), request.accessDuration(),
                request.accessExpiresAt(), request.thresholdsByRole(), request.reviews(), request.resolutionReason(),
                request.resolvedAt(), request.version(), request.auditHead(), List.of());

        assertThat(breaks(replaced(item), t.audit().all()))
                .containsExactly(tuple(chain(request), 0L, Kind.RECORD_WITHOUT_SERIAL));
    }

    @Test
    void aCertificateRecordWithoutApproval_shouldBeIssuedWithoutApproval() {
        AccessRequest pending = pending();
        List<AuditRecord> records = new ArrayList<>(t.audit().read(chain(pending)));
        records.add(AuditRecord.next(records.get(0).head(), chain(pending), t.clock().instant(), "bob",
                AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "77")));
        AccessRequest item = stored(pending).withAuditHead(records.get(1).head());

        assertThat(breaks(replaced(item), others(pending, records))).contains(
                tuple(chain(pending), 2L, Kind.ISSUED_WITHOUT_APPROVAL),
                tuple(chain(pending), 0L, Kind.RECORD_WITHOUT_SERIAL));
    }

    @Test
    void aWithdrawalAfterApproval_shouldBeAnInvalidTransition() {
        AccessRequest request = approved();
        List<AuditRecord> records = new ArrayList<>(t.audit().read(chain(request)));
        records.add(AuditRecord.next(records.get(1).head(), chain(request), t.clock().instant(), "bob",
                AuditAction.REQUEST_WITHDRAWN, Map.of()));
        AccessRequest item = stored(request).withAuditHead(records.get(2).head());

        assertThat(breaks(replaced(item), others(request, records)))
                .containsExactly(tuple(chain(request), 3L, Kind.INVALID_TRANSITION));
    }

    @Test
    void anItemWithoutChainAndAChainWithoutItem_shouldEachHaveTheirKind() {
        AccessRequest lost = pending();
        AccessRequest orphaned = pending();
        List<AccessRequest> items = new ArrayList<>(t.store().all());
        items.removeIf(r -> r.id().equals(orphaned.id()));

        assertThat(breaks(items, others(lost, List.of()))).containsExactlyInAnyOrder( // ordered by random ids
                tuple(chain(lost), 0L, Kind.ITEM_WITHOUT_CHAIN),
                tuple(chain(orphaned), 1L, Kind.ORPHAN_CHAIN));
    }

    @Test
    void leavesApproved_shouldHoldForTheApprovingReviewAndCertificatesOnly() {
        AccessRequest request = issued(approved());
        List<AuditRecord> records = t.audit().read(chain(request));

        assertThat(records).extracting(RequestReplay::leavesApproved).containsExactly(false, true, true);
    }

    private AccessRequest pending() {
        return t.airlock().requestAccess().handle(TestIdentities.bob(), NewRequest.of(List.of("dba"), "INC-1"),
                Optional.empty()).request();
    }

    private AccessRequest approved() {
        return t.airlock().reviewRequest().handle(TestIdentities.alice(), pending().id(), Verdict.APPROVE, "ok");
    }

    private AccessRequest issued(AccessRequest approved) {
        t.airlock().issueCertificate().handle(TestIdentities.bob(), TestKeys.ed25519PublicKeyLine(),
                Optional.of(approved.id()));
        return stored(approved);
    }

    private AccessRequest stored(AccessRequest request) {
        return t.store().find(request.id()).orElseThrow();
    }

    private static String chain(AccessRequest request) {
        return AuditChains.forRequest(request.id());
    }

    /** Every stored item, with {@code item} in place of the stored one of its id. */
    private List<AccessRequest> replaced(AccessRequest item) {
        return t.store().all().stream().map(r -> r.id().equals(item.id()) ? item : r).toList();
    }

    /** Every stored record, with {@code records} in place of the request's chain. */
    private List<AuditRecord> others(AccessRequest request, List<AuditRecord> records) {
        List<AuditRecord> all = new ArrayList<>(t.audit().all());
        all.removeIf(r -> r.chain().equals(chain(request)));
        all.addAll(records);
        return all;
    }

    /** The records with every hash and link recomputed, as an attacker who knows the (public) algorithm would. */
    private static List<AuditRecord> rehash(List<AuditRecord> records) {
        List<AuditRecord> out = new ArrayList<>();
        AuditHead head = AuditHead.GENESIS;
        for (AuditRecord r : records) {
            AuditRecord unsigned = new AuditRecord(r.chain(), r.seq(), r.at(), r.actor(), r.action(), r.details(),
                    head.hash(), head.hash());
            AuditRecord signed = new AuditRecord(r.chain(), r.seq(), r.at(), r.actor(), r.action(), r.details(),
                    head.hash(), CanonicalForm.hash(unsigned));
            out.add(signed);
            head = signed.head();
        }
        return out;
    }

    private List<Tuple> breaks(List<AccessRequest> items, List<AuditRecord> records) {
        return verifier.verify(snapshot(items, records)).breaks().stream()
                .map(b -> tuple(b.chain(), b.seq(), b.kind())).toList();
    }

    static AuditSnapshot snapshot(List<AccessRequest> items, List<AuditRecord> records) {
        Map<String, List<StoredRecord>> chains = records.stream().collect(Collectors.groupingBy(AuditRecord::chain,
                Collectors.mapping(StoredRecord::readable, Collectors.toList())));
        Map<String, ExpectedHead> heads = new HashMap<>();
        Map<String, AccessRequest> requests = new HashMap<>();
        for (AccessRequest item : items) {
            String chain = AuditChains.forRequest(item.id());
            heads.put(chain, new ExpectedHead(chain, item.auditHead().seq(), item.auditHead().hash(),
                    "request " + item.id()));
            requests.put(chain, item);
        }
        for (String chain : chains.keySet()) {
            if (!AuditChains.isRequestChain(chain)) {
                List<StoredRecord> stored = chains.get(chain);
                AuditRecord last = stored.get(stored.size() - 1).record().orElseThrow();
                heads.put(chain, new ExpectedHead(chain, last.seq(), last.hash(), "head item"));
            }
        }
        return new AuditSnapshot(chains, heads, Optional.empty(), requests);
    }

    @Test
    void replay_shouldFollowTheRecordsState() {
        AccessRequest request = issued(approved());

        ReplayedRequest replayed = RequestReplay.replay(chain(request), t.audit().read(chain(request)));

        assertThat(replayed.state()).isEqualTo(RequestState.APPROVED);
        assertThat(replayed.user()).contains("bob");
        assertThat(replayed.reviews()).extracting(ReplayedRequest.ReplayedReview::reviewer).containsExactly("alice");
        assertThat(replayed.accessExpiresAt()).isEqualTo(request.accessExpiresAt());
        assertThat(replayed.serials()).isEqualTo(request.certificateSerials()).hasSize(1);
        assertThat(replayed.head()).isEqualTo(request.auditHead());
    }
}
