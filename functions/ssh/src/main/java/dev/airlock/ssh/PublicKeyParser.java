package dev.airlock.ssh;

import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.text.FreeText;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

import static dev.airlock.ssh.SshPublicKey.MAX_BLOB_BYTES;
import static dev.airlock.ssh.SshPublicKey.MAX_COMMENT_CHARS;
import static dev.airlock.ssh.SshPublicKey.MAX_LINE_CHARS;
import static dev.airlock.ssh.SshPublicKey.MAX_RSA_BITS;
import static dev.airlock.ssh.SshPublicKey.MIN_RSA_BITS;

/**
 * The checks behind {@link SshPublicKey#parse(String)}. We frame the blob ourselves (so each defect
 * gets its own message) and let Bouncy Castle's {@link OpenSSHPublicKeyUtil} build the key, which
 * validates the parts we cannot see from the framing: EC points on their curve, RSA modulus sanity.
 * Finally the blob must be exactly what Bouncy Castle re-encodes, which rejects compressed EC points
 * and padded integers that OpenSSH itself never writes.
 */
final class PublicKeyParser {

    private static final String EXPECTED_FORM = "expected '<key-type> <base64-key> [comment]'";
    private static final int ED25519_KEY_BYTES = 32;
    private static final byte SEC1_UNCOMPRESSED = 0x04;
    /** FIPS 186-5 §5.4 (e): 2^16 &lt; e. */
    private static final BigInteger MIN_RSA_EXPONENT_EXCLUSIVE = BigInteger.ONE.shiftLeft(16);
    /** FIPS 186-5 §5.4 (e): e &lt; 2^256, i.e. at most 256 bits. */
    private static final int MAX_RSA_EXPONENT_BITS = 256;

    private PublicKeyParser() {
    }

    static SshPublicKey parseLine(String line) {
        if (line == null || line.isBlank()) {
            throw invalid("public key is empty; " + EXPECTED_FORM);
        }
        if (line.length() > MAX_LINE_CHARS) {
            throw invalid("public key line is " + line.length() + " characters, over the limit of "
                    + MAX_LINE_CHARS);
        }
        String trimmed = line.strip();
        if (trimmed.indexOf('\n') >= 0 || trimmed.indexOf('\r') >= 0) {
            throw invalid("public key must be a single line");
        }
        String[] parts = trimmed.split("[ \t]+", 3);
        if (parts.length < 2) {
            throw invalid("public key has no base64 part; " + EXPECTED_FORM);
        }
        SshKeyType declared = supportedType(parts[0]);
        SshPublicKey key = parseBlob(decodeBase64(parts[1]));
        if (key.type() != declared) {
            throw invalid("key type '" + parts[0] + "' does not match the encoded key type '"
                    + key.type().wireName() + "'");
        }
        String comment = parts.length == 3 ? parts[2] : "";
        requireValidComment(comment);
        return key.withComment(comment);
    }

    static SshPublicKey parseBlob(byte[] blob) {
        if (blob.length > MAX_BLOB_BYTES) {
            throw invalid("encoded public key is " + blob.length + " bytes, over the limit of " + MAX_BLOB_BYTES);
        }
        try {
            SshWireReader reader = new SshWireReader(blob);
            SshKeyType type = supportedType(reader.utf8());
            checkFraming(type, reader);
            reader.requireEnd("the encoded public key");
            AsymmetricKeyParameter parameters = buildWithBouncyCastle(type, blob);
            if (!Arrays.equals(blob, OpenSSHPublicKeyUtil.encodePublicKey(parameters))) {
                throw invalid("public key is not in canonical form (padded integer or compressed point)");
            }
            return new SshPublicKey(type, blob, "", parameters);
        } catch (SshWireFormatException e) {
            throw invalid("public key is malformed: " + e.getMessage());
        } catch (java.io.IOException e) {
            throw invalid("public key cannot be re-encoded: " + e.getMessage());
        }
    }

    /** Walks the RFC 4253 §6.6 / RFC 5656 §3.1 / RFC 8709 §4 fields of each key type. */
    private static void checkFraming(SshKeyType type, SshWireReader reader) {
        switch (type) {
            case ED25519 -> {
                if (reader.string().length != ED25519_KEY_BYTES) {
                    throw invalid("ssh-ed25519 public key must be " + ED25519_KEY_BYTES + " bytes");
                }
            }
            case RSA -> checkRsa(reader.mpint(), reader.mpint());
            default -> checkEcdsa(type, reader.utf8(), reader.string());
        }
    }

    private static void checkRsa(BigInteger exponent, BigInteger modulus) {
        if (exponent.signum() <= 0 || modulus.signum() <= 0) {
            throw invalid("ssh-rsa public key has a non-positive exponent or modulus");
        }
        int bits = modulus.bitLength();
        if (bits < MIN_RSA_BITS) {
            throw invalid("ssh-rsa key has " + bits + " bits; at least " + MIN_RSA_BITS + " are required");
        }
        if (bits > MAX_RSA_BITS) {
            throw invalid("ssh-rsa key has " + bits + " bits; at most " + MAX_RSA_BITS + " are accepted");
        }
        checkRsaExponent(exponent, modulus);
    }

    /**
     * FIPS 186-5 §5.4 (e): the public exponent is odd with 2^16 &lt; e &lt; 2^256, and e &lt; n. A tiny e
     * (1 makes a "signature" the padded message itself, 3 invites low-exponent attacks) or one at least
     * n is a key nobody should hold a certificate for.
     */
    private static void checkRsaExponent(BigInteger exponent, BigInteger modulus) {
        if (exponent.compareTo(modulus) >= 0) {
            throw invalid("ssh-rsa public exponent is not smaller than the modulus");
        }
        if (!exponent.testBit(0)) {
            throw invalid("ssh-rsa public exponent is even; it must be odd (FIPS 186-5)");
        }
        if (exponent.compareTo(MIN_RSA_EXPONENT_EXCLUSIVE) <= 0 || exponent.bitLength() > MAX_RSA_EXPONENT_BITS) {
            throw invalid("ssh-rsa public exponent must be above 2^16 and below 2^256 (FIPS 186-5); "
                    + "ssh-keygen uses 65537");
        }
    }

    private static void checkEcdsa(SshKeyType type, String curve, byte[] point) {
        String expected = type.curveName().orElseThrow();
        if (!expected.equals(curve)) {
            throw invalid("key type '" + type.wireName() + "' names curve '" + sanitize(curve)
                    + "' inside; expected '" + expected + "'");
        }
        if (point.length == 0 || point[0] != SEC1_UNCOMPRESSED) {
            throw invalid(type.wireName() + " public key must be an uncompressed point (SEC1 0x04 form)");
        }
    }

    private static AsymmetricKeyParameter buildWithBouncyCastle(SshKeyType type, byte[] blob) {
        try {
            return OpenSSHPublicKeyUtil.parsePublicKey(blob);
        } catch (RuntimeException e) {
            // Bouncy Castle signals a point off the curve or a bad RSA modulus with unchecked exceptions.
            String what = type.isEcdsa() ? "the point is not on curve " + type.curveName().orElseThrow()
                    : "the key values are invalid";
            throw invalid(type.wireName() + " public key is invalid: " + what);
        }
    }

    private static SshKeyType supportedType(String name) {
        if ("ssh-dss".equals(name)) {
            throw invalid("DSA (ssh-dss) keys are not accepted; use ssh-ed25519, ecdsa-sha2-nistp256/384/521 "
                    + "or ssh-rsa of at least " + MIN_RSA_BITS + " bits");
        }
        return SshKeyType.fromWireName(name).orElseThrow(() -> invalid("unsupported key type '"
                + sanitize(name) + "'; accepted: ssh-ed25519, ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, "
                + "ecdsa-sha2-nistp521, ssh-rsa"));
    }

    private static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid("public key is not valid base64");
        }
    }

    static void requireValidComment(String comment) {
        if (comment == null || comment.length() > MAX_COMMENT_CHARS) {
            throw invalid("public key comment is over the limit of " + MAX_COMMENT_CHARS + " characters");
        }
        if (comment.codePoints().anyMatch(FreeText::isUnsafe)) {
            // the same rule as reasons: the comment may be shown to a person
            throw invalid("public key comment contains control or bidirectional formatting characters");
        }
    }

    static int bits(SshKeyType type, AsymmetricKeyParameter parameters) {
        if (parameters instanceof RSAKeyParameters rsa) {
            return rsa.getModulus().bitLength();
        }
        if (parameters instanceof ECPublicKeyParameters ec) {
            return ec.getParameters().getCurve().getFieldSize();
        }
        return 256; // Ed25519: ssh-keygen -l reports 256
    }

    /** Echo at most a short, printable prefix of attacker-supplied text in messages. */
    private static String sanitize(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }

    private static InvalidRequestException invalid(String detail) {
        return new InvalidRequestException(SshPublicKey.ERROR_CODE, detail);
    }
}
