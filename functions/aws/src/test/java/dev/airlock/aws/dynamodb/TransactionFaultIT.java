package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditVerifier;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.domain.error.AirlockException;
import dev.airlock.domain.error.ThrottledException;
import dev.airlock.domain.error.UnavailableException;
import dev.airlock.domain.request.AccessRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Injected throttling and 5xx errors on {@code TransactWriteItems}: a request never changes without
 * its audit record (both tables are read back after every failure), and the error has the right kind.
 */
class TransactionFaultIT {

    private static final String TRANSACT = "DynamoDB_20120810.TransactWriteItems";

    private DynamoDbFixture fixture;
    private DynamoDbAccessRequestStore store;
    private DynamoDbAuditLog audit;

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
        store = fixture.store(fixture.clientWithoutRetries(), Clock.systemUTC());
        audit = new DynamoDbAuditLog(fixture.clientWithoutRetries(), fixture.tables(), Clock.systemUTC());
    }

    @AfterEach
    void clearFaults() {
        fixture.faults().clear();
    }

    @Test
    void update_whenThrottled_shouldBeThrottledWithARetryHintAndChangeNothing() {
        AccessRequest approved = TestRequests.storeApproved(store, "alice");
        fixture.faults().throttle(TRANSACT, 1);

        assertThatThrownBy(() -> addCertificate(approved, "7"))
                .isInstanceOfSatisfying(ThrottledException.class, e -> assertThat(e.retryAfter()).isPresent());

        assertThat(store.find(approved.id())).contains(approved);
        assertThat(chain(approved)).hasSize(2);
    }

    @Test
    void update_whenTheServiceFails_shouldBeUnavailableWithRetryAfterAndChangeNothing() {
        AccessRequest approved = TestRequests.storeApproved(store, "alice");
        fixture.faults().serverError(TRANSACT, 1);

        assertThatThrownBy(() -> addCertificate(approved, "7"))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.code()).isEqualTo("storage_unavailable");
                    assertThat(e.retryAfter()).isPositive();
                    assertThat(e.getMessage()).doesNotContain("test-secret").doesNotContain("AKIDTEST");
                });

        assertThat(store.find(approved.id())).contains(approved);
        assertThat(chain(approved)).hasSize(2);
    }

    @Test
    void create_whenThrottled_shouldWriteNeitherTheRequestNorItsRecord() {
        AccessRequest request = TestRequests.pending("alice", Instant.now());
        fixture.faults().throttle(TRANSACT, 1);

        assertThatThrownBy(() -> store.create(request, TestRequests.created(request), Optional.of("k1")))
                .isInstanceOf(ThrottledException.class);

        assertThat(store.find(request.id())).isEmpty();
        assertThat(audit.read(AuditChains.forRequest(request.id()))).isEmpty();
    }

    @Test
    void auditAppend_whenTheServiceFails_shouldLeaveChainAndHeadUntouched() {
        audit.append(AuditChains.CA, "system", AuditAction.CERTIFICATE_ISSUED, Map.of());
        fixture.faults().serverError(TRANSACT, 1);

        assertThatThrownBy(() -> audit.append(AuditChains.CA, "system", AuditAction.CERTIFICATE_ISSUED, Map.of()))
                .isInstanceOf(UnavailableException.class);

        assertThat(audit.read(AuditChains.CA)).hasSize(1);
        assertThat(new AuditVerifier().verify(new AuditSnapshotReader(fixture.client(), fixture.tables()).read())
                .breaks()).isEmpty();
    }

    @Test
    void update_withSdkRetries_shouldSucceedOnceThrottlingPassesAndWriteOneRecord() {
        DynamoDbAccessRequestStore retrying = fixture.store(fixture.client(), Clock.systemUTC());
        AccessRequest approved = TestRequests.storeApproved(retrying, "alice");
        fixture.faults().throttle(TRANSACT, 2);

        AccessRequest stored = TestRequests.addCertificate(retrying, approved, "9");

        assertThat(stored.version()).isEqualTo(2);
        assertThat(chain(approved)).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L);
    }

    /** Random faults on every transaction; after each attempt the request's head is its chain's tail. */
    @Test
    void underRandomFaults_aRequestNeverChangesWithoutItsAuditRecord() {
        AccessRequest current = TestRequests.storeApproved(store, "alice");
        Random random = new Random(20250601L);
        int failures = 0;
        for (int i = 0; i < 40; i++) {
            switch (random.nextInt(3)) {
                case 0 -> fixture.faults().throttle(TRANSACT, 1);
                case 1 -> fixture.faults().serverError(TRANSACT, 1);
                default -> { } // no fault
            }
            try {
                current = addCertificate(current, Integer.toString(i));
            } catch (ThrottledException | UnavailableException e) {
                failures++;
                fixture.faults().clear();
            }
            AccessRequest stored = store.find(current.id()).orElseThrow();
            List<AuditRecord> records = chain(current);
            assertThat(stored).isEqualTo(current);
            assertThat(stored.auditHead()).isEqualTo(records.get(records.size() - 1).head());
            assertThat(stored.version()).isEqualTo(records.size() - 1L);
            assertThat(stored.certificateSerials()).hasSize(records.size() - 2);
        }
        assertThat(failures).isBetween(1, 39); // the seed mixes failures and successes
        assertThat(new AuditVerifier().verify(new AuditSnapshotReader(fixture.client(), fixture.tables()).read())
                .breaks()).isEmpty();
    }

    private AccessRequest addCertificate(AccessRequest current, String serial) throws AirlockException {
        return TestRequests.addCertificate(store, current, serial);
    }

    private List<AuditRecord> chain(AccessRequest request) {
        return new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC())
                .read(AuditChains.forRequest(request.id()));
    }
}
