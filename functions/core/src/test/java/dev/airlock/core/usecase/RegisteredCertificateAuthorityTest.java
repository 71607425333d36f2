package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.CaKeyRecords;
import dev.airlock.core.audit.CaKeyRecords.CaKey;
import dev.airlock.core.testing.InMemoryAuditLog;
import dev.airlock.core.testing.MutableClock;
import dev.airlock.domain.error.InternalException;
import dev.airlock.ssh.testing.InMemoryCertificateAuthority;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegisteredCertificateAuthorityTest {

    private final InMemoryAuditLog audit = new InMemoryAuditLog(MutableClock.at(Instant.parse("2025-03-01T10:00:00Z")));
    private final InMemoryCertificateAuthority key = InMemoryCertificateAuthority.ecdsaP256();

    @Test
    void theFirstSignature_shouldFollowARecordNamingTheKey() {
        AtomicInteger recordsWhenSigning = new AtomicInteger(-1);
        RegisteredCertificateAuthority ca = registered(key, () -> recordsWhenSigning.set(audit.read(AuditChains.CA).size()));

        ca.sign(new byte[] {1, 2, 3});
        ca.sign(new byte[] {4});

        assertThat(audit.read(AuditChains.CA)).singleElement().satisfies(record -> {
            assertThat(record.is(AuditAction.CA_KEY_REGISTERED)).isTrue();
            assertThat(record.actor()).isEqualTo("sign");
            assertThat(record.details()).containsEntry(CaKeyRecords.FINGERPRINT, key.publicKey().fingerprint())
                    .containsEntry(CaKeyRecords.KEY_ID, "arn:test:key/1")
                    .containsEntry(CaKeyRecords.KEY_SPEC, "ECC_NIST_P256");
        });
        assertThat(recordsWhenSigning).hasValue(1);
        assertThat(audit.verifies(AuditChains.CA)).isTrue();
    }

    @Test
    void aKeyAlreadyRegistered_shouldNotBeRecordedAgain_andAnotherKeyShould() {
        registered(key, () -> { }).sign(new byte[] {1});
        registered(key, () -> { }).sign(new byte[] {2}); // a second container, or a restart
        InMemoryCertificateAuthority swapped = InMemoryCertificateAuthority.ecdsaP256();
        registered(swapped, () -> { }).sign(new byte[] {3});

        assertThat(audit.read(AuditChains.CA)).extracting(r -> r.details().get(CaKeyRecords.FINGERPRINT))
                .containsExactly(key.publicKey().fingerprint(), swapped.publicKey().fingerprint());
    }

    @Test
    void aRecordThatCannotBeWritten_shouldMeanNoSignature() {
        AtomicInteger signatures = new AtomicInteger();
        audit.beforeAppend(chain -> {
            throw new IllegalStateException("audit table unavailable");
        });
        RegisteredCertificateAuthority ca = registered(key, signatures::incrementAndGet);

        assertThatThrownBy(() -> ca.sign(new byte[] {1})).hasMessageContaining("audit table unavailable");
        assertThat(signatures).hasValue(0);
    }

    @Test
    void aDescriptionOfAnotherKey_shouldBeRefusedWithoutSigning() {
        InMemoryCertificateAuthority other = InMemoryCertificateAuthority.ecdsaP256();
        RegisteredCertificateAuthority ca = new RegisteredCertificateAuthority(key,
                () -> new CaKey("arn:test:key/2", "ECC_NIST_P256", other.publicKey().fingerprint()),
                new RegisterCaKey(audit), "sign");

        assertThatThrownBy(() -> ca.sign(new byte[] {1})).isInstanceOf(InternalException.class);
        assertThat(audit.read(AuditChains.CA)).isEmpty();
    }

    @Test
    void registerCaKey_shouldSayWhetherItAppended() {
        RegisterCaKey register = new RegisterCaKey(audit);
        CaKey caKey = new CaKey("arn:test:key/1", "ECC_NIST_P256", key.publicKey().fingerprint());

        assertThat(register.ensure(caKey, "local-up")).map(AuditRecord::seq).contains(1L);
        assertThat(register.ensure(caKey, "local-up")).isEmpty();
        assertThat(audit.read(AuditChains.CA)).hasSize(1);
    }

    /** {@code key} behind the registering decorator; {@code onSign} runs as the wrapped CA signs. */
    private RegisteredCertificateAuthority registered(InMemoryCertificateAuthority key, Runnable onSign) {
        dev.airlock.ssh.CertificateAuthority observed = new dev.airlock.ssh.CertificateAuthority() {
            @Override
            public dev.airlock.ssh.SshPublicKey publicKey() {
                return key.publicKey();
            }

            @Override
            public dev.airlock.ssh.SshSignatureAlgorithm signatureAlgorithm() {
                return key.signatureAlgorithm();
            }

            @Override
            public byte[] sign(byte[] toBeSigned) {
                onSign.run();
                return key.sign(toBeSigned);
            }
        };
        return new RegisteredCertificateAuthority(observed,
                () -> new CaKey("arn:test:key/1", "ECC_NIST_P256", key.publicKey().fingerprint()),
                new RegisterCaKey(audit), "sign");
    }
}
