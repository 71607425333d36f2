package dev.airlock.ssh;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * An SSH signature: {@code string algorithm, string signature} (RFC 4253 §6.6), the last field of a
 * certificate. The one place where signer output becomes SSH framing, notably the ECDSA conversion
 * from DER (what KMS and the JCA return) to SSH's {@code mpint r, mpint s} (RFC 5656 §3.1.2).
 */
public final class SshSignature {

    /** Ed25519 signatures are always 64 bytes (RFC 8032 §5.1.6). */
    public static final int ED25519_SIGNATURE_BYTES = 64;

    private final SshSignatureAlgorithm algorithm;
    private final byte[] signature;

    private SshSignature(SshSignatureAlgorithm algorithm, byte[] signature) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.signature = signature.clone();
    }

    /** Frames a raw Ed25519 or RSA signature; ECDSA must go through {@link #ecdsaFromDer}. */
    public static SshSignature of(SshSignatureAlgorithm algorithm, byte[] rawSignature) {
        Objects.requireNonNull(rawSignature, "rawSignature");
        if (algorithm.keyType().isEcdsa()) {
            throw new IllegalArgumentException("ECDSA signatures need conversion: use ecdsaFromDer");
        }
        if (algorithm == SshSignatureAlgorithm.ED25519 && rawSignature.length != ED25519_SIGNATURE_BYTES) {
            throw new IllegalArgumentException("Ed25519 signature must be " + ED25519_SIGNATURE_BYTES
                    + " bytes, got " + rawSignature.length);
        }
        if (rawSignature.length == 0) {
            throw new IllegalArgumentException("empty signature");
        }
        return new SshSignature(algorithm, rawSignature);
    }

    /**
     * Converts a DER {@code ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }} (RFC 3279 §2.2.3)
     * into the SSH form {@code string(mpint r ‖ mpint s)}. Strict: BER variants, extra elements,
     * trailing bytes and non-positive values are refused.
     *
     * @throws IllegalArgumentException if {@code der} is not such a structure
     */
    public static SshSignature ecdsaFromDer(SshSignatureAlgorithm algorithm, byte[] der) {
        if (!algorithm.keyType().isEcdsa()) {
            throw new IllegalArgumentException(algorithm.wireName() + " is not an ECDSA algorithm");
        }
        BigInteger[] rs = decodeDer(Objects.requireNonNull(der, "der"));
        byte[] inner = new SshWire().mpint(rs[0]).mpint(rs[1]).toByteArray();
        return new SshSignature(algorithm, inner);
    }

    /** Parses {@code string algorithm, string signature}; the algorithm must be one we sign with. */
    public static SshSignature fromBlob(byte[] blob) {
        SshWireReader reader = new SshWireReader(blob);
        String name = reader.utf8();
        byte[] signature = reader.string();
        reader.requireEnd("the signature");
        SshSignatureAlgorithm algorithm = SshSignatureAlgorithm.fromWireName(name)
                .orElseThrow(() -> new SshWireFormatException("unsupported signature algorithm"));
        return new SshSignature(algorithm, signature);
    }

    public SshSignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** The algorithm-specific signature bytes (for ECDSA: {@code mpint r ‖ mpint s}). */
    public byte[] signature() {
        return signature.clone();
    }

    /** {@code string algorithm, string signature}: the certificate's final {@code signature} field content. */
    public byte[] toBlob() {
        return new SshWire().string(algorithm.wireName()).string(signature).toByteArray();
    }

    private static BigInteger[] decodeDer(byte[] der) {
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            if (!(primitive instanceof ASN1Sequence sequence) || sequence.size() != 2
                    || !Arrays.equals(der, primitive.getEncoded(ASN1Encoding.DER))) {
                throw new IllegalArgumentException("ECDSA signature is not a DER SEQUENCE of two INTEGERs");
            }
            BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            if (r.signum() <= 0 || s.signum() <= 0) {
                throw new IllegalArgumentException("ECDSA signature has a non-positive r or s");
            }
            return new BigInteger[] {r, s};
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("ECDSA signature is not a DER SEQUENCE of two positive INTEGERs", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshSignature that && algorithm == that.algorithm
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SshSignature[" + algorithm.wireName() + ", " + signature.length + " bytes]";
    }
}
