package dev.airlock.core.testing;

import dev.airlock.core.usecase.Airlock;
import dev.airlock.ssh.CertificateAuthority;
import dev.airlock.ssh.testing.InMemoryCertificateAuthority;

/**
 * TEST ONLY: the use cases wired to in-memory ports — a {@link MutableClock}, the
 * {@link FixedRoleCatalog#demo() demo roles}, one shared audit table and an in-memory Ed25519 CA
 * (from airlock-ssh's test-jar, which a consumer must add as a test dependency too).
 */
public record TestAirlock(MutableClock clock, FixedRoleCatalog roles, InMemoryAuditLog audit,
                          InMemoryAccessRequestStore store, CertificateAuthority ca, Airlock airlock) {

    /** Everything with the demo roles, at {@link MutableClock#DEFAULT_START}. */
    public static TestAirlock demo() {
        return with(InMemoryCertificateAuthority.ed25519());
    }

    /** Everything with the demo roles and the given CA (e.g. one that fails). */
    public static TestAirlock with(CertificateAuthority ca) {
        MutableClock clock = MutableClock.startingNow();
        FixedRoleCatalog roles = FixedRoleCatalog.demo();
        InMemoryAuditLog audit = new InMemoryAuditLog(clock);
        InMemoryAccessRequestStore store = new InMemoryAccessRequestStore(audit);
        return new TestAirlock(clock, roles, audit, store, ca, new Airlock(store, audit, roles, ca, clock));
    }
}
