package dev.airlock.core.usecase;

import dev.airlock.core.testing.InMemoryIssuedCertificates;
import dev.airlock.core.testing.InMemoryRevocationStore;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.core.testing.TestKeys;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.Verdict;
import dev.airlock.ssh.Krl;
import dev.airlock.ssh.KrlCheck;

import java.util.List;
import java.util.Optional;

/** TEST ONLY: the revocation use cases over a {@link TestAirlock}'s in-memory ports, and helpers. */
final class Revocations {

    final TestAirlock t;
    final InMemoryRevocationStore store;
    final RevokeRequest revokeRequest;
    final RevokeCertificate revokeCertificate;
    final BuildKrl buildKrl;
    final ExpireRequests sweep;

    Revocations(TestAirlock t) {
        this.t = t;
        this.store = new InMemoryRevocationStore(t.store());
        this.revokeRequest = new RevokeRequest(t.store(), store, t.roles(), t.clock());
        this.revokeCertificate = new RevokeCertificate(t.store(), t.audit(), store,
                new InMemoryIssuedCertificates(t.audit()), t.roles(), t.clock());
        this.buildKrl = new BuildKrl(store, t.ca(), t.clock());
        this.sweep = new ExpireRequests(t.store(), store, t.clock());
    }

    /** Bob's request for {@code role}, approved by alice. */
    AccessRequest approved(String role) {
        AccessRequest pending = t.airlock().requestAccess()
                .handle(TestIdentities.bob(), NewRequest.of(List.of(role), "INC-15"), Optional.empty()).request();
        return t.airlock().reviewRequest().handle(TestIdentities.alice(), pending.id(), Verdict.APPROVE, "ok");
    }

    IssuedCertificate issue(Optional<String> requestId) {
        return t.airlock().issueCertificate().handle(TestIdentities.bob(), TestKeys.ed25519PublicKeyLine(), requestId);
    }

    /** The KRL GET /krl would serve now, checked as a host would check it. */
    Krl krl() {
        return KrlCheck.requireUsable(buildKrl.handle().bytes(), t.ca().publicKey());
    }

    boolean krlRevokes(String serial) {
        return krl().revokesSerial(t.ca().publicKey(), Long.parseUnsignedLong(serial));
    }
}
