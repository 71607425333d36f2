package dev.airlock.endpoints.s3;

import java.time.Instant;
import java.util.List;

/**
 * An object version's retention (S3 Object Lock): a mode and the date until which the version
 * "can't be overwritten or deleted" (object-lock-overview.html).
 */
record Retention(String mode, Instant retainUntil) {

    static final List<String> MODES = List.of("GOVERNANCE", "COMPLIANCE");

    boolean activeAt(Instant now) {
        return retainUntil.isAfter(now);
    }

    boolean compliance() {
        return mode.equals("COMPLIANCE");
    }
}
