package dev.airlock.core.usecase;

import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.ssh.Krl;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BuildKrlTest {

    private final TestAirlock t = TestAirlock.demo();
    private final Revocations r = new Revocations(t);

    @Test
    void handle_withNothingRevoked_isAnEmptyKrlOfTheCa() {
        BuildKrl.Result result = r.buildKrl.handle();

        Krl krl = r.krl();
        assertThat(result.version()).isZero();
        assertThat(result.serials()).isZero();
        assertThat(krl.sections()).singleElement().satisfies(s -> assertThat(s.caKey()).contains(t.ca().publicKey()));
        assertThat(krl.generatedAt()).isEqualTo(Instant.ofEpochSecond(t.clock().instant().getEpochSecond()));
    }

    @Test
    void handle_versionGrowsWithEveryChange_andExpiredRevocationsDropOut() {
        AccessRequest approved = r.approved("dba");
        IssuedCertificate underRequest = r.issue(Optional.of(approved.id()));
        IssuedCertificate baseRole = r.issue(Optional.empty());
        long v0 = r.buildKrl.handle().version();

        r.revokeRequest.handle(TestIdentities.bob(), approved.id(), "");
        long v1 = r.buildKrl.handle().version();
        r.revokeCertificate.handle(TestIdentities.bob(), baseRole.serial(), "");
        BuildKrl.Result both = r.buildKrl.handle();

        assertThat(v1).isGreaterThan(v0);
        assertThat(both.version()).isGreaterThan(v1);
        assertThat(both.serials()).isEqualTo(2);

        // past the request's access expiry: its certificate drops out at once, before any sweep
        t.clock().advance(Duration.between(t.clock().instant(), approved.accessExpiresAt().orElseThrow()));
        assertThat(r.krlRevokes(underRequest.serial())).isFalse();
        assertThat(r.krlRevokes(baseRole.serial())).isEqualTo(baseRole.validBefore().isAfter(t.clock().instant()));

        // the sweep then drops the expired entry from the index, and that is a change too
        long beforeSweep = r.buildKrl.handle().version();
        assertThat(r.sweep.run().revocationsDropped()).isEqualTo(1);
        assertThat(r.store.all()).hasSize(1);
        assertThat(r.buildKrl.handle().version()).isGreaterThan(beforeSweep);
        assertThat(r.sweep.run().revocationsDropped()).isZero();
    }
}
