package dev.airlock.ssh;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.RSADigestSigner;

import java.math.BigInteger;

/**
 * Verifies SSH signatures with Bouncy Castle, the way sshd will: RFC 8709 (Ed25519), RFC 5656
 * §3.1.2 (ECDSA over SHA-2 of the data) and RFC 8332 (RSASSA-PKCS1-v1_5 with SHA-256/512). The
 * issuer checks every CA signature with it before a certificate leaves, so a faulty signer yields
 * an error rather than a certificate sshd would refuse.
 */
public final class SshSignatureVerifier {

    private SshSignatureVerifier() {
    }

    /** True when {@code signatureBlob} ({@code string alg, string sig}) is a valid signature of {@code data} by {@code key}. */
    public static boolean verify(SshPublicKey key, byte[] data, byte[] signatureBlob) {
        SshSignature signature;
        try {
            signature = SshSignature.fromBlob(signatureBlob);
        } catch (SshWireFormatException e) {
            return false;
        }
        if (signature.algorithm().keyType() != key.type()) {
            return false;
        }
        return switch (signature.algorithm()) {
            case ED25519 -> verifyEd25519(key, data, signature.signature());
            case RSA_SHA2_256 -> verifyRsa(key, new SHA256Digest(), data, signature.signature());
            case RSA_SHA2_512 -> verifyRsa(key, new SHA512Digest(), data, signature.signature());
            case ECDSA_P256 -> verifyEcdsa(key, new SHA256Digest(), data, signature.signature());
            case ECDSA_P384 -> verifyEcdsa(key, new SHA384Digest(), data, signature.signature());
            case ECDSA_P521 -> verifyEcdsa(key, new SHA512Digest(), data, signature.signature());
        };
    }

    private static boolean verifyEd25519(SshPublicKey key, byte[] data, byte[] signature) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(false, key.parameters());
        signer.update(data, 0, data.length);
        return signer.verifySignature(signature);
    }

    private static boolean verifyRsa(SshPublicKey key, Digest digest, byte[] data, byte[] signature) {
        RSADigestSigner signer = new RSADigestSigner(digest);
        signer.init(false, key.parameters());
        signer.update(data, 0, data.length);
        return signer.verifySignature(signature);
    }

    private static boolean verifyEcdsa(SshPublicKey key, Digest digest, byte[] data, byte[] signature) {
        BigInteger r;
        BigInteger s;
        try {
            SshWireReader reader = new SshWireReader(signature);
            r = reader.mpint();
            s = reader.mpint();
            reader.requireEnd("the ECDSA signature");
        } catch (SshWireFormatException e) {
            return false;
        }
        byte[] hash = new byte[digest.getDigestSize()];
        digest.update(data, 0, data.length);
        digest.doFinal(hash, 0);
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, key.parameters());
        return signer.verifySignature(hash, r, s);
    }
}
