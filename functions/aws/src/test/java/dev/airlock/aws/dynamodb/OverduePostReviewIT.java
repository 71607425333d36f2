package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.port.BreakGlassQuota;
import dev.airlock.core.usecase.PostReviewQueue;
import dev.airlock.domain.request.AccessRequest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep's overdue post-review record through the embedded DynamoDB endpoint: written once, chain intact. */
class OverduePostReviewIT {

    @Test
    void recordOverdue_shouldWriteTheRecordAndTheMarkOnce() {
        DynamoDbFixture fixture = DynamoDbFixture.create();
        DynamoDbAccessRequestStore store = fixture.store();
        AccessRequest request = TestRequests.breakGlass("bob", TestRequests.T0);
        store.createBreakGlass(request, TestRequests.created(request), Optional.empty(), BreakGlassQuota.DEFAULT);
        Instant due = request.postReview().orElseThrow().dueAt();
        PostReviewQueue queue = new PostReviewQueue(store);

        // the queue reads back 32 days from now: run it at the deadline
        assertThat(queue.recordOverdue(due)).isEqualTo(1);
        assertThat(queue.recordOverdue(due.plus(Duration.ofMinutes(1)))).isZero();

        List<AuditRecord> chain = new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC())
                .read(AuditChains.forRequest(request.id()));
        assertThat(chain).extracting(AuditRecord::action)
                .containsExactly(TestRequests.created(request).action(), "request.post_review_overdue");
        AccessRequest stored = store.find(request.id()).orElseThrow();
        assertThat(stored.postReview().orElseThrow().overdueRecorded()).isTrue();
        assertThat(stored.auditHead()).isEqualTo(chain.get(1).head());
    }
}
