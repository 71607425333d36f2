package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditVerifier;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.KrlEntry;
import dev.airlock.core.usecase.RevokeCertificate;
import dev.airlock.domain.error.UnavailableException;
import dev.airlock.domain.role.Identity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A base-role certificate's revocation (issue 15) writes its KRL entry, the KRL version and its
 * {@code certificate.revoked} record on {@code user#<holder>} in one transaction: with a storage
 * failure injected on it, or right after a first transaction (where the old two-step write put the
 * entry and then failed the record), either everything landed or nothing did.
 */
class BaseRoleRevocationFaultIT {

    private static final String TRANSACT = "DynamoDB_20120810.TransactWriteItems";
    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private static final String SERIAL = "4242";
    private static final Identity BOB = new Identity("bob", Set.of("contractor"));

    private DynamoDbFixture fixture;
    private final AtomicBoolean failAfterFirstTransaction = new AtomicBoolean();

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
        new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC()).append("user#bob", "bob",
                AuditAction.CERTIFICATE_ISSUED, Map.of("serial", SERIAL, "keyId", "user=bob", "roles", "contractor",
                        "validBefore", NOW.plus(Duration.ofHours(1)).toString(), "principals", "bob",
                        "validAfter", NOW.toString()));
    }

    @AfterEach
    void clearFaults() {
        fixture.faults().clear();
    }

    @Test
    void aFailureOnTheTransaction_writesNeitherEntryNorRecord_andARetryWritesBoth() {
        fixture.faults().serverError(TRANSACT, 1);

        assertThatThrownBy(() -> revokeCertificate().handle(BOB, SERIAL, "lost laptop"))
                .isInstanceOf(UnavailableException.class);
        assertNeitherLanded();

        revokeCertificate().handle(BOB, SERIAL, "lost laptop");
        assertBothLanded();
    }

    @Test
    void aFailureRightAfterTheFirstTransaction_leavesBothOrNeither() {
        failAfterFirstTransaction.set(true);

        boolean failed;
        try {
            revokeCertificate().handle(BOB, SERIAL, "lost laptop");
            failed = false;
        } catch (UnavailableException e) {
            failed = true;
        }

        if (failed) {
            assertNeitherLanded();
        } else {
            assertBothLanded();
        }
    }

    private void assertNeitherLanded() {
        assertThat(revocations().contains(KrlEntry.forCertificate(SERIAL, NOW).id())).isFalse();
        assertThat(revocations().unexpired(NOW).version()).isZero();
        assertThat(actions()).containsExactly("certificate.issued");
    }

    private void assertBothLanded() {
        assertThat(revocations().contains(KrlEntry.forCertificate(SERIAL, NOW).id())).isTrue();
        assertThat(revocations().unexpired(NOW).version()).isEqualTo(1);
        assertThat(actions()).containsExactly("certificate.issued", "certificate.revoked");
        assertThat(new AuditVerifier().verify(new AuditSnapshotReader(fixture.client(), fixture.tables()).read())
                .breaks()).isEmpty();
    }

    private List<String> actions() {
        return new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC()).read("user#bob").stream()
                .map(AuditRecord::action).toList();
    }

    /** The use case over a client without SDK retries that arms a 500 once the first transaction succeeded. */
    private RevokeCertificate revokeCertificate() {
        DynamoDbClient client = fixture.client(List.of(new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof TransactWriteItemsRequest
                        && failAfterFirstTransaction.compareAndSet(true, false)) {
                    fixture.faults().serverError(TRANSACT, 1);
                }
            }
        }), false);
        DynamoDbAccessRequestStore store = fixture.store(client, Clock.systemUTC());
        return new RevokeCertificate(store, new DynamoDbRevocationStore(client, fixture.tables(), store),
                new DynamoDbIssuedCertificates(client, fixture.tables(), fixture.cursors()), () -> TestRoles.parse("reviewers.yaml"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private DynamoDbRevocationStore revocations() {
        return new DynamoDbRevocationStore(fixture.client(), fixture.tables(), fixture.store());
    }
}
