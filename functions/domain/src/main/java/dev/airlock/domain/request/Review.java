package dev.airlock.domain.request;

import java.time.Instant;
import java.util.Objects;

/**
 * One reviewer's verdict on an access request.
 *
 * @param reviewer the reviewer's user name (from their verified identity)
 * @param verdict  approve or deny
 * @param reason   the reviewer's reason; empty when none was given
 * @param at       when the review was submitted
 */
public record Review(String reviewer, Verdict verdict, String reason, Instant at) {

    /** Longest review reason accepted, in characters. */
    public static final int MAX_REASON_LENGTH = 1024;

    public Review {
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (reviewer.isBlank()) {
            throw new IllegalArgumentException("reviewer must not be blank");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("review reason longer than " + MAX_REASON_LENGTH + " characters");
        }
    }
}
