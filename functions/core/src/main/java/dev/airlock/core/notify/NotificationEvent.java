package dev.airlock.core.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One notification, as every target renders it (the webhook body's schema is docs/NOTIFICATIONS.md).
 * Every text field except {@code type}, {@code state} and {@code review} may come from a user: targets
 * escape it for their medium.
 *
 * @param type      what happened
 * @param id        the request's id
 * @param user      the requester
 * @param roles     the requested roles
 * @param reason    the requester's reason (empty when none was given)
 * @param state     the request's state right after the event (e.g. {@code APPROVED})
 * @param actor     who caused it: a user, or {@code system} for the sweep
 * @param comment   the actor's own reason (a review's, a revocation's), when there is one
 * @param times     the times a receiver may show
 * @param serial    the certificate's serial, for {@link EventType#CERTIFICATE_ISSUED}
 * @param review    the exact CLI command to look at or act on the request
 * @param key       the idempotency key: the audit record the event came from
 */
public record NotificationEvent(EventType type, String id, String user, List<String> roles, String reason,
                                String state, String actor, Optional<String> comment, Times times,
                                Optional<String> serial, String review, IdempotencyKey key) {

    public NotificationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        roles = List.copyOf(roles);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(key, "key");
    }

    /**
     * @param occurredAt       when the audit record was written
     * @param createdAt        when the request was made
     * @param accessExpiresAt  end of the access window, once approved
     * @param postReviewDueAt  the post-review deadline of a break-glass request
     */
    public record Times(Instant occurredAt, Instant createdAt, Optional<Instant> accessExpiresAt,
                        Optional<Instant> postReviewDueAt) {
        public Times {
            Objects.requireNonNull(occurredAt, "occurredAt");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
            Objects.requireNonNull(postReviewDueAt, "postReviewDueAt");
        }
    }

    /** The audit record an event came from: the same for every delivery of it, so receivers can drop repeats. */
    public record IdempotencyKey(String chain, long seq) {
        public IdempotencyKey {
            Objects.requireNonNull(chain, "chain");
        }
    }
}
