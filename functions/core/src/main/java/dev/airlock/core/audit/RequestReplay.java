package dev.airlock.core.audit;

import dev.airlock.core.audit.AuditBreak.Kind;
import dev.airlock.core.audit.ReplayedRequest.ReplayedReview;
import dev.airlock.domain.request.AuditHead;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Verdict;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays a request chain into the state it implies: {@code request.created} opens it PENDING, reviews
 * add reviews and (through their {@code resolution} detail) approve or deny it, certificates need an
 * approval, and the state actions in {@link #TRANSITIONS} close it. A record the replayed state does
 * not allow is a break ({@link Kind#INVALID_TRANSITION}, {@link Kind#ISSUED_WITHOUT_APPROVAL}); replay
 * goes on so that every later record is still judged.
 *
 * <p>Reads only what the records say (every word covered by their hashes); hash and link checks are
 * {@link ChainWalk}'s. Actions this build does not know (a newer writer's) change nothing.
 */
public final class RequestReplay {

    /**
     * Actions that only move the state: where from, where to. A new one is one entry here.
     */
    static final Map<AuditAction, Transition> TRANSITIONS = Map.of(
            AuditAction.REQUEST_WITHDRAWN, new Transition(EnumSet.of(RequestState.PENDING), RequestState.WITHDRAWN),
            AuditAction.REQUEST_EXPIRED, new Transition(EnumSet.of(RequestState.PENDING, RequestState.APPROVED),
                    RequestState.EXPIRED),
            AuditAction.REQUEST_REVOKED, new Transition(EnumSet.of(RequestState.APPROVED), RequestState.REVOKED));

    /**
     * Actions that leave an APPROVED request APPROVED: with the approving review, the only records
     * that can be the head of an APPROVED request's chain.
     */
    public static final Set<AuditAction> KEEP_APPROVED = Set.of(AuditAction.CERTIFICATE_ISSUED,
            AuditAction.CERTIFICATE_REVOKED, AuditAction.REQUEST_POST_REVIEW_CONFIRMED,
            AuditAction.REQUEST_POST_REVIEW_OVERDUE,
            // a break-glass request is APPROVED by its first record
            AuditAction.REQUEST_BREAK_GLASS_OPENED);

    /** Actions that open a request chain: a normal request (PENDING) or a break-glass one (APPROVED at once). */
    static final Set<AuditAction> OPENING = Set.of(AuditAction.REQUEST_CREATED, AuditAction.REQUEST_BREAK_GLASS_OPENED);

    /**
     * Whether a chain whose last record is {@code head} can belong to an APPROVED request: the
     * approving review, or a record in {@link #KEEP_APPROVED}. The sign path requires it of the head
     * record (read in the write's own transaction) before it records a certificate.
     */
    public static boolean leavesApproved(AuditRecord head) {
        Optional<AuditAction> action = head.knownAction();
        return action.filter(KEEP_APPROVED::contains).isPresent()
                || action.equals(Optional.of(AuditAction.REVIEW_APPROVED))
                && AuditAction.REQUEST_APPROVED.wire().equals(head.details().get(RESOLUTION));
    }

    record Transition(Set<RequestState> from, RequestState to) {
    }

    /** The detail of a review record that names the resolution it caused. */
    public static final String RESOLUTION = "resolution";

    private final String chain;
    private Optional<String> user = Optional.empty();
    private Optional<List<String>> roles = Optional.empty();
    private Optional<Instant> pendingExpiresAt = Optional.empty();
    private RequestState state = RequestState.PENDING;
    private final List<ReplayedReview> reviews = new ArrayList<>();
    private Optional<Instant> accessExpiresAt = Optional.empty();
    private final List<String> serials = new ArrayList<>();
    private AuditHead head = AuditHead.GENESIS;
    private final List<AuditBreak> breaks = new ArrayList<>();

    private RequestReplay(String chain) {
        this.chain = chain;
    }

    /** Replays {@code records} (one request chain, any order: they are taken by seq). */
    public static ReplayedRequest replay(String chain, List<AuditRecord> records) {
        if (!AuditChains.isRequestChain(chain)) {
            // ca, config, tamper and user# chains hold no request's life; their actions mean nothing here
            throw new IllegalArgumentException("chain " + chain + " is not a request chain");
        }
        RequestReplay replay = new RequestReplay(chain);
        records.stream().sorted(Comparator.comparingLong(AuditRecord::seq)).forEach(replay::apply);
        return new ReplayedRequest(replay.user, replay.roles, replay.pendingExpiresAt, replay.state, replay.reviews,
                replay.accessExpiresAt, replay.serials, replay.head, replay.breaks);
    }

    private void apply(AuditRecord record) {
        boolean first = head.equals(AuditHead.GENESIS);
        head = record.head();
        Optional<AuditAction> action = record.knownAction();
        if (first != action.filter(OPENING::contains).isPresent()) {
            invalid(record, first ? "the chain does not start with " + AuditAction.REQUEST_CREATED
                    + " or " + AuditAction.REQUEST_BREAK_GLASS_OPENED
                    : action.orElseThrow() + " after the first record");
            return;
        }
        if (action.isEmpty()) {
            return;
        }
        switch (action.get()) {
            case REQUEST_CREATED -> created(record);
            case REQUEST_BREAK_GLASS_OPENED -> breakGlassOpened(record);
            case REQUEST_POST_REVIEW_CONFIRMED -> { } // the obligation is met; the state stays as it is
            case REQUEST_POST_REVIEW_OVERDUE -> { } // a reminder the sweep recorded; the state stays as it is
            case REQUEST_POST_REVIEW_REVOKED -> postReviewRevoked(record);
            case REVIEW_APPROVED -> reviewed(record, Verdict.APPROVE);
            case REVIEW_DENIED -> reviewed(record, Verdict.DENY);
            case CERTIFICATE_ISSUED -> issued(record);
            case CERTIFICATE_REVOKED -> { } // a KRL entry; the request's state stays as it is
            default -> moved(record, action.get());
        }
    }

    private void created(AuditRecord record) {
        user = Optional.of(record.actor());
        roles = Optional.ofNullable(record.details().get("roles")).map(r -> Arrays.asList(r.split(",", -1)));
        pendingExpiresAt = instant(record, "pendingExpiresAt");
    }

    private void breakGlassOpened(AuditRecord record) {
        created(record);
        state = RequestState.APPROVED;
        accessExpiresAt = instant(record, "accessExpiresAt");
    }

    /** A post-review deny ends access that is still open; on a request already closed it only records the finding. */
    private void postReviewRevoked(AuditRecord record) {
        if (RequestState.REVOKED.name().equals(record.details().get("state"))) {
            if (state != RequestState.APPROVED) {
                invalid(record, record.action() + " revoked a request that records say is " + state);
                return;
            }
            state = RequestState.REVOKED;
        }
    }

    private void reviewed(AuditRecord record, Verdict verdict) {
        if (state != RequestState.PENDING) {
            invalid(record, "a review of a request that records say is " + state);
            return;
        }
        reviews.add(new ReplayedReview(record.actor(), verdict, Optional.ofNullable(record.details().get("reason"))));
        String resolution = record.details().getOrDefault(RESOLUTION, "");
        if (verdict == Verdict.APPROVE && resolution.equals(AuditAction.REQUEST_APPROVED.wire())) {
            state = RequestState.APPROVED;
            accessExpiresAt = instant(record, "accessExpiresAt");
        } else if (verdict == Verdict.DENY && resolution.equals(AuditAction.REQUEST_DENIED.wire())) {
            state = RequestState.DENIED;
        }
    }

    private void issued(AuditRecord record) {
        Optional.ofNullable(record.details().get("serial")).ifPresent(serials::add);
        if (state != RequestState.APPROVED) {
            breaks.add(new AuditBreak(chain, record.seq(), Kind.ISSUED_WITHOUT_APPROVAL,
                    "a certificate was issued while records say the request is " + state));
        }
    }

    private void moved(AuditRecord record, AuditAction action) {
        Transition transition = TRANSITIONS.get(action);
        if (transition == null) {
            invalid(record, action + " does not belong on a request chain");
        } else if (!transition.from().contains(state)) {
            invalid(record, action + " of a request that records say is " + state);
        } else {
            state = transition.to();
        }
    }

    private void invalid(AuditRecord record, String detail) {
        breaks.add(new AuditBreak(chain, record.seq(), Kind.INVALID_TRANSITION, detail));
    }

    private Optional<Instant> instant(AuditRecord record, String key) {
        Optional<String> text = Optional.ofNullable(record.details().get(key));
        try {
            return text.map(Instant::parse);
        } catch (DateTimeParseException e) {
            breaks.add(new AuditBreak(chain, record.seq(), Kind.INVALID_TRANSITION, key + " is not an instant"));
            return Optional.empty();
        }
    }
}
