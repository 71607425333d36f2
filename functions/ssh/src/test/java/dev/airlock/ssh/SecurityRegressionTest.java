package dev.airlock.ssh;

import dev.airlock.domain.error.InvalidRequestException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Regression tests for the security review of issue #12, one per finding that lives in this module.
 * Each failed on the code before its fix. See docs/SECURITY.md for the threat table.
 */
class SecurityRegressionTest {

    /** A sound 2048-bit modulus, generated per run (no key material in the repository). */
    private static BigInteger modulus;

    @BeforeAll
    static void generateModulus() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        modulus = ((RSAPublicKey) rsa.generateKeyPair().getPublic()).getModulus();
    }

    /**
     * Finding 5: RSA subject keys with public exponent 1, 3, an even one, or one at least n got
     * certificates. With e = 1 the "signature" is the padded message itself. FIPS 186-5 §5.4 (e):
     * e odd, 2^16 &lt; e &lt; 2^256; and e &lt; n.
     */
    @Test
    void finding5_rsaSubjectKeyWithUnsoundPublicExponent_isRefused() {
        Map<String, BigInteger> unsound = Map.of(
                "e = 1", BigInteger.ONE,
                "e = 3", BigInteger.valueOf(3),
                "e = 2^16 + 1 - 2 (odd, too small)", BigInteger.valueOf(65535),
                "even e", BigInteger.valueOf(65538),
                "e = n", modulus,
                "e = n + 2 (odd, over n)", modulus.add(BigInteger.TWO),
                "e = 2^256 + 1", BigInteger.ONE.shiftLeft(256).add(BigInteger.ONE));

        unsound.forEach((what, exponent) -> assertThatThrownBy(() -> SshPublicKey.parse(rsaLine(exponent, modulus)))
                .as(what)
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).code()).isEqualTo("invalid_public_key")));
    }

    @Test
    void finding5_rsaSubjectKeyWithExponent65537_isAccepted() {
        SshPublicKey key = SshPublicKey.parse(rsaLine(BigInteger.valueOf(65537), modulus));

        assertThat(key.type()).isEqualTo(SshKeyType.RSA);
        assertThat(key.bits()).isEqualTo(2048);
    }

    @Test
    void finding5_largestOddExponentBelow2To256_isAccepted() {
        BigInteger largest = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

        assertThat(SshPublicKey.parse(rsaLine(largest, modulus)).type()).isEqualTo(SshKeyType.RSA);
    }

    /**
     * Finding 4 (server side, other free text): the comment of a submitted public key is text a person
     * may read; it took bidi overrides (C0/C1 controls were refused already).
     */
    @Test
    void finding4_publicKeyCommentWithBidiOverride_isRefused() {
        String line = rsaLine(BigInteger.valueOf(65537), modulus).replace(" crafted", " alice\u202egnp.exe");

        assertThatThrownBy(() -> SshPublicKey.parse(line))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("public key comment contains control or bidirectional formatting characters");
    }

    /** An {@code ssh-rsa} line built by hand (RFC 4253 §6.6: string "ssh-rsa", mpint e, mpint n). */
    private static String rsaLine(BigInteger exponent, BigInteger n) {
        byte[] blob = new SshWire().string("ssh-rsa").mpint(exponent).mpint(n).toByteArray();
        return "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + " crafted";
    }
}
