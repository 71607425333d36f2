package dev.airlock.ssh;

import dev.airlock.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshPublicKeyTest {

    @ParameterizedTest
    @CsvSource({
            "ed25519,   ED25519",
            "ecdsa_256, ECDSA_P256",
            "ecdsa_384, ECDSA_P384",
            "ecdsa_521, ECDSA_P521",
            "rsa_2048,  RSA",
            "rsa_3072,  RSA"})
    void parse_acceptsEveryKindWithSshKeygensFingerprintAndBits(String name, SshKeyType type) {
        TestOnlyPublicKeys.Entry entry = TestOnlyPublicKeys.get(name);

        SshPublicKey key = SshPublicKey.parse(entry.line());

        assertThat(key.type()).isEqualTo(type);
        assertThat(key.bits()).isEqualTo(entry.bits());
        assertThat(key.fingerprint()).isEqualTo(entry.fingerprint());
        assertThat(key.comment()).startsWith("test-only-");
        assertThat(key.toAuthorizedKeysLine()).isEqualTo(entry.line());
    }

    @Test
    void parse_toleratesSurroundingWhitespaceAndTabsAndNoComment() {
        String[] parts = TestOnlyPublicKeys.line("ed25519").split(" ");

        SshPublicKey key = SshPublicKey.parse("  " + parts[0] + "\t" + parts[1] + "\n");

        assertThat(key.comment()).isEmpty();
        assertThat(key.toAuthorizedKeysLine()).isEqualTo(parts[0] + " " + parts[1]);
    }

    @Test
    void equality_ignoresTheComment() {
        SshPublicKey key = SshPublicKey.parse(TestOnlyPublicKeys.line("ecdsa_256"));

        assertThat(key.withComment("other")).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(key).isNotEqualTo(SshPublicKey.parse(TestOnlyPublicKeys.line("ed25519")));
    }

    @Test
    void rejectsDsa() {
        assertRejected(TestOnlyPublicKeys.line("dsa_1024"), "DSA (ssh-dss) keys are not accepted");
    }

    @Test
    void rejectsShortRsa() {
        assertRejected(TestOnlyPublicKeys.line("rsa_1024"), "ssh-rsa key has 1024 bits; at least 2048 are required");
    }

    @Test
    void rejectsMalformedBase64() {
        assertRejected("ssh-ed25519 AAAAC3Nza$$1lZDI1NTE5 me", "public key is not valid base64");
    }

    @Test
    void rejectsPointNotOnCurve() {
        byte[] blob = blob("ecdsa_256");
        blob[blob.length - 1] ^= 0x01; // y no longer satisfies y^2 = x^3 - 3x + b

        assertRejected(line("ecdsa-sha2-nistp256", blob), "the point is not on curve nistp256");
    }

    @Test
    void rejectsCurveThatDoesNotMatchTheKeyType() {
        SshWireReader p384 = new SshWireReader(blob("ecdsa_384"));
        p384.string();
        p384.string();
        byte[] point = p384.string();
        byte[] blob = new SshWire().string("ecdsa-sha2-nistp256").string("nistp384").string(point).toByteArray();

        assertRejected(line("ecdsa-sha2-nistp256", blob),
                "key type 'ecdsa-sha2-nistp256' names curve 'nistp384' inside; expected 'nistp256'");
    }

    @Test
    void rejectsCompressedPointAndPointAtInfinity() {
        byte[] compressed = new byte[33];
        compressed[0] = 0x02;
        byte[] blob = new SshWire().string("ecdsa-sha2-nistp256").string("nistp256").string(compressed).toByteArray();
        byte[] infinity = new SshWire().string("ecdsa-sha2-nistp256").string("nistp256").string(new byte[] {0})
                .toByteArray();

        assertRejected(line("ecdsa-sha2-nistp256", blob), "must be an uncompressed point");
        assertRejected(line("ecdsa-sha2-nistp256", infinity), "must be an uncompressed point");
    }

    @Test
    void rejectsLineTypeThatDoesNotMatchTheEncodedType() {
        String base64 = TestOnlyPublicKeys.line("ed25519").split(" ")[1];

        assertRejected("ssh-rsa " + base64, "key type 'ssh-rsa' does not match the encoded key type 'ssh-ed25519'");
    }

    @Test
    void rejectsTrailingGarbageInTheBlob() {
        byte[] blob = Arrays.copyOf(blob("ed25519"), blob("ed25519").length + 1);

        assertRejected(line("ssh-ed25519", blob), "the encoded public key has 1 trailing bytes");
    }

    @Test
    void rejectsTruncatedBlob() {
        byte[] blob = Arrays.copyOf(blob("ed25519"), blob("ed25519").length - 5);

        assertRejected(line("ssh-ed25519", blob), "public key is malformed: string length 32 exceeds the 27 bytes left");
    }

    @Test
    void rejectsEd25519KeyOfWrongLength() {
        byte[] blob = new SshWire().string("ssh-ed25519").string(new byte[31]).toByteArray();

        assertRejected(line("ssh-ed25519", blob), "ssh-ed25519 public key must be 32 bytes");
    }

    @Test
    void rejectsNonMinimalMpint() {
        byte[] blob = new SshWire().string("ssh-rsa").string(new byte[] {0, 1, 0, 1})
                .mpint(BigInteger.ONE.shiftLeft(2047).add(BigInteger.ONE)).toByteArray();

        assertRejected(line("ssh-rsa", blob), "mpint has an unnecessary leading byte");
    }

    @Test
    void rejectsInvalidRsaModulus() {
        BigInteger even = BigInteger.ONE.shiftLeft(2047).add(BigInteger.TWO);
        byte[] blob = new SshWire().string("ssh-rsa").mpint(BigInteger.valueOf(65537)).mpint(even).toByteArray();

        assertRejected(line("ssh-rsa", blob), "ssh-rsa public key is invalid: the key values are invalid");
    }

    @Test
    void rejectsOversizedLineAndBlob() {
        assertRejected("ssh-ed25519 " + "A".repeat(SshPublicKey.MAX_LINE_CHARS), "over the limit of 8192");
        byte[] big = new SshWire().string("ssh-rsa").raw(new byte[SshPublicKey.MAX_BLOB_BYTES]).toByteArray();
        assertRejected(line("ssh-rsa", big), "encoded public key is 4107 bytes, over the limit of 4096");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh-foo AAAA", "ssh-ed25519-cert-v01@openssh.com AAAA", "sk-ssh-ed25519@openssh.com AAAA"})
    void rejectsUnsupportedTypes(String input) {
        assertRejected(input, "unsupported key type '" + input.split(" ")[0] + "'");
    }

    @Test
    void rejectsEmptyIncompleteMultiLineAndControlCharacters() {
        String line = TestOnlyPublicKeys.line("ed25519");
        assertRejected(null, "public key is empty");
        assertRejected("   ", "public key is empty");
        assertRejected("ssh-ed25519", "public key has no base64 part");
        assertRejected(line + "\n" + line, "public key must be a single line");
        assertRejected(line + "\u0007bell", "public key comment contains control or bidirectional formatting characters");
    }

    @Test
    void fromSubjectPublicKeyInfo_convertsJcaKeysOfEveryCaKind() throws Exception {
        KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(3072);

        assertThat(SshPublicKey.fromSubjectPublicKeyInfo(ed.generateKeyPair().getPublic().getEncoded()).type())
                .isEqualTo(SshKeyType.ED25519);
        assertThat(SshPublicKey.fromSubjectPublicKeyInfo(ec.generateKeyPair().getPublic().getEncoded()).type())
                .isEqualTo(SshKeyType.ECDSA_P256);
        SshPublicKey rsaKey = SshPublicKey.fromSubjectPublicKeyInfo(rsa.generateKeyPair().getPublic().getEncoded());
        assertThat(rsaKey.type()).isEqualTo(SshKeyType.RSA);
        assertThat(rsaKey.bits()).isEqualTo(3072);
    }

    @Test
    void fromSubjectPublicKeyInfo_rejectsGarbageAndCurvesSshDoesNotName() throws Exception {
        KeyPairGenerator k1 = KeyPairGenerator.getInstance("EC", new org.bouncycastle.jce.provider.BouncyCastleProvider());
        k1.initialize(new ECGenParameterSpec("secp256k1"));
        byte[] secp256k1 = k1.generateKeyPair().getPublic().getEncoded();

        assertThatThrownBy(() -> SshPublicKey.fromSubjectPublicKeyInfo(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a supported SSH public key");
        assertThatThrownBy(() -> SshPublicKey.fromSubjectPublicKeyInfo(secp256k1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a supported SSH public key");
    }

    private static byte[] blob(String name) {
        return Base64.getDecoder().decode(TestOnlyPublicKeys.line(name).split(" ")[1]);
    }

    private static String line(String type, byte[] blob) {
        return type + " " + Base64.getEncoder().encodeToString(blob) + " crafted";
    }

    private static void assertRejected(String input, String message) {
        assertThatThrownBy(() -> SshPublicKey.parse(input))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidRequestException) e).code()).isEqualTo("invalid_public_key"));
    }
}
