package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditVerifier;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AuditHead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamoDbAuditLogIT {

    private DynamoDbFixture fixture;
    private DynamoDbAuditLog audit;

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
        audit = new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC());
    }

    @Test
    void append_shouldLinkRecordsAndMoveTheHeadItem() {
        AuditRecord first = audit.append(AuditChains.CA, "system", AuditAction.CERTIFICATE_ISSUED, Map.of("keyId", "k-1"));
        AuditRecord second = audit.append(AuditChains.CA, "alice", AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "42"));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditHead.GENESIS.hash());
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(audit.read(AuditChains.CA)).containsExactly(first, second);
        Map<String, AttributeValue> head = fixture.client().getItem(b -> b.tableName(fixture.tables().requests())
                .key(Map.of(Tables.REQ_ID, Attr.s("chainhead#ca")))).item();
        assertThat(head.get(RequestItemMapper.AUDIT_SEQ).n()).isEqualTo("2");
        assertThat(head.get(RequestItemMapper.AUDIT_HASH).s()).isEqualTo(second.hash());
        assertThat(head).doesNotContainKeys(Tables.REQ_STATE, Tables.REQ_USER, Tables.REQ_EXPIRY_SHARD);
    }

    @Test
    void append_shouldKeepChainsApart() {
        audit.append(AuditChains.forUser("alice"), "alice", AuditAction.CERTIFICATE_ISSUED, Map.of());
        audit.append(AuditChains.forUser("bob"), "bob", AuditAction.CERTIFICATE_ISSUED, Map.of());

        assertThat(audit.read(AuditChains.forUser("alice"))).singleElement().extracting(AuditRecord::actor).isEqualTo("alice");
        assertThat(audit.read(AuditChains.forUser("bob"))).singleElement().extracting(AuditRecord::seq).isEqualTo(1L);
    }

    @Test
    void append_shouldRefuseRequestChains() {
        assertThatThrownBy(() -> audit.append(AuditChains.forRequest("x"), "a", AuditAction.CERTIFICATE_ISSUED, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> audit.append(" ", "a", AuditAction.CERTIFICATE_ISSUED, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentAppends_shouldEachLandOnceOrConflictAndLeaveAnIntactChain() throws Exception {
        int threads = 6;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<AuditRecord> appended = Collections.synchronizedList(new ArrayList<>());
        List<ConflictException> conflicts = Collections.synchronizedList(new ArrayList<>());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String actor = "writer-" + t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        try {
                            appended.add(audit.append(AuditChains.CA, actor, AuditAction.CERTIFICATE_ISSUED, Map.of("i", "" + i)));
                        } catch (ConflictException e) {
                            conflicts.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(appended.size() + conflicts.size()).isEqualTo(threads * perThread);
        assertThat(appended).isNotEmpty();
        List<AuditRecord> chain = audit.read(AuditChains.CA);
        assertThat(chain).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(chain).extracting(AuditRecord::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, appended.size()).boxed().toList());
        assertThat(new AuditVerifier().verify(new AuditSnapshotReader(fixture.client(), fixture.tables()).read())
                .breaks()).isEmpty();
    }
}
