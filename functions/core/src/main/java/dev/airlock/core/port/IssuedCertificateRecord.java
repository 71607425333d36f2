package dev.airlock.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the audit trail says about one issued certificate (its {@code certificate.issued} record).
 *
 * @param serial      unsigned decimal
 * @param holder      the user it was issued to
 * @param roles       the roles it carries (the request's roles, or the holder's base roles)
 * @param requestId   the request it was issued under; empty for base roles only
 * @param validBefore its expiry
 * @param keyId       its key id
 * @param principals  the logins it is valid for, as issued
 * @param validAfter  start of its validity
 */
public record IssuedCertificateRecord(String serial, String holder, List<String> roles, Optional<String> requestId,
                                      Instant validBefore, String keyId, List<String> principals,
                                      Instant validAfter) {

    public IssuedCertificateRecord {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(holder, "holder");
        roles = List.copyOf(roles);
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(validBefore, "validBefore");
        Objects.requireNonNull(keyId, "keyId");
        principals = List.copyOf(principals);
        Objects.requireNonNull(validAfter, "validAfter");
    }
}
