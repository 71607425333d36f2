package dev.airlock.core.usecase;

/**
 * What one run of {@link ExpireRequests} did.
 *
 * @param overdue   ids the expiry index returned (at most {@link ExpireRequests#MAX_PER_RUN})
 * @param expired   requests moved to EXPIRED, each with one {@code request.expired} audit record
 * @param skipped   ids that needed nothing on re-read: gone, already final, or not yet due
 * @param conflicts requests changed by someone else between read and write; the next run retries them
 * @param revocationsDropped KRL index entries dropped because every certificate they name has expired
 */
public record SweepResult(int overdue, int expired, int skipped, int conflicts, int revocationsDropped) {

    /** A run that dropped no revocations. */
    public SweepResult(int overdue, int expired, int skipped, int conflicts) {
        this(overdue, expired, skipped, conflicts, 0);
    }

    public SweepResult {
        if (revocationsDropped < 0) {
            throw new IllegalArgumentException("negative revocationsDropped: " + revocationsDropped);
        }
        if (overdue < 0 || expired < 0 || skipped < 0 || conflicts < 0 || expired + skipped + conflicts != overdue) {
            throw new IllegalArgumentException("inconsistent sweep counts: overdue=" + overdue + " expired="
                    + expired + " skipped=" + skipped + " conflicts=" + conflicts);
        }
    }

    /** Whether the run may have left overdue requests behind (a full batch, or lost races). */
    public boolean moreWork() {
        return overdue >= ExpireRequests.MAX_PER_RUN || conflicts > 0
                || revocationsDropped >= ExpireRequests.MAX_PER_RUN;
    }
}
