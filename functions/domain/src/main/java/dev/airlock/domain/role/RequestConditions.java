package dev.airlock.domain.role;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code spec.allow.request} / {@code spec.deny.request}: which roles a holder may (or may not) request.
 * Under {@code deny} only {@link #roles()} is meaningful.
 *
 * @param roles       roles a holder may request (allow) or never request (deny)
 * @param maxDuration longest access window after approval; empty means the default access duration
 * @param reasonMode  whether a request for these roles needs a reason
 * @param thresholds  review thresholds, OR'd; empty means {@link Threshold#DEFAULT}
 * @param suggestedReviewers user names suggested as reviewers (shown to the requester, given to notifications);
 *                    a suggestion only: who may review is decided by {@code review_requests}
 */
public record RequestConditions(
        List<String> roles, Optional<Duration> maxDuration, ReasonMode reasonMode, List<Threshold> thresholds,
        List<String> suggestedReviewers) {

    /** Requests nothing. */
    public static final RequestConditions NONE =
            new RequestConditions(List.of(), Optional.empty(), ReasonMode.OPTIONAL, List.of());

    /** Conditions without suggested reviewers. */
    public RequestConditions(List<String> roles, Optional<Duration> maxDuration, ReasonMode reasonMode,
            List<Threshold> thresholds) {
        this(roles, maxDuration, reasonMode, thresholds, List.of());
    }

    public RequestConditions {
        suggestedReviewers = List.copyOf(Objects.requireNonNull(suggestedReviewers, "suggestedReviewers"));
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(reasonMode, "reasonMode");
        thresholds = List.copyOf(Objects.requireNonNull(thresholds, "thresholds"));
        maxDuration.ifPresent(d -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("maxDuration must be positive: " + d);
            }
        });
    }

    /** The thresholds that apply, with Teleport's default when none are listed. */
    public List<Threshold> effectiveThresholds() {
        return thresholds.isEmpty() ? List.of(Threshold.DEFAULT) : thresholds;
    }
}
