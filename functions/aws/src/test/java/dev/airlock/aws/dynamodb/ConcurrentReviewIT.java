package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditReport;
import dev.airlock.core.audit.AuditVerifier;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.policy.ReviewPolicy;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;
import dev.airlock.domain.role.RoleConfig;
import dev.airlock.domain.role.Threshold;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty reviewers approve the same request (threshold 2) at once, each doing what the review use case
 * does: read, apply the review through the policy, write with the version check, and on a lost race
 * re-read and try again a bounded number of times.
 */
class ConcurrentReviewIT {

    private static final int REVIEWERS = 50;
    private static final int MAX_ATTEMPTS = 5;

    private enum Outcome { APPLIED_PENDING, APPLIED_APPROVED, NOT_PENDING, LOST_RACES }

    @Test
    void fiftyConcurrentReviews_shouldApplyExactlyTwoAndApproveOnce() throws Exception {
        DynamoDbFixture fixture = DynamoDbFixture.create();
        DynamoDbAccessRequestStore store = fixture.store();
        RoleConfig roles = TestRoles.parse("reviewers.yaml");
        ReviewPolicy policy = new ReviewPolicy(roles.roles(), Clock.systemUTC());
        AccessRequest request = TestRequests.pending(UUID.randomUUID().toString(), "alice", Instant.now(),
                Map.of("dba", List.of(new Threshold(2, 1))));
        store.create(request, TestRequests.created(request), Optional.empty());

        List<Outcome> outcomes = runConcurrently(i -> review(store, policy, request.id(),
                new Identity("reviewer-" + i, Set.of("dba-reviewer"))));

        assertThat(outcomes.stream().filter(o -> o == Outcome.APPLIED_PENDING)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o == Outcome.APPLIED_APPROVED)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o == Outcome.NOT_PENDING || o == Outcome.LOST_RACES))
                .hasSize(REVIEWERS - 2);
        AccessRequest stored = store.find(request.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(RequestState.APPROVED);
        assertThat(stored.reviews()).hasSize(2);
        assertThat(stored.version()).isEqualTo(2);
        List<AuditRecord> chain = new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC())
                .read(AuditChains.forRequest(request.id()));
        assertThat(chain).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(chain.get(2).details()).containsEntry("state", "APPROVED");
        AuditReport report = new AuditVerifier().verify(new AuditSnapshotReader(fixture.client(), fixture.tables()).read());
        assertThat(report.breaks()).isEmpty();
    }

    private static Outcome review(DynamoDbAccessRequestStore store, ReviewPolicy policy, String id, Identity reviewer) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            AccessRequest current = store.find(id).orElseThrow();
            AccessRequest reviewed;
            try {
                reviewed = policy.review(reviewer, current, Verdict.APPROVE, "looks fine");
            } catch (ConflictException e) {
                return Outcome.NOT_PENDING; // invalid_state: already approved by two others
            }
            AuditRecord record = AuditRecord.next(current.auditHead(), AuditChains.forRequest(id), Instant.now(),
                    reviewer.user(), AuditAction.REVIEW_APPROVED, details(reviewed));
            try {
                AccessRequest stored = store.update(reviewed.withAuditHead(record.head()), record);
                return stored.state() == RequestState.APPROVED ? Outcome.APPLIED_APPROVED : Outcome.APPLIED_PENDING;
            } catch (ConflictException e) {
                if (!e.code().equals(DynamoDbAccessRequestStore.VERSION_CONFLICT)) {
                    throw e;
                }
            }
        }
        return Outcome.LOST_RACES;
    }

    /** What ReviewRequest records: the resolution and access window once the review approves the request. */
    private static Map<String, String> details(AccessRequest reviewed) {
        Map<String, String> details = new TreeMap<>(Map.of("verdict", "APPROVE", "reason", "looks fine",
                "state", reviewed.state().name()));
        if (reviewed.state() == RequestState.APPROVED) {
            details.put("resolution", AuditAction.REQUEST_APPROVED.wire());
            details.put("accessExpiresAt", reviewed.accessExpiresAt().orElseThrow().toString());
        }
        return details;
    }

    private interface Reviewer {
        Outcome run(int index) throws Exception;
    }

    private static List<Outcome> runConcurrently(Reviewer reviewer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REVIEWERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < REVIEWERS; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return reviewer.run(index);
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(2, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
