package dev.airlock.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One revocation in the KRL index: the certificates of a revoked request, or one revoked certificate.
 * It stays in the index until {@code until}, when every certificate it names has expired (sshd
 * refuses an expired certificate anyway, so the KRL need not list it).
 *
 * @param id      {@code request#<id>} or {@code certificate#<serial>}; writing the same id twice is a no-op
 * @param serials certificate serials, unsigned decimal; may be empty (a revoked request that issued none)
 * @param until   no certificate named here is valid at or after this instant
 */
public record KrlEntry(String id, List<String> serials, Instant until) {

    public KrlEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(until, "until");
        serials = List.copyOf(serials);
    }

    public static KrlEntry forRequest(String requestId, List<String> serials, Instant until) {
        return new KrlEntry("request#" + requestId, serials, until);
    }

    public static KrlEntry forCertificate(String serial, Instant until) {
        return new KrlEntry("certificate#" + serial, List.of(serial), until);
    }
}
