package dev.airlock.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshSignatureTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void ecdsaFromDer_knownAnswer() {
        // SEQUENCE { INTEGER 0x0080 (needs its DER sign byte), INTEGER 0x7f }
        byte[] der = HEX.parseHex("3007" + "02020080" + "02017f");

        SshSignature signature = SshSignature.ecdsaFromDer(SshSignatureAlgorithm.ECDSA_P256, der);

        // RFC 5656 §3.1.2: string(mpint r ‖ mpint s); the mpint keeps the 0x00 before 0x80.
        assertThat(HEX.formatHex(signature.signature())).isEqualTo("000000020080" + "000000017f");
        assertThat(HEX.formatHex(signature.toBlob())).isEqualTo("00000013"
                + HEX.formatHex("ecdsa-sha2-nistp256".getBytes(StandardCharsets.US_ASCII))
                + "0000000b" + "000000020080" + "000000017f");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "3081070202008002017f",    // BER long-form length where DER needs the short form
            "300902020080020101020101", // three INTEGERs
            "30060201ff020101",        // negative r
            "3006020101020100",        // zero s
            "300602010102010100",      // trailing byte after the SEQUENCE
            "0201010201",              // not a SEQUENCE
            ""})
    void ecdsaFromDer_rejectsAnythingButStrictDerOfTwoPositiveIntegers(String hex) {
        assertThatThrownBy(() -> SshSignature.ecdsaFromDer(SshSignatureAlgorithm.ECDSA_P256, HEX.parseHex(hex)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ECDSA signature is not a DER SEQUENCE of two");
    }

    @Test
    void ecdsaFromDer_ofJcaSignatureVerifiesAsSshSignature() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        SshPublicKey key = SshPublicKey.fromSubjectPublicKeyInfo(pair.getPublic().getEncoded());
        byte[] data = "to be signed".getBytes(StandardCharsets.UTF_8);
        Signature jca = Signature.getInstance("SHA256withECDSA");
        jca.initSign(pair.getPrivate());
        jca.update(data);

        byte[] blob = SshSignature.ecdsaFromDer(SshSignatureAlgorithm.ECDSA_P256, jca.sign()).toBlob();

        assertThat(SshSignatureVerifier.verify(key, data, blob)).isTrue();
        assertThat(SshSignatureVerifier.verify(key, "other data".getBytes(StandardCharsets.UTF_8), blob)).isFalse();
    }

    @Test
    void of_checksEd25519LengthAndRefusesEcdsa() {
        assertThatThrownBy(() -> SshSignature.of(SshSignatureAlgorithm.ED25519, new byte[63]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Ed25519 signature must be 64 bytes, got 63");
        assertThatThrownBy(() -> SshSignature.of(SshSignatureAlgorithm.ECDSA_P256, new byte[64]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use ecdsaFromDer");
        assertThatThrownBy(() -> SshSignature.ecdsaFromDer(SshSignatureAlgorithm.RSA_SHA2_256, new byte[8]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an ECDSA algorithm");
    }

    @Test
    void fromBlob_roundTripsAndRefusesSha1Rsa() {
        SshSignature signature = SshSignature.of(SshSignatureAlgorithm.RSA_SHA2_512, new byte[] {1, 2, 3});
        byte[] sha1 = new SshWire().string("ssh-rsa").string(new byte[] {1}).toByteArray();

        assertThat(SshSignature.fromBlob(signature.toBlob())).isEqualTo(signature);
        assertThatThrownBy(() -> SshSignature.fromBlob(sha1))
                .isInstanceOf(SshWireFormatException.class).hasMessage("unsupported signature algorithm");
    }

    @Test
    void verifier_refusesSignatureOfAnotherKeyType() throws Exception {
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SshPublicKey key = SshPublicKey.fromSubjectPublicKeyInfo(ed.getPublic().getEncoded());
        byte[] rsaBlob = SshSignature.of(SshSignatureAlgorithm.RSA_SHA2_256, new byte[256]).toBlob();

        assertThat(SshSignatureVerifier.verify(key, new byte[1], rsaBlob)).isFalse();
        assertThat(SshSignatureVerifier.verify(key, new byte[1], new byte[] {0, 0})).isFalse();
    }
}
