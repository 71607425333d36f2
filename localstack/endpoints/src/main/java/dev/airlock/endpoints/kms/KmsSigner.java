package dev.airlock.endpoints.kms;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * Signs and verifies as KMS does. Every scheme but PureEdDSA works on the message digest: with
 * {@code MessageType=RAW} the message is hashed first, with {@code DIGEST} the caller's digest is
 * used as is ("KMS skips the hashing step in the signing algorithm", Sign API reference). Output
 * formats are KMS's: ECDSA as a DER {@code Ecdsa-Sig-Value} (RFC 3279 §2.2.3), RSA per PKCS #1
 * (RFC 8017), Ed25519 as the 64-byte RFC 8032 signature.
 */
final class KmsSigner {

    /** RFC 8032 §5.1: Ed25519ph with an empty context (KMS takes no context). */
    private static final byte[] NO_CONTEXT = new byte[0];
    private static final int ED25519_SIGNATURE_LENGTH = 64;

    private KmsSigner() {
    }

    static byte[] sign(KeyMaterial key, SigningAlgorithm algorithm, byte[] message, boolean isDigest)
            throws GeneralSecurityException {
        return switch (algorithm.scheme()) {
            case ED25519 -> {
                byte[] signature = new byte[ED25519_SIGNATURE_LENGTH];
                key.edPrivate().sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
                yield signature;
            }
            case ED25519_PH -> {
                byte[] prehash = isDigest ? message : digest(algorithm, message);
                byte[] signature = new byte[ED25519_SIGNATURE_LENGTH];
                key.edPrivate().sign(Ed25519.Algorithm.Ed25519ph, NO_CONTEXT, prehash, 0, prehash.length, signature, 0);
                yield signature;
            }
            default -> {
                Signature signer = jcaSignature(algorithm);
                signer.initSign(key.privateKey());
                signer.update(signedBytes(algorithm, isDigest ? message : digest(algorithm, message)));
                yield signer.sign();
            }
        };
    }

    /** True when {@code signature} verifies; a malformed signature is simply not valid. */
    static boolean verify(KeyMaterial key, SigningAlgorithm algorithm, byte[] message, boolean isDigest,
                          byte[] signature) throws GeneralSecurityException {
        switch (algorithm.scheme()) {
            case ED25519:
                return signature.length == ED25519_SIGNATURE_LENGTH
                        && key.edPublic().verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
            case ED25519_PH:
                byte[] prehash = isDigest ? message : digest(algorithm, message);
                return signature.length == ED25519_SIGNATURE_LENGTH
                        && key.edPublic().verify(Ed25519.Algorithm.Ed25519ph, NO_CONTEXT, prehash, 0, prehash.length,
                        signature, 0);
            default:
                Signature verifier = jcaSignature(algorithm);
                verifier.initVerify(key.publicKey());
                verifier.update(signedBytes(algorithm, isDigest ? message : digest(algorithm, message)));
                try {
                    return verifier.verify(signature);
                } catch (SignatureException | RuntimeException malformed) {
                    // Bouncy Castle reports some malformed inputs (e.g. an RSA value above the modulus)
                    // as runtime exceptions; to Verify they are all just a signature that does not verify.
                    return false;
                }
        }
    }

    private static byte[] digest(SigningAlgorithm algorithm, byte[] message) throws GeneralSecurityException {
        return MessageDigest.getInstance(algorithm.hash()).digest(message);
    }

    /** The "NONEwith" JCA signatures take the digest; PKCS #1 v1.5 additionally wants it in a DigestInfo. */
    private static Signature jcaSignature(SigningAlgorithm algorithm) throws GeneralSecurityException {
        switch (algorithm.scheme()) {
            case ECDSA:
                return Signature.getInstance("NONEwithECDSA", KeyMaterial.BC);
            case RSA_PKCS1:
                return Signature.getInstance("NONEwithRSA", KeyMaterial.BC);
            case RSA_PSS:
                Signature pss = Signature.getInstance("NONEwithRSASSA-PSS", KeyMaterial.BC);
                pss.setParameter(new PSSParameterSpec(algorithm.hash(), "MGF1", new MGF1ParameterSpec(algorithm.hash()),
                        algorithm.digestLength(), PSSParameterSpec.TRAILER_FIELD_BC));
                return pss;
            default:
                throw new IllegalArgumentException("not a JCA scheme: " + algorithm);
        }
    }

    private static byte[] signedBytes(SigningAlgorithm algorithm, byte[] digest) throws GeneralSecurityException {
        if (algorithm.scheme() != SigningAlgorithm.Scheme.RSA_PKCS1) {
            return digest;
        }
        // RFC 8017 §9.2 EMSA-PKCS1-v1_5: T = DER(DigestInfo{algorithm, NULL parameters; digest}).
        AlgorithmIdentifier hashAlgorithm = new AlgorithmIdentifier(hashOid(algorithm), DERNull.INSTANCE);
        try {
            return new DigestInfo(hashAlgorithm, digest).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode DigestInfo", e);
        }
    }

    private static ASN1ObjectIdentifier hashOid(SigningAlgorithm algorithm) {
        return switch (algorithm.hash()) {
            case "SHA-256" -> NISTObjectIdentifiers.id_sha256;
            case "SHA-384" -> NISTObjectIdentifiers.id_sha384;
            case "SHA-512" -> NISTObjectIdentifiers.id_sha512;
            default -> throw new IllegalArgumentException("no hash OID for " + algorithm);
        };
    }
}
