package dev.airlock.core.audit;

import dev.airlock.domain.request.AuditHead;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Verdict;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state a request chain implies, replayed record by record by {@link RequestReplay}.
 *
 * @param user             the actor of {@code request.created}, when the chain starts with one
 * @param roles            the roles {@code request.created} names, when it names them
 * @param pendingExpiresAt the pending expiry {@code request.created} names, when it names it
 * @param state            the state the records lead to (PENDING after {@code request.created})
 * @param reviews          every review, in chain order
 * @param accessExpiresAt  the end of the access window the approving review names
 * @param serials          every {@code certificate.issued} serial, in chain order
 * @param head             the last record's head (genesis for an empty chain)
 * @param breaks           records the state before them does not allow
 */
public record ReplayedRequest(Optional<String> user, Optional<List<String>> roles, Optional<Instant> pendingExpiresAt,
                              RequestState state, List<ReplayedReview> reviews, Optional<Instant> accessExpiresAt,
                              List<String> serials, AuditHead head, List<AuditBreak> breaks) {

    public ReplayedRequest {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(pendingExpiresAt, "pendingExpiresAt");
        Objects.requireNonNull(state, "state");
        reviews = List.copyOf(reviews);
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
        serials = List.copyOf(serials);
        Objects.requireNonNull(head, "head");
        breaks = List.copyOf(breaks);
    }

    /**
     * One review as its record states it.
     *
     * @param reviewer the record's actor
     * @param verdict  from the action ({@code review.approved} or {@code review.denied})
     * @param reason   the record's {@code reason} detail, when it has one
     */
    public record ReplayedReview(String reviewer, Verdict verdict, Optional<String> reason) {
        public ReplayedReview {
            Objects.requireNonNull(reviewer, "reviewer");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
