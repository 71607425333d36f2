package dev.airlock.core.notify;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.PostReview;
import dev.airlock.domain.request.RequestState;

import java.util.Optional;

/**
 * Which audit records are events, and the event each becomes. Only request chains produce events; a
 * review that does not yet resolve its request, a post-review that confirms, a certificate revoked on
 * its own, and every record of a newer writer's unknown action produce none.
 */
public final class EventMapper {

    /** The review command for reviewers (docs/CLI.md: approve confirms a break-glass request, deny revokes it). */
    static final String REVIEW_COMMAND = "access request approve ";
    /** The command for the requester: the request's details. */
    static final String SHOW_COMMAND = "access request show ";

    private EventMapper() {
    }

    /** The event type {@code record} produces, empty when it produces none. */
    public static Optional<EventType> typeOf(AuditRecord record) {
        if (!AuditChains.isRequestChain(record.chain())) {
            return Optional.empty();
        }
        return record.knownAction().flatMap(action -> typeOf(action, record));
    }

    private static Optional<EventType> typeOf(AuditAction action, AuditRecord record) {
        String resolution = record.details().getOrDefault("resolution", "");
        return Optional.ofNullable(switch (action) {
            case REQUEST_CREATED -> EventType.REQUEST_CREATED;
            case REQUEST_BREAK_GLASS_OPENED -> EventType.BREAK_GLASS_OPENED;
            case REVIEW_APPROVED -> AuditAction.REQUEST_APPROVED.wire().equals(resolution)
                    ? EventType.REQUEST_APPROVED : null;
            case REVIEW_DENIED -> AuditAction.REQUEST_DENIED.wire().equals(resolution)
                    ? EventType.REQUEST_DENIED : null;
            case REQUEST_WITHDRAWN -> EventType.REQUEST_WITHDRAWN;
            case REQUEST_REVOKED -> EventType.REQUEST_REVOKED;
            // a post-review denial revokes only access still open; one after expiry is a finding only
            case REQUEST_POST_REVIEW_REVOKED -> RequestState.REVOKED.name().equals(record.details().get("state"))
                    ? EventType.REQUEST_REVOKED : null;
            case REQUEST_EXPIRED -> EventType.REQUEST_EXPIRED;
            case CERTIFICATE_ISSUED -> EventType.CERTIFICATE_ISSUED;
            case REQUEST_POST_REVIEW_OVERDUE -> EventType.POST_REVIEW_OVERDUE;
            default -> null;
        });
    }

    /**
     * The event of {@code record}, whose type is {@code type}, about {@code request} (the request its chain
     * names, as read now: only its fixed facts — requester, roles, reason, times — are used).
     */
    public static NotificationEvent event(EventType type, AuditRecord record, AccessRequest request) {
        boolean forReviewers = type.audience() == EventType.Audience.REVIEWERS;
        return new NotificationEvent(type, request.id(), request.user(), request.roles(), request.reason(),
                state(type, record, request), record.actor(), comment(type, record), times(record, request),
                type == EventType.CERTIFICATE_ISSUED ? Optional.ofNullable(record.details().get("serial"))
                        : Optional.empty(),
                (forReviewers ? REVIEW_COMMAND : SHOW_COMMAND) + request.id(),
                new NotificationEvent.IdempotencyKey(record.chain(), record.seq()));
    }

    private static String state(EventType type, AuditRecord record, AccessRequest request) {
        RequestState state = switch (type) {
            case REQUEST_CREATED -> RequestState.PENDING;
            case REQUEST_APPROVED, BREAK_GLASS_OPENED, CERTIFICATE_ISSUED -> RequestState.APPROVED;
            case REQUEST_DENIED -> RequestState.DENIED;
            case REQUEST_REVOKED -> RequestState.REVOKED;
            case REQUEST_EXPIRED -> RequestState.EXPIRED;
            case REQUEST_WITHDRAWN -> RequestState.WITHDRAWN;
            case POST_REVIEW_OVERDUE -> request.stateAt(record.at());
        };
        return state.name();
    }

    /** The actor's own reason; a request's opening record's reason is the requester's, already in {@code reason}. */
    private static Optional<String> comment(EventType type, AuditRecord record) {
        if (type == EventType.REQUEST_CREATED || type == EventType.BREAK_GLASS_OPENED) {
            return Optional.empty();
        }
        return Optional.ofNullable(record.details().get("reason")).filter(r -> !r.isEmpty());
    }

    private static NotificationEvent.Times times(AuditRecord record, AccessRequest request) {
        return new NotificationEvent.Times(record.at(), request.createdAt(), request.accessExpiresAt(),
                request.postReview().map(PostReview::dueAt));
    }
}
