package dev.airlock.ssh;

import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.ssh.testing.InMemoryCertificateAuthority;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshCertificateBuilderTest {

    private static final SshPublicKey SUBJECT = SshPublicKey.parse(TestOnlyPublicKeys.line("ed25519"));
    private static final SshPublicKey CA = InMemoryCertificateAuthority.ed25519().publicKey();
    private static final Instant AFTER = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant BEFORE = Instant.parse("2026-03-01T18:00:00Z");

    @Test
    void toBeSigned_encodesEveryFieldInProtocolOrder() {
        byte[] nonce = new byte[32];
        nonce[31] = 7;
        SshCertificateBuilder builder = complete().nonce(nonce)
                .extension("permit-pty").extension("permit-agent-forwarding")
                .criticalOption("source-address", "10.0.0.0/8").criticalOption("force-command", "/usr/bin/true");

        byte[] tbs = builder.toBeSigned(CA);
        ParsedCertificate cert = ParsedCertificate.parse(new SshWire().raw(tbs).string(new byte[] {9}).toByteArray());

        assertThat(cert.type()).isEqualTo("ssh-ed25519-cert-v01@openssh.com");
        assertThat(cert.nonce()).isEqualTo(nonce);
        assertThat(cert.subjectKeyBlob()).isEqualTo(SUBJECT.blob());
        assertThat(cert.serial()).isEqualTo(42L);
        assertThat(cert.certType()).isEqualTo(1L);
        assertThat(cert.keyId()).isEqualTo("alice request 1");
        assertThat(cert.principals()).containsExactly("ubuntu", "dba");
        assertThat(cert.validAfter()).isEqualTo(AFTER.getEpochSecond());
        assertThat(cert.validBefore()).isEqualTo(BEFORE.getEpochSecond());
        assertThat(cert.criticalOptions()).containsOnlyKeys("force-command", "source-address");
        assertThat(List.copyOf(cert.criticalOptions().keySet())).containsExactly("force-command", "source-address");
        assertThat(ParsedCertificate.stringData(cert.criticalOptions().get("force-command"))).isEqualTo("/usr/bin/true");
        assertThat(List.copyOf(cert.extensions().keySet())).containsExactly("permit-agent-forwarding", "permit-pty");
        assertThat(cert.extensions().get("permit-pty")).isEmpty();
        assertThat(cert.reserved()).isEmpty();
        assertThat(cert.signatureKey()).isEqualTo(CA.blob());
        assertThat(cert.signedLength()).isEqualTo(tbs.length);
    }

    @Test
    void serial_isUnsigned64Bits_andValidityDropsSubSeconds() {
        byte[] tbs = complete().serial(-1L)
                .validity(AFTER.plusMillis(999), BEFORE.plusMillis(1)).toBeSigned(CA);
        ParsedCertificate cert = ParsedCertificate.parse(new SshWire().raw(tbs).string(new byte[] {9}).toByteArray());

        assertThat(Long.toUnsignedString(cert.serial())).isEqualTo("18446744073709551615");
        assertThat(cert.validAfter()).isEqualTo(AFTER.getEpochSecond());
        assertThat(cert.validBefore()).isEqualTo(BEFORE.getEpochSecond());
    }

    @Test
    void nonce_isRandomByDefault() {
        ParsedCertificate one = parseUnsigned(complete());
        ParsedCertificate two = parseUnsigned(complete());

        assertThat(one.nonce()).hasSize(32).isNotEqualTo(two.nonce());
    }

    @Test
    void principals_rejectEmptyDuplicatesAndUnsafeNames() {
        assertInvalid(b -> b.principals(List.of()), "a certificate needs at least one principal");
        assertInvalid(b -> b.principals(List.of("ubuntu", "dba", "ubuntu")), "duplicate principal 'ubuntu'");
        assertInvalid(b -> b.principals(List.of("")), "principal must not be empty");
        assertInvalid(b -> b.principals(List.of("a b")), "principal contains whitespace or a comma at index 1");
        assertInvalid(b -> b.principals(List.of("a,b")), "principal contains whitespace or a comma at index 1");
        assertInvalid(b -> b.principals(List.of("a\u0000")), "principal contains a control character at index 1");
        assertInvalid(b -> b.principals(List.of("x".repeat(256))), "principal is over the limit of 255 characters");
        List<String> many = IntStream.range(0, 257).mapToObj(i -> "p" + i).toList();
        assertInvalid(b -> b.principals(many), "257 principals exceed the limit of 256");
    }

    @Test
    void keyId_rejectsEmptyLongAndControlCharacters() {
        assertInvalid(b -> b.keyId(""), "key id must not be empty");
        assertInvalid(b -> b.keyId("k".repeat(513)), "key id is over the limit of 512 characters");
        assertInvalid(b -> b.keyId("alice\nroot"), "key id contains a control character at index 5");
    }

    @Test
    void validity_requiresAfterBeforeBefore() {
        assertInvalid(b -> b.validity(BEFORE, AFTER), "must be before valid-before");
        assertInvalid(b -> b.validity(AFTER, AFTER.plusMillis(500)), "must be before valid-before");
        assertInvalid(b -> b.validity(Instant.ofEpochSecond(-1), AFTER), "must not be before 1970");
    }

    @Test
    void options_mustBeUniqueNamedAndBounded() {
        assertInvalid(b -> b.extension("permit-pty").extension("permit-pty"), "duplicate extension 'permit-pty'");
        assertInvalid(b -> b.criticalOption("force-command", "a").criticalOption("force-command", "b"),
                "duplicate critical option 'force-command'");
        assertInvalid(b -> b.extension(""), "extension name is invalid: name-list entries must not be empty");
        assertInvalid(b -> b.extension("a,b"), "extension name is invalid");
        assertInvalid(b -> b.extension("permit pty"), "extension name is invalid");
        assertInvalid(b -> b.extension("x".repeat(129)), "extension name is over the limit of 128 characters");
        assertInvalid(b -> b.criticalOption("force-command", ""), "option value must not be empty");
        assertInvalid(b -> b.criticalOption("force-command", "c".repeat(2049)),
                "option value is over the limit of 2048 characters");
        assertInvalid(b -> IntStream.rangeClosed(0, 32).forEach(i -> b.extension("ext" + i + "@airlock.test")),
                "more than 32 extensions");
    }

    @Test
    void nonce_mustBe32Bytes() {
        assertInvalid(b -> b.nonce(new byte[16]), "nonce must be 32 bytes, got 16");
    }

    @Test
    void toBeSigned_listsMissingFields() {
        SshCertificateBuilder builder = SshCertificateBuilder.userCertificate(SUBJECT).keyId("k");

        assertThatThrownBy(() -> builder.toBeSigned(CA))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("certificate fields not set: [serial, principals, validity]");
    }

    @Test
    void principals_keepsOrderAndCopiesTheList() {
        List<String> input = new java.util.ArrayList<>(List.of("b", "a"));
        SshCertificateBuilder builder = complete().principals(input);
        input.add("c");
        Collections.reverse(input);

        assertThat(parseUnsigned(builder).principals()).containsExactly("b", "a");
    }

    private static SshCertificateBuilder complete() {
        return SshCertificateBuilder.userCertificate(SUBJECT).serial(42).keyId("alice request 1")
                .principals(List.of("ubuntu", "dba")).validity(AFTER, BEFORE);
    }

    private static ParsedCertificate parseUnsigned(SshCertificateBuilder builder) {
        return ParsedCertificate.parse(new SshWire().raw(builder.toBeSigned(CA)).string(new byte[] {9}).toByteArray());
    }

    private static void assertInvalid(Consumer<SshCertificateBuilder> change, String message) {
        SshCertificateBuilder builder = complete();
        assertThatThrownBy(() -> change.accept(builder))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidRequestException) e).code()).isEqualTo("invalid_certificate"));
    }
}
