package dev.airlock.core.usecase;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed certificate as {@code POST /certificates} returns it (docs/API.md). Only ever built after
 * its audit record was committed.
 *
 * @param certificate one {@code authorized_keys}-style line ({@code <type>-cert-v01@openssh.com <base64> <user>}),
 *                    what the user saves as {@code id_<type>-cert.pub}
 * @param serial      the 64-bit serial as an unsigned decimal, as {@code ssh-keygen -L} prints it
 * @param keyId       the key id sshd logs on every login (user, request, roles, serial)
 * @param principals  the logins the certificate is valid for, sorted
 * @param validAfter  start of validity as encoded (whole seconds)
 * @param validBefore end of validity as encoded (whole seconds)
 * @param requestId   the approved request it was issued under; empty for base roles only
 */
public record IssuedCertificate(String certificate, String serial, String keyId, List<String> principals,
                                Instant validAfter, Instant validBefore, Optional<String> requestId) {

    public IssuedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(keyId, "keyId");
        principals = List.copyOf(principals);
        Objects.requireNonNull(validAfter, "validAfter");
        Objects.requireNonNull(validBefore, "validBefore");
        Objects.requireNonNull(requestId, "requestId");
    }
}
