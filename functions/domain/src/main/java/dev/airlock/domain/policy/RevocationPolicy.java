package dev.airlock.domain.policy;

import dev.airlock.domain.error.AccessDeniedException;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.request.Review;
import dev.airlock.domain.role.Identity;
import dev.airlock.domain.text.FreeText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who may revoke what (issue 15): an APPROVED request by its requester ("I'm finished", reason
 * optional) or by anyone who may review its roles (reason required, so the requester learns why);
 * one certificate by its holder or by a reviewer of the roles it carries, same reason rule. A base-role
 * certificate carries the holder's base roles, so only a reviewer of all of those may revoke it.
 *
 * <p>Checks run permission first, then state, so a caller learns nothing about a request or
 * certificate they may not revoke.
 */
public final class RevocationPolicy {

    /** Longest revocation reason, the same bound as a review reason. */
    public static final int MAX_REASON_LENGTH = Review.MAX_REASON_LENGTH;

    private final ReviewPolicy reviews;
    private final Clock clock;

    public RevocationPolicy(ReviewPolicy reviews, Clock clock) {
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks and applies the revocation of a request at the clock's now.
     *
     * @param reason the caller's reason, may be null or blank for the requester
     * @return the request, state REVOKED, reason as its resolution reason
     * @throws AccessDeniedException   code {@code not_revoker} for anyone but the requester or a reviewer
     * @throws InvalidRequestException code {@code reason_required} for a reviewer without a reason,
     *                                 {@code reason_too_long}, {@code unsafe_text} (control or bidi characters)
     * @throws ConflictException       code {@code invalid_state} unless APPROVED and unexpired now
     */
    public AccessRequest revokeRequest(Identity caller, AccessRequest request, String reason) {
        Objects.requireNonNull(request, "request");
        String checked = checkRevoker(caller, request.user(), request.roles(), reason, "request " + request.id());
        Instant now = clock.instant();
        RequestState state = request.stateAt(now);
        if (state != RequestState.APPROVED) {
            throw new ConflictException("invalid_state",
                    "request " + request.id() + " is " + state + "; only an APPROVED request can be revoked");
        }
        return request.revoke(checked, now);
    }

    /**
     * Checks that {@code caller} may revoke a certificate held by {@code holder} carrying {@code roles}.
     *
     * @return the reason to record (stripped; empty when the holder gave none)
     * @throws AccessDeniedException   code {@code not_revoker}
     * @throws InvalidRequestException code {@code reason_required}, {@code reason_too_long}
     */
    public String checkCertificateRevocation(Identity caller, String holder, List<String> roles, String reason) {
        return checkRevoker(caller, holder, roles, reason, "this certificate");
    }

    private String checkRevoker(Identity caller, String owner, List<String> roles, String reason, String what) {
        Objects.requireNonNull(caller, "caller");
        String trimmed = reason == null ? "" : reason.strip();
        boolean isOwner = caller.user().equals(owner);
        if (!isOwner && !reviews.mayReviewRoles(caller, roles)) {
            throw new AccessDeniedException("not_revoker",
                    "only the holder or a reviewer of its roles may revoke " + what);
        }
        FreeText.requireDisplayable(RequestPolicy.REASON_FIELD, trimmed);
        if (trimmed.length() > MAX_REASON_LENGTH) {
            throw new InvalidRequestException("reason_too_long",
                    "revocation reason is longer than " + MAX_REASON_LENGTH + " characters");
        }
        if (!isOwner && trimmed.isEmpty()) {
            throw new InvalidRequestException("reason_required",
                    "a reviewer revoking " + what + " must give a reason");
        }
        return trimmed;
    }
}
