package dev.airlock.core.usecase;

import dev.airlock.core.port.IssuedCertificateLookup;
import dev.airlock.core.port.IssuedCertificateRecord;
import dev.airlock.core.port.KrlEntry;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.core.port.RevocationStore;
import dev.airlock.domain.role.Identity;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /certificates}: the caller's own certificates (issue 15, {@code access cert ls}), latest
 * expiry first, each marked revoked or not. Nobody else's: the holder is the verified caller, never
 * a parameter.
 *
 * <p>By default only unexpired certificates are listed, as {@code tsh status} shows the certificates
 * that still work; {@code includeExpired} adds the expired ones (history). Expired ones are not read
 * at all by default: the by-holder index is sorted by expiry.
 *
 * <p><b>Revoked</b> comes from the KRL index's entries, which stay as records after the sweep takes
 * them out of the KRL ({@link RevocationStore#contains}): a certificate is revoked when it was revoked
 * itself ({@code certificate#<serial>}) or the request it was issued under was ({@code request#<id>}:
 * a request's revocation lists every certificate it issued, and none is issued after it).
 */
public final class ListCertificates {

    private final IssuedCertificateLookup certificates;
    private final RevocationStore revocations;
    private final Clock clock;

    public ListCertificates(IssuedCertificateLookup certificates, RevocationStore revocations, Clock clock) {
        this.certificates = Objects.requireNonNull(certificates, "certificates");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws dev.airlock.domain.error.InvalidRequestException code {@code invalid_cursor}
     */
    public Page<ListedCertificate> list(Identity caller, boolean includeExpired, PageRequest page) {
        Requests.required(caller, "caller");
        Requests.required(page, "page");
        Instant now = clock.instant();
        Page<IssuedCertificateRecord> found = certificates.listByHolder(caller.user(),
                includeExpired ? Optional.empty() : Optional.of(now), page);
        Map<String, Boolean> requestRevoked = new HashMap<>();
        List<ListedCertificate> listed = found.items().stream()
                .map(c -> listed(c, now, requestRevoked))
                .toList();
        return new Page<>(listed, found.nextCursor());
    }

    private ListedCertificate listed(IssuedCertificateRecord certificate, Instant now,
                                     Map<String, Boolean> requestRevoked) {
        boolean revoked = certificate.requestId()
                .map(id -> requestRevoked.computeIfAbsent(id, i -> revocations.contains(requestEntryId(i))))
                .orElse(false)
                || revocations.contains(KrlEntry.forCertificate(certificate.serial(), certificate.validBefore()).id());
        ListedCertificate.State state = revoked ? ListedCertificate.State.REVOKED
                : certificate.validBefore().isAfter(now) ? ListedCertificate.State.VALID
                : ListedCertificate.State.EXPIRED;
        return new ListedCertificate(certificate, revoked, state);
    }

    private static String requestEntryId(String requestId) {
        return KrlEntry.forRequest(requestId, List.of(), Instant.EPOCH).id();
    }
}
