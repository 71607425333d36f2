package dev.airlock.aws.dynamodb;

import dev.airlock.core.storage.Tables;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.AuditHead;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.PostReview;
import dev.airlock.domain.request.Review;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Threshold;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.airlock.aws.dynamodb.Attr.l;
import static dev.airlock.aws.dynamodb.Attr.m;
import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * Maps an {@link AccessRequest} to a requests-table item and back; private to the adapter. Instants
 * are ISO-8601 strings (exact to the nanosecond), the access duration an ISO-8601 duration, optional
 * fields are absent attributes. The expiry-index attributes exist only while the request is open,
 * which keeps the {@code byExpiry} index sparse.
 */
final class RequestItemMapper {

    static final String ROLES = "roles";
    static final String REASON = "reason";
    static final String CREATED_AT = "createdAt";
    static final String PENDING_EXPIRES_AT = "pendingExpiresAt";
    static final String ACCESS_DURATION = "accessDuration";
    static final String ACCESS_EXPIRES_AT = "accessExpiresAt";
    static final String THRESHOLDS = "thresholds";
    static final String REVIEWS = "reviews";
    static final String RESOLUTION_REASON = "resolutionReason";
    static final String RESOLVED_AT = "resolvedAt";
    static final String CERTIFICATE_SERIALS = "certificateSerials";
    static final String VERSION = "version";
    static final String AUDIT_SEQ = "auditSeq";
    static final String AUDIT_HASH = "auditHash";
    /** Present only on break-glass requests: when the post-review is due. */
    static final String POST_REVIEW_DUE_AT = "postReviewDueAt";
    /** Present once a break-glass request was reviewed afterwards: the review, shaped like {@link #REVIEWS}' items. */
    static final String POST_REVIEW = "postReview";
    /** Set once the sweep recorded the post-review overdue (request.post_review_overdue). */
    static final String POST_REVIEW_OVERDUE_RECORDED = "postReviewOverdueRecorded";

    private static final String APPROVE = "approve";
    private static final String DENY = "deny";
    private static final String NAME = "name";
    private static final String REVIEWER = "reviewer";
    private static final String VERDICT = "verdict";
    private static final String AT = "at";

    private RequestItemMapper() {
    }

    /** The item for {@code request}, with {@code version} as the stored version. */
    static Map<String, AttributeValue> toItem(AccessRequest request, long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Tables.REQ_ID, s(request.id()));
        item.put(Tables.REQ_USER, s(request.user()));
        item.put(Tables.REQ_STATE, s(request.state().name()));
        item.put(Tables.REQ_CREATED_KEY, s(createdKey(request)));
        item.put(ROLES, l(request.roles().stream().map(Attr::s).toList()));
        item.put(REASON, s(request.reason()));
        item.put(CREATED_AT, s(request.createdAt().toString()));
        item.put(PENDING_EXPIRES_AT, s(request.pendingExpiresAt().toString()));
        item.put(ACCESS_DURATION, s(request.accessDuration().toString()));
        request.accessExpiresAt().ifPresent(at -> item.put(ACCESS_EXPIRES_AT, s(at.toString())));
        item.put(THRESHOLDS, m(thresholdsToItem(request.thresholdsByRole())));
        item.put(REVIEWS, l(request.reviews().stream().map(RequestItemMapper::reviewToItem).toList()));
        request.resolutionReason().ifPresent(r -> item.put(RESOLUTION_REASON, s(r)));
        request.resolvedAt().ifPresent(at -> item.put(RESOLVED_AT, s(at.toString())));
        item.put(CERTIFICATE_SERIALS, l(request.certificateSerials().stream().map(Attr::s).toList()));
        item.put(VERSION, n(version));
        item.put(AUDIT_SEQ, n(request.auditHead().seq()));
        item.put(AUDIT_HASH, s(request.auditHead().hash()));
        request.postReview().ifPresent(p -> {
            item.put(POST_REVIEW_DUE_AT, s(p.dueAt().toString()));
            p.review().ifPresent(r -> item.put(POST_REVIEW, reviewToItem(r)));
            if (p.overdueRecorded()) {
                item.put(POST_REVIEW_OVERDUE_RECORDED, AttributeValue.fromBool(true));
            }
        });
        request.openUntil().ifPresent(due -> {
            item.put(Tables.REQ_EXPIRY_SHARD, s(ExpiryShard.of(request.id())));
            item.put(Tables.REQ_DUE_AT, n(dueEpochSecond(due)));
        });
        return item;
    }

    /**
     * The due time rounded up to a whole second, so {@code dueAt <= floor(now)} holds only once the
     * request really is overdue and the sweep never picks a request a moment early.
     */
    static long dueEpochSecond(Instant due) {
        return due.getNano() == 0 ? due.getEpochSecond() : due.getEpochSecond() + 1;
    }

    /** Sort key of the listing indexes: fixed-width creation instant, then the id to break ties. */
    static String createdKey(AccessRequest request) {
        return SortableTime.nanos(request.createdAt()) + "#" + request.id();
    }

    /**
     * The request stored in {@code item}.
     *
     * @throws MalformedItemException when an attribute is missing, mistyped or breaks an invariant
     */
    static AccessRequest fromItem(Map<String, AttributeValue> item) {
        try {
            return new AccessRequest(
                    Attr.str(item, Tables.REQ_ID),
                    Attr.str(item, Tables.REQ_USER),
                    strings(Attr.list(item, ROLES), ROLES),
                    Attr.str(item, REASON),
                    RequestState.valueOf(Attr.str(item, Tables.REQ_STATE)),
                    Attr.instant(item, CREATED_AT),
                    Attr.instant(item, PENDING_EXPIRES_AT),
                    Duration.parse(Attr.str(item, ACCESS_DURATION)),
                    Attr.optInstant(item, ACCESS_EXPIRES_AT),
                    thresholdsFromItem(Attr.map(item, THRESHOLDS)),
                    reviews(Attr.list(item, REVIEWS)),
                    Attr.optStr(item, RESOLUTION_REASON),
                    Attr.optInstant(item, RESOLVED_AT),
                    Attr.num(item, VERSION),
                    new AuditHead(Attr.num(item, AUDIT_SEQ), Attr.str(item, AUDIT_HASH)),
                    strings(Attr.list(item, CERTIFICATE_SERIALS), CERTIFICATE_SERIALS),
                    postReview(item));
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            // IllegalArgumentException covers an unknown state name and the record's own invariants.
            throw new MalformedItemException("stored access request is invalid: " + e.getMessage(), e);
        }
    }

    private static Map<String, AttributeValue> thresholdsToItem(Map<String, List<Threshold>> thresholds) {
        Map<String, AttributeValue> byRole = new LinkedHashMap<>();
        thresholds.forEach((role, list) -> byRole.put(role, l(list.stream()
                .map(RequestItemMapper::thresholdToItem)
                .toList())));
        return byRole;
    }

    /** A threshold's optional name is stored only when set, so unnamed thresholds keep their old item shape. */
    private static AttributeValue thresholdToItem(Threshold t) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(APPROVE, n(t.approve()));
        item.put(DENY, n(t.deny()));
        if (!t.name().isEmpty()) {
            item.put(NAME, s(t.name()));
        }
        return m(item);
    }

    private static Map<String, List<Threshold>> thresholdsFromItem(Map<String, AttributeValue> byRole) {
        Map<String, List<Threshold>> thresholds = new LinkedHashMap<>();
        byRole.forEach((role, value) -> {
            if (!value.hasL()) {
                throw new MalformedItemException("thresholds of role '" + role + "' are not a list");
            }
            List<Threshold> list = new ArrayList<>();
            for (AttributeValue element : value.l()) {
                Map<String, AttributeValue> t = Attr.mapElement(element, THRESHOLDS);
                list.add(new Threshold(Attr.optStr(t, NAME).orElse(""), Math.toIntExact(Attr.num(t, APPROVE)),
                        Math.toIntExact(Attr.num(t, DENY))));
            }
            thresholds.put(role, list);
        });
        return thresholds;
    }

    private static AttributeValue reviewToItem(Review review) {
        return m(Map.of(
                REVIEWER, s(review.reviewer()),
                VERDICT, s(review.verdict().name()),
                REASON, s(review.reason()),
                AT, s(review.at().toString())));
    }

    private static List<Review> reviews(List<AttributeValue> values) {
        List<Review> reviews = new ArrayList<>(values.size());
        for (AttributeValue value : values) {
            Map<String, AttributeValue> r = Attr.mapElement(value, REVIEWS);
            reviews.add(new Review(Attr.str(r, REVIEWER), Verdict.valueOf(Attr.str(r, VERDICT)),
                    Attr.str(r, REASON), Attr.instant(r, AT)));
        }
        return reviews;
    }

    private static Optional<PostReview> postReview(Map<String, AttributeValue> item) {
        Optional<Instant> due = Attr.optInstant(item, POST_REVIEW_DUE_AT);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Optional<Review> review = Optional.ofNullable(item.get(POST_REVIEW)).map(value -> {
            Map<String, AttributeValue> r = Attr.mapElement(value, POST_REVIEW);
            return new Review(Attr.str(r, REVIEWER), Verdict.valueOf(Attr.str(r, VERDICT)), Attr.str(r, REASON),
                    Attr.instant(r, AT));
        });
        AttributeValue recorded = item.get(POST_REVIEW_OVERDUE_RECORDED);
        return Optional.of(new PostReview(due.get(), review, recorded != null && Boolean.TRUE.equals(recorded.bool())));
    }

    private static List<String> strings(List<AttributeValue> values, String name) {
        return values.stream().map(v -> Attr.element(v, name)).toList();
    }
}
