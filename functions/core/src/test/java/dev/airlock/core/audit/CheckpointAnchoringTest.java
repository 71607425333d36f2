package dev.airlock.core.audit;

import dev.airlock.core.audit.AuditBreak.Kind;
import dev.airlock.core.audit.CheckpointVerifier.Anchored;
import dev.airlock.core.testing.InMemoryCheckpoints;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.core.testing.TestKeys;
import dev.airlock.core.usecase.NewRequest;
import dev.airlock.core.usecase.TakeCheckpoints;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.AuditHead;
import dev.airlock.domain.request.Verdict;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Chains written by the real use cases, fed to {@link TakeCheckpoints} as the stream would, anchored
 * in memory; then the attacks of issue #14 that replay alone cannot see, made consistently in both
 * tables: {@link CheckpointVerifier} names each once a checkpoint covers it.
 */
class CheckpointAnchoringTest {

    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private final TestAirlock t = TestAirlock.demo();
    private final InMemoryCheckpoints checkpoints = new InMemoryCheckpoints();
    private final TakeCheckpoints take = new TakeCheckpoints(checkpoints, checkpoints, checkpoints, t.audit(), t.clock(),
            INTERVAL);
    private AccessRequest request;
    private int fed;

    @BeforeEach
    void setUp() {
        AccessRequest pending = t.airlock().requestAccess().handle(TestIdentities.bob(),
                NewRequest.of(List.of("dba"), "INC-1"), Optional.empty()).request();
        t.airlock().reviewRequest().handle(TestIdentities.alice(), pending.id(), Verdict.APPROVE, "ok");
        t.airlock().issueCertificate().handle(TestIdentities.bob(), TestKeys.ed25519PublicKeyLine(), Optional.of(pending.id()));
        for (int i = 0; i < 8; i++) {
            t.airlock().issueCertificate().handle(TestIdentities.bob(), TestKeys.ed25519PublicKeyLine(), Optional.empty());
        }
        request = t.store().find(pending.id()).orElseThrow();
        TakeCheckpoints.Outcome outcome = take.consume(newInserts());
        assertThat(outcome.tampered()).isEmpty();
        assertThat(outcome.appended()).isEqualTo(3 + 8);
        assertThat(outcome.checkpoint()).isPresent();
    }

    @Test
    void untouchedTables_shouldVerifyAgainstTheAnchor() {
        assertThat(anchoredBreaks(snapshotOf(t.audit().all()))).isEmpty();
        assertThat(CheckpointVerifier.unanchored(snapshotOf(t.audit().all()), anchored().heads())).isZero();
    }

    @Test
    void userBobTruncatedFromEightRecordsToOne_shouldBeRolledBack() {
        List<AuditRecord> records = new ArrayList<>(t.audit().all());
        records.removeIf(r -> r.chain().equals("user#bob") && r.seq() > 1);
        AuditSnapshot snapshot = snapshotOf(records);

        assertThat(new AuditVerifier().verify(snapshot).breaks()).isEmpty(); // the head item was moved back too
        assertThat(anchoredBreaks(snapshot)).containsExactly(tuple("user#bob", 8L, Kind.ROLLED_BACK));
    }

    @Test
    void aRequestDeletedWithItsWholeChain_shouldBeRolledBack() {
        String chain = AuditChains.forRequest(request.id());
        List<AuditRecord> records = new ArrayList<>(t.audit().all());
        records.removeIf(r -> r.chain().equals(chain));
        List<AccessRequest> items = new ArrayList<>(t.store().all());
        items.removeIf(r -> r.id().equals(request.id()));
        AuditSnapshot snapshot = RequestReplayTest.snapshot(items, records);

        assertThat(new AuditVerifier().verify(snapshot).breaks()).isEmpty();
        assertThat(anchoredBreaks(snapshot)).containsExactly(tuple(chain, 3L, Kind.ROLLED_BACK));
    }

    @Test
    void anEditWithEveryHashRecomputed_shouldBeRewrittenOnceACheckpointCoversIt() {
        List<AuditRecord> bob = t.audit().read("user#bob");
        List<AuditRecord> edited = new ArrayList<>(bob);
        AuditRecord third = bob.get(2);
        Map<String, String> details = new TreeMap<>(third.details());
        details.put("principals", "root");
        edited.set(2, new AuditRecord(third.chain(), 3, third.at(), third.actor(), third.action(), details,
                third.prevHash(), third.hash()));
        List<AuditRecord> records = new ArrayList<>(t.audit().all());
        records.removeIf(r -> r.chain().equals("user#bob"));
        records.addAll(rehash(edited));
        AuditSnapshot snapshot = snapshotOf(records);

        assertThat(new AuditVerifier().verify(snapshot).breaks()).isEmpty();
        assertThat(anchoredBreaks(snapshot)).containsExactly(tuple("user#bob", 8L, Kind.REWRITTEN));
    }

    @Test
    void aModifyOrRemoveOnTheStream_shouldBeRecordedAsTamper() {
        AuditRecord first = t.audit().read("user#bob").get(0);
        StreamChange modify = new StreamChange("900", StreamChange.Event.MODIFY, "user#bob", 1,
                Optional.of(StoredRecord.readable(first)));
        StreamChange remove = new StreamChange("901", StreamChange.Event.REMOVE, "user#bob", 2, Optional.empty());

        TakeCheckpoints.Outcome outcome = take.consume(List.of(modify, remove));

        assertThat(outcome.tampered()).containsExactly(modify, remove);
        assertThat(t.audit().read(AuditChains.TAMPER)).extracting(r -> r.details().get("event"), r -> r.details().get("seq"))
                .containsExactly(tuple("MODIFY", "1"), tuple("REMOVE", "2"));
        assertThat(t.audit().read(AuditChains.TAMPER)).allMatch(r -> r.action().equals("audit.tamper"));
    }

    @Test
    void anInsertThatDoesNotExtendItsHead_shouldBeTamper() {
        AuditRecord forged = AuditRecord.next(new AuditHead(3, "ab".repeat(32)), "user#bob", t.clock().instant(), "bob",
                AuditAction.CERTIFICATE_ISSUED, Map.of());

        TakeCheckpoints.Outcome outcome = take.consume(List.of(insert(forged)));

        assertThat(outcome.appended()).isZero();
        assertThat(outcome.tampered()).hasSize(1);
    }

    @Test
    void checkpoints_shouldFollowTheIntervalAndCoverOnlyTheChainsThatMoved() {
        t.airlock().issueCertificate().handle(TestIdentities.bob(), TestKeys.ed25519PublicKeyLine(), Optional.empty());
        assertThat(take.consume(newInserts()).checkpoint()).isEmpty(); // before the interval
        t.clock().advance(INTERVAL);

        Checkpoint second = take.checkpointIfDue().orElseThrow();

        assertThat(second.n()).isEqualTo(2);
        assertThat(second.records()).isEqualTo(1);
        assertThat(second.heads()).containsOnlyKeys("user#bob");
        assertThat(second.heads().get("user#bob").seq()).isEqualTo(9);
        assertThat(anchored().breaks()).isEmpty();
        assertThat(CheckpointVerifier.staleness(anchored().newest(), t.clock().instant(), INTERVAL)).isEmpty();
        assertThat(CheckpointVerifier.staleness(anchored().newest(), t.clock().instant().plus(INTERVAL.multipliedBy(2))
                .plusMillis(1), INTERVAL)).map(AuditBreak::kind).contains(Kind.CHECKPOINT_STALE);
    }

    @Test
    void aForgedOrMissingCheckpoint_shouldBreakTheSequence() {
        t.clock().advance(INTERVAL);
        take.checkpointIfDue().orElseThrow();
        t.clock().advance(INTERVAL);
        take.checkpointIfDue().orElseThrow();
        SignedCheckpoint two = checkpoints.from(2).get(0);
        Checkpoint body = Checkpoint.parse(two.body());
        Checkpoint altered = new Checkpoint(2, body.previousHash(), body.at(), 99, body.heads());
        checkpoints.forgeAnchored(new SignedCheckpoint(2, altered.body(), two.keyId(), two.signature()));

        assertThat(anchored().breaks()).extracting(AuditBreak::seq, AuditBreak::kind)
                .containsExactly(tuple(2L, Kind.CHECKPOINT_SIGNATURE));
        checkpoints.removeAnchored(2);
        assertThat(anchored().breaks()).extracting(AuditBreak::seq, AuditBreak::kind)
                .containsExactly(tuple(2L, Kind.CHECKPOINT_GAP));
    }

    private Anchored anchored() {
        return new CheckpointVerifier(checkpoints.publicKey()).verifySequence(checkpoints.from(1), 1,
                AuditHead.GENESIS.hash());
    }

    private List<Tuple> anchoredBreaks(AuditSnapshot snapshot) {
        Anchored anchored = anchored();
        assertThat(anchored.breaks()).isEmpty();
        return CheckpointVerifier.checkTable(snapshot, anchored.heads()).stream()
                .map(b -> tuple(b.chain(), b.seq(), b.kind())).toList();
    }

    /** The table as it is, with {@code records} in the audit table and every head item and request item agreeing. */
    private AuditSnapshot snapshotOf(List<AuditRecord> records) {
        return RequestReplayTest.snapshot(t.store().all(), records);
    }

    private List<StreamChange> newInserts() {
        List<StreamChange> changes = t.audit().all().stream()
                .sorted(Comparator.comparing(AuditRecord::chain).thenComparingLong(AuditRecord::seq))
                .skip(0).map(CheckpointAnchoringTest::insert).toList();
        List<StreamChange> fresh = changes.subList(fed, changes.size());
        fed = changes.size();
        return fresh;
    }

    private static StreamChange insert(AuditRecord record) {
        return new StreamChange(record.chain() + "/" + record.seq(), StreamChange.Event.INSERT, record.chain(),
                record.seq(), Optional.of(StoredRecord.readable(record)));
    }

    private static List<AuditRecord> rehash(List<AuditRecord> records) {
        List<AuditRecord> out = new ArrayList<>();
        AuditHead head = AuditHead.GENESIS;
        for (AuditRecord r : records) {
            AuditRecord unhashed = new AuditRecord(r.chain(), r.seq(), r.at(), r.actor(), r.action(), r.details(),
                    head.hash(), head.hash());
            AuditRecord hashed = new AuditRecord(r.chain(), r.seq(), r.at(), r.actor(), r.action(), r.details(),
                    head.hash(), CanonicalForm.hash(unhashed));
            out.add(hashed);
            head = hashed.head();
        }
        return out;
    }
}
