package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditBreak.Kind;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.AuditVerifier;
import dev.airlock.core.audit.CanonicalForm;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.AuditHead;
import dev.airlock.domain.request.Review;
import dev.airlock.domain.request.Verdict;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The attacks of issue #14 that kept every hash intact, made through the raw SDK as an insider with
 * write access to both tables would: the verifier's replay names each by its kind, and the store
 * refuses to record a certificate for a request its chain does not approve.
 */
class AuditReplayTamperIT {

    private DynamoDbFixture fixture;
    private DynamoDbClient raw;
    private DynamoDbAccessRequestStore store;
    private AccessRequest request;
    private String chain;

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
        raw = fixture.client();
        store = fixture.store();
        AccessRequest current = TestRequests.storeApproved(store, "alice"); // created, review.approved
        for (int i = 1; i <= 2; i++) {
            current = TestRequests.addCertificate(store, current, "serial-" + i); // records 3, 4
        }
        request = current;
        chain = AuditChains.forRequest(request.id());
    }

    @Test
    void untouched_shouldReplayWithoutBreaks() {
        assertThat(breaks()).isEmpty();
    }

    @Test
    void anItemSetToApprovedWithAFakeReview_shouldBeUnjustified_andGetNoCertificate() {
        AccessRequest pending = TestRequests.pending("bob", Instant.now());
        AccessRequest stored = store.create(pending, TestRequests.created(pending), Optional.empty());
        Instant now = Instant.now();
        AccessRequest forged = stored.applyReview(new Review("mallory", Verdict.APPROVE, "trust me", now), now);
        putItem(forged);
        String forgedChain = AuditChains.forRequest(forged.id());

        assertThat(breaks()).containsExactly(tuple(forgedChain, 0L, Kind.UNJUSTIFIED_STATE),
                tuple(forgedChain, 0L, Kind.REVIEW_MISMATCH), tuple(forgedChain, 0L, Kind.WINDOW_MISMATCH));
        AccessRequest read = store.find(forged.id()).orElseThrow();
        assertThatThrownBy(() -> TestRequests.addCertificate(store, read, "999"))
                .isInstanceOfSatisfying(InternalException.class, e -> assertThat(e.code()).isEqualTo("audit_mismatch"));
        assertThat(records(forgedChain)).hasSize(1);
        assertThat(store.find(forged.id()).orElseThrow().certificateSerials()).isEmpty();
    }

    @Test
    void anItemSetToApprovedWithoutItsWindow_shouldBeMalformedNotSilentlySkipped() {
        AccessRequest pending = TestRequests.pending("bob", Instant.now());
        store.create(pending, TestRequests.created(pending), Optional.empty());
        raw.updateItem(b -> b.tableName(fixture.tables().requests())
                .key(Map.of(Tables.REQ_ID, AttributeValue.fromS(pending.id())))
                .updateExpression("SET #state = :approved")
                .expressionAttributeNames(Map.of("#state", Tables.REQ_STATE))
                .expressionAttributeValues(Map.of(":approved", AttributeValue.fromS("APPROVED"))));

        assertThat(breaks()).containsExactly(tuple(AuditChains.forRequest(pending.id()), 0L, Kind.MALFORMED));
    }

    @Test
    void anEditedApproverWithEveryLaterHashRecomputed_shouldBeAReviewMismatch() {
        List<AuditRecord> records = new ArrayList<>(records(chain));
        AuditRecord approval = records.get(1);
        records.set(1, new AuditRecord(chain, 2, approval.at(), "mallory", approval.action(), approval.details(),
                approval.prevHash(), approval.hash()));
        List<AuditRecord> rewritten = rehash(records);
        rewritten.forEach(r -> raw.putItem(b -> b.tableName(fixture.tables().audit()).item(AuditItemMapper.toItem(r))));
        putItem(request.withAuditHead(rewritten.get(rewritten.size() - 1).head()));

        assertThat(breaks()).containsExactly(tuple(chain, 0L, Kind.REVIEW_MISMATCH));
    }

    @Test
    void theLastCertificateRecordRemovedAndTheHeadMovedBack_shouldBeASerialWithoutRecord() {
        List<AuditRecord> records = records(chain);
        raw.deleteItem(b -> b.tableName(fixture.tables().audit()).key(auditKey(chain, 4)));
        putItem(request.withAuditHead(records.get(2).head()));

        assertThat(breaks()).containsExactly(tuple(chain, 0L, Kind.SERIAL_WITHOUT_RECORD));
    }

    @Test
    void aRequestWhoseWholeChainWasDeleted_shouldBeAnItemWithoutChain() {
        for (long seq = 1; seq <= 4; seq++) {
            long key = seq;
            raw.deleteItem(b -> b.tableName(fixture.tables().audit()).key(auditKey(chain, key)));
        }

        assertThat(breaks()).containsExactly(tuple(chain, 0L, Kind.ITEM_WITHOUT_CHAIN));
    }

    @Test
    void aHeadRecordAlteredBehindTheStore_shouldStopTheNextWrite() {
        raw.deleteItem(b -> b.tableName(fixture.tables().audit()).key(auditKey(chain, 4)));
        raw.putItem(b -> b.tableName(fixture.tables().audit()).item(AuditItemMapper.toItem(
                TestRequests.certificate(request.withAuditHead(records(chain).get(2).head()), Instant.now()))));

        assertThatThrownBy(() -> TestRequests.addCertificate(store, request, "serial-3"))
                .isInstanceOfSatisfying(InternalException.class, e -> assertThat(e.code()).isEqualTo("audit_mismatch"));
    }

    private void putItem(AccessRequest item) {
        raw.putItem(b -> b.tableName(fixture.tables().requests()).item(RequestItemMapper.toItem(item, item.version())));
    }

    private List<AuditRecord> records(String chainName) {
        return new DynamoDbAuditLog(raw, fixture.tables(), Clock.systemUTC()).read(chainName);
    }

    private List<Tuple> breaks() {
        return new AuditVerifier().verify(new AuditSnapshotReader(raw, fixture.tables()).read()).breaks().stream()
                .map(b -> tuple(b.chain(), b.seq(), b.kind())).toList();
    }

    /** Every hash and link recomputed, as anyone who knows the (public) algorithm can. */
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

    private static Map<String, AttributeValue> auditKey(String chainName, long seq) {
        return Map.of(Tables.AUDIT_CHAIN, AttributeValue.fromS(chainName),
                Tables.AUDIT_SEQ, AttributeValue.fromN(Long.toString(seq)));
    }
}
