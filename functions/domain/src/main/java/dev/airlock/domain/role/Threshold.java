package dev.airlock.domain.role;

/**
 * An N-of-M review threshold ({@code spec.allow.request.thresholds[]}): a requested role is approved
 * once {@code approve} approving reviews exist, denied once {@code deny} denying reviews exist. Several
 * thresholds for one role combine with OR, as in Teleport. {@code name} is Teleport's optional label
 * for a threshold (empty when not given); it names the threshold, it does not change what it requires.
 */
public record Threshold(String name, int approve, int deny) {

    /** Teleport's default when a role lists no thresholds: one approval approves, one denial denies. */
    public static final Threshold DEFAULT = new Threshold(1, 1);

    /** An unnamed threshold. */
    public Threshold(int approve, int deny) {
        this("", approve, deny);
    }

    public Threshold {
        java.util.Objects.requireNonNull(name, "name");
        if (approve < 1 || deny < 1) {
            throw new IllegalArgumentException(
                    "threshold approve and deny must be at least 1, got approve=" + approve + " deny=" + deny);
        }
    }
}
