package dev.airlock.core.testing;

import dev.airlock.core.port.IssuedCertificateLookup;
import dev.airlock.core.port.IssuedCertificateRecord;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.core.usecase.IssueCertificate;
import dev.airlock.core.usecase.IssuedCertificates;
import dev.airlock.domain.error.InvalidRequestException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TEST ONLY: finds issued certificates in the in-memory audit table, as the by-serial and by-holder
 * indexes do. Listing cursors are keyset cursors bound to the query and carry the listing's instant,
 * as the adapter's signed ones do (not signed here).
 */
public final class InMemoryIssuedCertificates implements IssuedCertificateLookup {

    /** Latest expiry first, then serial: the by-holder index's order with a tie-break. */
    private static final Comparator<IssuedCertificateRecord> ORDER = Comparator
            .comparing(IssuedCertificateRecord::validBefore).thenComparing(IssuedCertificateRecord::serial).reversed();

    private final InMemoryAuditLog audit;
    private int listings;

    public InMemoryIssuedCertificates(InMemoryAuditLog audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public Optional<IssuedCertificateRecord> find(String serial) {
        return audit.all().stream()
                .filter(r -> r.is(IssueCertificate.ACTION) && serial.equals(r.details().get("serial")))
                .map(IssuedCertificates::fromAudit)
                .findFirst();
    }

    @Override
    public synchronized Page<IssuedCertificateRecord> listByHolder(String holder, Optional<Instant> validAt,
                                                                   PageRequest page) {
        listings++;
        String query = holder + "\n" + validAt.isPresent();
        Optional<IssuedCertificateRecord> after = page.cursor().map(c -> decode(query, c));
        Optional<Instant> since = after.isPresent() ? cursorInstant(page.cursor().get()) : validAt;
        List<IssuedCertificateRecord> rest = audit.all().stream()
                .filter(r -> r.is(IssueCertificate.ACTION) && r.actor().equals(holder))
                .map(IssuedCertificates::fromAudit)
                .filter(c -> since.map(at -> c.validBefore().isAfter(at)).orElse(true))
                .filter(c -> after.map(a -> ORDER.compare(c, a) > 0).orElse(true))
                .sorted(ORDER)
                .toList();
        List<IssuedCertificateRecord> items = rest.subList(0, Math.min(page.size(), rest.size()));
        Optional<String> next = rest.size() > page.size()
                ? Optional.of(encode(query, items.get(items.size() - 1), since)) : Optional.empty();
        return new Page<>(items, next);
    }

    /** How many listings were read, for tests that count work. */
    public synchronized int listings() {
        return listings;
    }

    /** The records the lookup reads, for tests that need them. */
    public long issuedCount() {
        return audit.all().stream().filter(r -> r.is(IssueCertificate.ACTION)).count();
    }

    private static String encode(String query, IssuedCertificateRecord last, Optional<Instant> since) {
        String text = query + "\n" + last.serial() + "\n" + since.map(Instant::toString).orElse("-");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private IssuedCertificateRecord decode(String query, String cursor) {
        String[] parts = text(cursor).split("\n");
        if (parts.length != 4 || !(parts[0] + "\n" + parts[1]).equals(query)) {
            throw invalid();
        }
        return find(parts[2]).orElseThrow(InMemoryIssuedCertificates::invalid);
    }

    private static Optional<Instant> cursorInstant(String cursor) {
        String[] parts = text(cursor).split("\n");
        return parts[3].equals("-") ? Optional.empty() : Optional.of(Instant.parse(parts[3]));
    }

    private static String text(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("invalid_cursor", "the cursor does not belong to this query");
    }
}
