package dev.airlock.domain.role;

/**
 * An N-of-M review threshold ({@code spec.allow.request.thresholds[]}): a requested role is approved
 * once {@code approve} approving reviews exist, denied once {@code deny} denying reviews exist. Several
 * thresholds for one role combine with OR, as in Teleport.
 */
public record Threshold(int approve, int deny) {

    /** Teleport's default when a role lists no thresholds: one approval approves, one denial denies. */
    public static final Threshold DEFAULT = new Threshold(1, 1);

    public Threshold {
        if (approve < 1 || deny < 1) {
            throw new IllegalArgumentException(
                    "threshold approve and deny must be at least 1, got approve=" + approve + " deny=" + deny);
        }
    }
}
