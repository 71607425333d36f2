package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.testing.TestAuditRecords;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.AuditHead;
import dev.airlock.domain.request.Review;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Threshold;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Access requests of every shape, built through the domain's own transitions, and their audit records. */
public final class TestRequests {

    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00.123456789Z");

    private TestRequests() {
    }

    /** A new PENDING request for {@code dba} by {@code user}, created at {@code createdAt}, pending for an hour. */
    public static AccessRequest pending(String user, Instant createdAt) {
        return pending(UUID.randomUUID().toString(), user, createdAt, Map.of("dba", List.of(Threshold.DEFAULT)));
    }

    public static AccessRequest pending(String id, String user, Instant createdAt, Map<String, List<Threshold>> thresholds) {
        return AccessRequest.create(id, user, List.copyOf(thresholds.keySet()), "incident 42", createdAt,
                createdAt.plus(Duration.ofHours(1)), Duration.ofHours(4), thresholds);
    }

    /** Two roles, several thresholds each, a reason with non-ASCII text. */
    public static AccessRequest pendingRich(String user) {
        Map<String, List<Threshold>> thresholds = Map.of(
                "dba", List.of(new Threshold("two of the dba team", 2, 1), new Threshold(1, 3)),
                "cluster-a", List.of(Threshold.DEFAULT));
        return AccessRequest.create(UUID.randomUUID().toString(), user, List.of("dba", "cluster-a"),
                "Zugriff für Störung #7 — ünïcødé", T0, T0.plus(Duration.ofMinutes(30)), Duration.ofMinutes(90),
                thresholds);
    }

    public static AccessRequest approved(String user) {
        return review(pending(user, T0), "reviewer-1", Verdict.APPROVE, T0.plusSeconds(60));
    }

    public static AccessRequest approvedWithCertificates(String user) {
        return approved(user).withCertificateSerial("1234567890123456789").withCertificateSerial("42");
    }

    public static AccessRequest denied(String user) {
        return review(pending(user, T0), "reviewer-1", Verdict.DENY, T0.plusSeconds(60));
    }

    public static AccessRequest expiredWhilePending(String user) {
        return pending(user, T0).expire(T0.plus(Duration.ofHours(2)));
    }

    public static AccessRequest expiredAfterApproval(String user) {
        return approved(user).expire(T0.plus(Duration.ofHours(6)));
    }

    public static AccessRequest revoked(String user) {
        return approved(user).revoke("incident over", T0.plusSeconds(120));
    }

    public static AccessRequest withdrawn(String user) {
        return pending(user, T0).withdraw(user, T0.plusSeconds(30));
    }

    /** A break-glass request for {@code dba} opened at {@code createdAt}: approved for 30 min, post-review due in 24 h. */
    public static AccessRequest breakGlass(String user, Instant createdAt) {
        return AccessRequest.breakGlass(UUID.randomUUID().toString(), user, List.of("dba"), "outage", createdAt,
                Duration.ofMinutes(30), Map.of("dba", List.of(Threshold.DEFAULT)), createdAt.plus(Duration.ofHours(24)));
    }

    /** A break-glass request whose post-review denied it while open: REVOKED, with the finding. */
    public static AccessRequest breakGlassRevokedAfterwards(String user) {
        Instant at = T0.plusSeconds(90);
        return breakGlass(user, T0).withCertificateSerial("77")
                .applyPostReview(new Review("reviewer-1", Verdict.DENY, "no incident", at), at);
    }

    /** A pending request with one approval of two and one empty-reason review. */
    public static AccessRequest pendingWithReview(String user) {
        AccessRequest request = pending(UUID.randomUUID().toString(), user, T0,
                Map.of("dba", List.of(new Threshold(3, 2))));
        request = request.applyReview(new Review("reviewer-1", Verdict.APPROVE, "", T0.plusMillis(1)), T0.plusMillis(1));
        return request.applyReview(new Review("reviewer-2", Verdict.DENY, "not now", T0.plusMillis(2)), T0.plusMillis(2));
    }

    private static AccessRequest review(AccessRequest request, String reviewer, Verdict verdict, Instant at) {
        return request.applyReview(new Review(reviewer, verdict, "ok", at), at);
    }

    /** The first record of a request's chain. */
    public static AuditRecord created(AccessRequest request) {
        return AuditRecord.next(AuditHead.GENESIS, AuditChains.forRequest(request.id()), request.createdAt(),
                request.user(), AuditAction.REQUEST_CREATED, Map.of("roles", String.join(",", request.roles()),
                        "pendingExpiresAt", request.pendingExpiresAt().toString()));
    }

    /**
     * A PENDING request for {@code dba} by {@code user} stored, then approved by {@code reviewer-1} through
     * the store, with the records the use cases write (so the verifier's replay justifies it).
     */
    public static AccessRequest storeApproved(DynamoDbAccessRequestStore store, String user) {
        AccessRequest pending = pending(user, Instant.now());
        AccessRequest stored = store.create(pending, created(pending), Optional.empty());
        Instant at = Instant.now();
        AccessRequest approved = stored.applyReview(new Review("reviewer-1", Verdict.APPROVE, "ok", at), at);
        AuditRecord record = AuditRecord.next(stored.auditHead(), AuditChains.forRequest(stored.id()), at,
                "reviewer-1", AuditAction.REVIEW_APPROVED, Map.of("verdict", "APPROVE", "reason", "ok",
                        "state", "APPROVED", "resolution", AuditAction.REQUEST_APPROVED.wire(),
                        "accessExpiresAt", approved.accessExpiresAt().orElseThrow().toString()));
        return store.update(approved.withAuditHead(record.head()), record);
    }

    /** The requests-table item of {@code request} as stored at its version (to write it behind the store's back). */
    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> itemOf(AccessRequest request) {
        return RequestItemMapper.toItem(request, request.version());
    }

    /** The {@code certificate.issued} record of {@code changed}'s last serial, by its requester. */
    public static AuditRecord certificate(AccessRequest changed, Instant at) {
        List<String> serials = changed.certificateSerials();
        return AuditRecord.next(changed.auditHead(), AuditChains.forRequest(changed.id()), at, changed.user(),
                AuditAction.CERTIFICATE_ISSUED, Map.of("serial", serials.get(serials.size() - 1)));
    }

    /** Records a new certificate {@code serial} under {@code current} through the store. */
    public static AccessRequest addCertificate(DynamoDbAccessRequestStore store, AccessRequest current, String serial) {
        AccessRequest changed = current.withCertificateSerial(serial);
        AuditRecord record = certificate(changed, Instant.now());
        return store.update(changed.withAuditHead(record.head()), record);
    }

    /** The record that follows {@code head} on the request's chain. */
    public static AuditRecord next(AccessRequest request, String actor, String action, Instant at) {
        return TestAuditRecords.next(request.auditHead(), AuditChains.forRequest(request.id()), at, actor, action,
                Map.of("state", request.state().name()));
    }
}
