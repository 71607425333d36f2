package dev.airlock.ssh;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed KRL ({@code PROTOCOL.krl}): its header and, per certificates section, the CA key it is
 * scoped to and the revoked serial ranges. Produced by {@link KrlParser}.
 *
 * @param version     the KRL version (uint64, as a Java long)
 * @param generatedAt the generated date, whole seconds
 * @param comment     the header comment
 * @param sections    the certificates sections in file order
 */
public record Krl(long version, Instant generatedAt, String comment, List<CertificateSection> sections) {

    public Krl {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(comment, "comment");
        sections = List.copyOf(sections);
    }

    /** Serials {@code lo..hi} inclusive, unsigned. */
    public record SerialRange(long lo, long hi) {
        boolean contains(long serial) {
            return Long.compareUnsigned(lo, serial) <= 0 && Long.compareUnsigned(serial, hi) <= 0;
        }
    }

    /**
     * @param caKey  the CA whose certificates this section revokes; empty for "any CA"
     * @param serials revoked serials as ranges (a listed serial is a range of one)
     * @param keyIds revoked key ids
     */
    public record CertificateSection(Optional<SshPublicKey> caKey, List<SerialRange> serials, List<String> keyIds) {
        public CertificateSection {
            Objects.requireNonNull(caKey, "caKey");
            serials = List.copyOf(serials);
            keyIds = List.copyOf(keyIds);
        }
    }

    /** Whether a certificate with this serial, signed by {@code ca}, is revoked by serial. */
    public boolean revokesSerial(SshPublicKey ca, long serial) {
        return sections.stream()
                .filter(s -> s.caKey().isEmpty() || s.caKey().get().equals(ca))
                .flatMap(s -> s.serials().stream())
                .anyMatch(r -> r.contains(serial));
    }

    /** How many serials the KRL revokes in all (ranges counted in full, capped at {@link Long#MAX_VALUE}). */
    public long serialCount() {
        long total = 0;
        for (CertificateSection section : sections) {
            for (SerialRange range : section.serials()) {
                long size = range.hi() - range.lo() + 1;
                total = size <= 0 || total + size < 0 ? Long.MAX_VALUE : total + size;
            }
        }
        return total;
    }
}
