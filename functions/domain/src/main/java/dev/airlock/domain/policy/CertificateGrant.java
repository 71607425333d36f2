package dev.airlock.domain.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a certificate may say, decided by {@link CertificatePolicy}; the SSH module turns it into an
 * OpenSSH user certificate (PROTOCOL.certkeys).
 *
 * @param user        the caller the certificate is for (goes into the key id)
 * @param requestId   the approved request it was issued under, if any (goes into the key id)
 * @param principals  SSH logins, sorted, distinct, never empty
 * @param validAfter  start of validity
 * @param validBefore end of validity, after {@code validAfter}
 * @param extensions  certificate extensions by name, sorted (PROTOCOL.certkeys orders them); values are
 *                    empty strings because the standard {@code permit-*} extensions carry no data
 */
public record CertificateGrant(
        String user, Optional<String> requestId, List<String> principals, Instant validAfter, Instant validBefore,
        Map<String, String> extensions) {

    public CertificateGrant {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(requestId, "requestId");
        principals = List.copyOf(principals);
        Objects.requireNonNull(validAfter, "validAfter");
        Objects.requireNonNull(validBefore, "validBefore");
        extensions = Collections.unmodifiableMap(new TreeMap<>(extensions));
        if (principals.isEmpty()) {
            throw new IllegalArgumentException("a certificate without principals would be valid for every login");
        }
        if (!validBefore.isAfter(validAfter)) {
            throw new IllegalArgumentException("validBefore must be after validAfter");
        }
    }
}
