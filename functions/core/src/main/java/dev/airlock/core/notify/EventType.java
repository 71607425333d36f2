package dev.airlock.core.notify;

import java.util.Arrays;
import java.util.Optional;

/**
 * The notification events, with the {@code type} text a receiver sees (docs/NOTIFICATIONS.md). The text
 * of an existing type never changes: receivers route on it.
 */
public enum EventType {

    /** A request waits for review. */
    REQUEST_CREATED("request.created", Audience.REVIEWERS, Priority.NORMAL),
    /** The review threshold was met. */
    REQUEST_APPROVED("request.approved", Audience.REQUESTER, Priority.NORMAL),
    /** A denial resolved the request. */
    REQUEST_DENIED("request.denied", Audience.REQUESTER, Priority.NORMAL),
    /** Open access was revoked (by a reviewer, the requester, or a break-glass post-review that denied). */
    REQUEST_REVOKED("request.revoked", Audience.REQUESTER, Priority.NORMAL),
    /** A pending request's TTL or an approved request's access window ran out. */
    REQUEST_EXPIRED("request.expired", Audience.REQUESTER, Priority.NORMAL),
    /** The requester withdrew a pending request. */
    REQUEST_WITHDRAWN("request.withdrawn", Audience.REQUESTER, Priority.NORMAL),
    /** A certificate was signed under a request. */
    CERTIFICATE_ISSUED("certificate.issued", Audience.REQUESTER, Priority.NORMAL),
    /** Someone broke glass: approved at once, a post-review is owed. */
    BREAK_GLASS_OPENED("break_glass.opened", Audience.REVIEWERS, Priority.URGENT),
    /** A break-glass request's post-review is past its deadline. */
    POST_REVIEW_OVERDUE("post_review.overdue", Audience.REVIEWERS, Priority.URGENT);

    /** Who the event is for; receivers route on it (the payload's {@code audience}). */
    public enum Audience {
        REVIEWERS, REQUESTER;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How loud a receiver should be (the payload's {@code priority}). */
    public enum Priority {
        NORMAL, URGENT;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String wire;
    private final Audience audience;
    private final Priority priority;

    EventType(String wire, Audience audience, Priority priority) {
        this.wire = wire;
        this.audience = audience;
        this.priority = priority;
    }

    public String wire() {
        return wire;
    }

    public Audience audience() {
        return audience;
    }

    public Priority priority() {
        return priority;
    }

    /** The type named {@code wire}, empty for text that names none. */
    public static Optional<EventType> of(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }

    @Override
    public String toString() {
        return wire;
    }
}
