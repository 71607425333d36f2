package dev.airlock.endpoints.kms;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdDSAParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Verifies KMS signatures with the JDK's own providers (SunEC, SunRsaSign), independently of the
 * Bouncy Castle code that made them, over the original message as any offline verifier would
 * (the KMS GetPublicKey "offline verification" use case). Shared with the conformance suite.
 */
public final class JcaVerifier {

    private JcaVerifier() {
    }

    public static boolean verify(byte[] subjectPublicKeyInfo, String kmsAlgorithm, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier = jdkSignature(kmsAlgorithm);
        verifier.initVerify(jdkPublicKey(subjectPublicKeyInfo, kmsAlgorithm));
        verifier.update(message);
        return verifier.verify(signature);
    }

    public static PublicKey jdkPublicKey(byte[] subjectPublicKeyInfo, String kmsAlgorithm) throws GeneralSecurityException {
        String algorithm = kmsAlgorithm.startsWith("ECDSA") ? "EC"
                : kmsAlgorithm.startsWith("ED25519") ? "Ed25519" : "RSA";
        String provider = algorithm.equals("RSA") ? "SunRsaSign" : "SunEC";
        return KeyFactory.getInstance(algorithm, provider).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
    }

    private static Signature jdkSignature(String kmsAlgorithm) throws GeneralSecurityException {
        String hash = "SHA" + kmsAlgorithm.substring(kmsAlgorithm.length() - 3);
        String jcaHash = "SHA-" + kmsAlgorithm.substring(kmsAlgorithm.length() - 3);
        if (kmsAlgorithm.startsWith("ECDSA")) {
            return Signature.getInstance(hash + "withECDSA", "SunEC");
        }
        if (kmsAlgorithm.startsWith("RSASSA_PKCS1_V1_5")) {
            return Signature.getInstance(hash + "withRSA", "SunRsaSign");
        }
        if (kmsAlgorithm.startsWith("RSASSA_PSS")) {
            Signature pss = Signature.getInstance("RSASSA-PSS", "SunRsaSign");
            int saltLength = Integer.parseInt(kmsAlgorithm.substring(kmsAlgorithm.length() - 3)) / 8;
            pss.setParameter(new PSSParameterSpec(jcaHash, "MGF1", new MGF1ParameterSpec(jcaHash), saltLength, 1));
            return pss;
        }
        Signature eddsa = Signature.getInstance("Ed25519", "SunEC");
        if (kmsAlgorithm.equals("ED25519_PH_SHA_512")) {
            eddsa.setParameter(new EdDSAParameterSpec(true));
        }
        return eddsa;
    }
}
