package dev.airlock.core.usecase;

import dev.airlock.core.port.BreakGlassQuota;
import java.time.Duration;
import java.util.Objects;

/**
 * Deployment settings of break-glass (AirlockConfig reads them from the environment).
 *
 * @param quota              per-user rate limit
 * @param postReviewDeadline how long after opening a reviewer has to review a break-glass request
 */
public record BreakGlassSettings(BreakGlassQuota quota, Duration postReviewDeadline) {

    /** 3 per 24 h, post-review within 24 h. */
    public static final BreakGlassSettings DEFAULTS = new BreakGlassSettings(BreakGlassQuota.DEFAULT, Duration.ofHours(24));

    public BreakGlassSettings {
        Objects.requireNonNull(quota, "quota");
        Objects.requireNonNull(postReviewDeadline, "postReviewDeadline");
        if (postReviewDeadline.isNegative() || postReviewDeadline.isZero()) {
            throw new IllegalArgumentException("postReviewDeadline must be positive");
        }
    }
}
