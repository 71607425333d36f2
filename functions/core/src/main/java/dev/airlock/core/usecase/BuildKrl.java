package dev.airlock.core.usecase;

import dev.airlock.core.port.KrlEntry;
import dev.airlock.core.port.KrlSnapshot;
import dev.airlock.core.port.RevocationStore;
import dev.airlock.ssh.CertificateAuthority;
import dev.airlock.ssh.KrlBuilder;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * {@code GET /krl}: the OpenSSH KRL of every revoked certificate not yet expired, scoped to the CA
 * key, for sshd's {@code RevokedKeys}. Built from one query of the KRL index; its version is the
 * index's counter, which every revocation and every sweep that drops entries increments.
 */
public final class BuildKrl {

    /** A built KRL and what went into it. */
    public record Result(byte[] bytes, long version, int serials, long itemsRead, Instant generatedAt) {
    }

    private final RevocationStore revocations;
    private final CertificateAuthority ca;
    private final Clock clock;

    public BuildKrl(RevocationStore revocations, CertificateAuthority ca, Clock clock) {
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.ca = Objects.requireNonNull(ca, "ca");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Result handle() {
        Instant now = clock.instant();
        KrlSnapshot snapshot = revocations.unexpired(now);
        Set<Long> serials = new HashSet<>();
        for (KrlEntry entry : snapshot.entries()) {
            entry.serials().forEach(s -> serials.add(Long.parseUnsignedLong(s)));
        }
        byte[] krl = KrlBuilder.forCa(ca.publicKey())
                .version(snapshot.version())
                .generatedAt(now)
                .comment("airlock")
                .revokeSerials(serials)
                .build();
        return new Result(krl, snapshot.version(), serials.size(), snapshot.itemsRead(), now);
    }
}
