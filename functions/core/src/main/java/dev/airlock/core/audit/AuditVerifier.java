package dev.airlock.core.audit;

import dev.airlock.core.audit.AuditBreak.Kind;
import dev.airlock.core.audit.AuditSnapshot.ExpectedHead;
import dev.airlock.core.audit.AuditSnapshot.RoleConfigClaim;

import dev.airlock.domain.request.AccessRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Checks every audit chain against its hashes and against the heads stored outside the audit table,
 * replays every request chain into the state it implies and compares it with the request item
 * ({@link RequestConsistency}), compares the CA key the deployment serves, when given, with the newest
 * {@code ca.key_registered} record ({@link CaKeyRecords}), and reports every break by chain and seq (see {@link AuditBreak.Kind}). Pure: it checks a
 * {@link AuditSnapshot}; reading one from DynamoDB is {@code dev.airlock.aws.dynamodb.AuditSnapshotReader}'s job.
 *
 * <p>What it proves: a record edited, deleted, swapped or inserted in the middle of a chain breaks a
 * hash or a link; a deleted tail shows as a head past the chain's end; records appended without the
 * head moving, or a head rewritten, show as a mismatch; a request item changed without its records
 * (a state, review, window or serial no record names) shows in the replay. What it cannot prove
 * alone: records and item rewritten together, every later hash recomputed, or a whole request deleted
 * with its chain; that takes write access to both tables, which the IAM and resource policies keep
 * narrow (docs/AUDIT.md).
 */
public final class AuditVerifier {

    private static final AuditAction ROLES_APPLIED = AuditAction.ROLES_APPLIED;

    public AuditReport verify(AuditSnapshot snapshot) {
        List<AuditBreak> breaks = new ArrayList<>();
        TreeSet<String> chains = new TreeSet<>(snapshot.chains().keySet());
        chains.addAll(snapshot.heads().keySet());
        long records = 0;
        for (String chain : chains) {
            List<StoredRecord> stored = snapshot.chains().getOrDefault(chain, List.of());
            records += stored.size();
            Optional<AccessRequest> item = Optional.ofNullable(snapshot.requests().get(chain));
            if (item.isPresent() && stored.isEmpty()) {
                breaks.add(new AuditBreak(chain, 0, Kind.ITEM_WITHOUT_CHAIN, "request " + item.get().id()
                        + " has no audit record at all (its chain was deleted, or it was never written)"));
                continue;
            }
            ChainWalk walk = new ChainWalk(chain, stored);
            List<AuditBreak> inside = walk.walk();
            breaks.addAll(inside);
            breaks.addAll(checkHead(chain, walk, Optional.ofNullable(snapshot.heads().get(chain))));
            // a chain broken inside already fails (replaying it would only add noise); only request chains replay
            if (inside.isEmpty() && AuditChains.isRequestChain(chain)) {
                item.ifPresent(request -> breaks.addAll(replay(chain, request, stored)));
            }
        }
        snapshot.unreadableRequests().forEach((chain, why) -> breaks.add(new AuditBreak(chain, 0, Kind.MALFORMED,
                "the request item cannot be read, so no record can justify it: " + why)));
        snapshot.roleConfig().ifPresent(claim -> breaks.addAll(checkRoleConfig(claim,
                new ChainWalk(AuditChains.CONFIG, snapshot.chains().getOrDefault(AuditChains.CONFIG, List.of())))));
        snapshot.servedCaFingerprint().flatMap(served -> CaKeyRecords.check(served, readable(
                snapshot.chains().getOrDefault(AuditChains.CA, List.of())), anythingSigned(snapshot)))
                .ifPresent(breaks::add);
        breaks.sort(Comparator.comparing(AuditBreak::chain).thenComparingLong(AuditBreak::seq));
        return new AuditReport(chains.size(), records, breaks);
    }

    private static boolean anythingSigned(AuditSnapshot snapshot) {
        return snapshot.chains().values().stream().flatMap(List::stream).flatMap(r -> r.record().stream())
                .anyMatch(r -> r.is(AuditAction.CERTIFICATE_ISSUED));
    }

    /** The readable records of one chain in seq order (unreadable ones are already breaks). */
    private static List<AuditRecord> readable(List<StoredRecord> stored) {
        return stored.stream().flatMap(r -> r.record().stream()).sorted(Comparator.comparingLong(AuditRecord::seq)).toList();
    }

    /** The item compared with the state its readable records replay to (unreadable ones are already breaks). */
    private static List<AuditBreak> replay(String chain, AccessRequest item, List<StoredRecord> stored) {
        List<AuditRecord> records = stored.stream().flatMap(r -> r.record().stream()).toList();
        return RequestConsistency.compare(chain, item, RequestReplay.replay(chain, records));
    }

    private static List<AuditBreak> checkHead(String chain, ChainWalk walk, Optional<ExpectedHead> head) {
        OptionalLong last = walk.lastSeq();
        if (head.isEmpty()) {
            if (last.isEmpty()) {
                return List.of();
            }
            String detail = AuditChains.requestIdOf(chain)
                    .map(id -> "records for request " + id + ", which does not exist")
                    .orElse("no head item owns this chain");
            return List.of(new AuditBreak(chain, 1, Kind.ORPHAN_CHAIN, detail));
        }
        ExpectedHead expected = head.get();
        long lastSeq = last.orElse(0);
        if (expected.seq() > lastSeq) {
            return List.of(new AuditBreak(chain, lastSeq + 1, Kind.MISSING_TAIL, expected.holder() + " says the head is "
                    + "record " + expected.seq() + " but the chain ends at " + lastSeq));
        }
        if (expected.seq() < lastSeq) {
            return List.of(new AuditBreak(chain, expected.seq() + 1, Kind.HEAD_MISMATCH, "records "
                    + (expected.seq() + 1) + "-" + lastSeq + " follow the head held by " + expected.holder()));
        }
        Optional<AuditRecord> tail = walk.at(lastSeq);
        if (tail.isPresent() && !tail.get().hash().equals(expected.hash())) {
            return List.of(new AuditBreak(chain, lastSeq, Kind.HEAD_MISMATCH,
                    expected.holder() + " holds another hash than record " + lastSeq));
        }
        return List.of();
    }

    private static List<AuditBreak> checkRoleConfig(RoleConfigClaim claim, ChainWalk config) {
        List<AuditBreak> breaks = new ArrayList<>();
        if (!claim.storedSha256().equals(claim.actualSha256())) {
            breaks.add(new AuditBreak(AuditChains.CONFIG, 0, Kind.CONFIG_MISMATCH,
                    "the stored role file does not match its stored SHA-256"));
        }
        long lastSeq = config.lastSeq().orElse(0);
        Optional<AuditRecord> applied = Optional.empty();
        for (long seq = lastSeq; seq >= 1 && applied.isEmpty(); seq--) {
            applied = config.at(seq).filter(r -> r.knownAction().equals(Optional.of(ROLES_APPLIED)));
        }
        if (applied.isEmpty()) {
            breaks.add(new AuditBreak(AuditChains.CONFIG, 0, Kind.CONFIG_MISMATCH,
                    "a role configuration is stored but no " + ROLES_APPLIED + " record exists"));
        } else if (!claim.storedSha256().equals(applied.get().details().get("sha256"))) {
            breaks.add(new AuditBreak(AuditChains.CONFIG, applied.get().seq(), Kind.CONFIG_MISMATCH,
                    "the stored role file is not the one the last " + ROLES_APPLIED + " record names"));
        }
        return breaks;
    }
}
