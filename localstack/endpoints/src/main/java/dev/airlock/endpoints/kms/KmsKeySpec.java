package dev.airlock.endpoints.kms;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The key specs the embedded KMS can create (all {@code KeyUsage=SIGN_VERIFY}), with the signing
 * algorithms KMS lists for each (Key spec reference, "Asymmetric key specs"), in the order KMS
 * returns them.
 */
enum KmsKeySpec {
    ECC_NIST_P256("EC", "secp256r1", List.of(SigningAlgorithm.ECDSA_SHA_256)),
    ECC_NIST_P384("EC", "secp384r1", List.of(SigningAlgorithm.ECDSA_SHA_384)),
    RSA_2048("RSA", "2048", rsaAlgorithms()),
    RSA_3072("RSA", "3072", rsaAlgorithms()),
    RSA_4096("RSA", "4096", rsaAlgorithms()),
    ECC_NIST_EDWARDS25519("Ed25519", "Ed25519",
            List.of(SigningAlgorithm.ED25519_SHA_512, SigningAlgorithm.ED25519_PH_SHA_512));

    /** Every value of the KeySpec enum of the KMS API; a value outside it is a ValidationException. */
    static final Set<String> AWS_NAMES = Set.of(
            "RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521",
            "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "SM2",
            "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519", "ML_KEM_512", "ML_KEM_768", "ML_KEM_1024");

    /** Every value of the deprecated CustomerMasterKeySpec enum, which CreateKey still accepts. */
    static final Set<String> AWS_CUSTOMER_MASTER_KEY_SPECS = Set.of(
            "RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521",
            "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256", "HMAC_384", "HMAC_512", "SM2");

    /** Real KMS signing key specs that this emulator does not implement (an explicit UnsupportedOperationException). */
    static final Set<String> AWS_SIGNING_ONLY_ELSEWHERE = Set.of(
            "ECC_NIST_P521", "ECC_SECG_P256K1", "SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87");

    private final String jcaAlgorithm;
    private final String parameter;
    private final List<SigningAlgorithm> signingAlgorithms;

    KmsKeySpec(String jcaAlgorithm, String parameter, List<SigningAlgorithm> signingAlgorithms) {
        this.jcaAlgorithm = jcaAlgorithm;
        this.parameter = parameter;
        this.signingAlgorithms = signingAlgorithms;
    }

    /** The JCA key algorithm: {@code EC}, {@code RSA} or {@code Ed25519}. */
    String jcaAlgorithm() {
        return jcaAlgorithm;
    }

    /** The curve name (EC), modulus size in bits (RSA) or {@code Ed25519}. */
    String parameter() {
        return parameter;
    }

    List<SigningAlgorithm> signingAlgorithms() {
        return signingAlgorithms;
    }

    boolean supports(SigningAlgorithm algorithm) {
        return signingAlgorithms.contains(algorithm);
    }

    static Optional<KmsKeySpec> of(String awsName) {
        for (KmsKeySpec spec : values()) {
            if (spec.name().equals(awsName)) {
                return Optional.of(spec);
            }
        }
        return Optional.empty();
    }

    private static List<SigningAlgorithm> rsaAlgorithms() {
        return List.of(SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384,
                SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_512, SigningAlgorithm.RSASSA_PSS_SHA_256,
                SigningAlgorithm.RSASSA_PSS_SHA_384, SigningAlgorithm.RSASSA_PSS_SHA_512);
    }
}
