package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign and Verify over every supported key spec × signing algorithm × message type, each signature
 * checked with the JDK's own providers against the public key from GetPublicKey.
 */
class KmsServiceSigningTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> KEY_BY_SPEC = new HashMap<>();
    private static KmsCalls kms;

    @BeforeAll
    static void createOneKeyPerSpec() throws AwsServiceException {
        kms = new KmsCalls(new KmsService(Optional.empty()));
        for (String spec : List.of("ECC_NIST_P256", "ECC_NIST_P384", "RSA_2048", "RSA_3072", "RSA_4096",
                "ECC_NIST_EDWARDS25519")) {
            KEY_BY_SPEC.put(spec, kms.createKey(spec));
        }
    }

    /** Every (key spec, algorithm, message type) KMS accepts. */
    static Stream<Arguments> validCombinations() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String spec : List.of("ECC_NIST_P256", "ECC_NIST_P384")) {
            String algorithm = spec.equals("ECC_NIST_P256") ? "ECDSA_SHA_256" : "ECDSA_SHA_384";
            cases.add(Arguments.of(spec, algorithm, "RAW")).add(Arguments.of(spec, algorithm, "DIGEST"));
        }
        for (String spec : List.of("RSA_2048", "RSA_3072", "RSA_4096")) {
            for (String padding : List.of("RSASSA_PKCS1_V1_5_SHA_", "RSASSA_PSS_SHA_")) {
                for (String bits : List.of("256", "384", "512")) {
                    cases.add(Arguments.of(spec, padding + bits, "RAW")).add(Arguments.of(spec, padding + bits, "DIGEST"));
                }
            }
        }
        cases.add(Arguments.of("ECC_NIST_EDWARDS25519", "ED25519_SHA_512", "RAW"));
        cases.add(Arguments.of("ECC_NIST_EDWARDS25519", "ED25519_PH_SHA_512", "DIGEST"));
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("validCombinations")
    void sign_producesASignatureTheJdkVerifiesWithTheExportedPublicKey(String spec, String algorithm, String type)
            throws Exception {
        String keyId = KEY_BY_SPEC.get(spec);
        byte[] message = randomBytes(1 + RANDOM.nextInt(4096));
        byte[] input = type.equals("DIGEST") ? digest(algorithm, message) : message;

        ObjectNode response = kms.call("Sign", kms.signRequest(keyId, input, type, algorithm));
        byte[] signature = KmsCalls.decode(response.get("Signature").stringValue());

        assertThat(response.get("SigningAlgorithm").stringValue()).isEqualTo(algorithm);
        assertThat(response.get("KeyId").stringValue()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/" + keyId);
        assertThat(JcaVerifier.verify(kms.publicKey(keyId), algorithm, message, signature))
                .as("JDK verification of %s over the original message", algorithm).isTrue();
        assertThat(JcaVerifier.verify(kms.publicKey(keyId), algorithm, randomBytes(32), signature))
                .as("the same signature over another message").isFalse();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("validCombinations")
    void verify_acceptsItsOwnSignature_andRaisesKmsInvalidSignatureForATamperedOne(String spec, String algorithm,
                                                                                  String type) throws Exception {
        String keyId = KEY_BY_SPEC.get(spec);
        byte[] message = type.equals("DIGEST") ? digest(algorithm, randomBytes(100)) : randomBytes(100);
        byte[] signature = kms.sign(keyId, message, type, algorithm);

        ObjectNode valid = kms.call("Verify", kms.verifyRequest(keyId, message, type, algorithm, signature));
        byte[] tampered = signature.clone();
        tampered[tampered.length / 2] ^= 0x01;
        AwsServiceException invalid = kms.error("Verify", kms.verifyRequest(keyId, message, type, algorithm, tampered));

        assertThat(valid.get("SignatureValid").booleanValue()).isTrue();
        assertThat(valid.get("SigningAlgorithm").stringValue()).isEqualTo(algorithm);
        assertThat(invalid.type()).isEqualTo("KMSInvalidSignatureException");
        assertThat(invalid.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ECDSA_SHA_256", "RSASSA_PKCS1_V1_5_SHA_512", "RSASSA_PSS_SHA_384"})
    void verify_ofADigest_acceptsTheSignatureOfTheRawMessage(String algorithm) throws Exception {
        String keyId = KEY_BY_SPEC.get(algorithm.startsWith("ECDSA") ? "ECC_NIST_P256" : "RSA_2048");
        byte[] message = randomBytes(500);
        byte[] signature = kms.sign(keyId, message, "RAW", algorithm);

        ObjectNode result = kms.call("Verify",
                kms.verifyRequest(keyId, digest(algorithm, message), "DIGEST", algorithm, signature));

        assertThat(result.get("SignatureValid").booleanValue()).isTrue();
    }

    @Test
    void verify_ofAnotherMessage_raisesKmsInvalidSignature() throws Exception {
        String keyId = KEY_BY_SPEC.get("ECC_NIST_EDWARDS25519");
        byte[] signature = kms.sign(keyId, "one".getBytes(), "RAW", "ED25519_SHA_512");

        AwsServiceException thrown = kms.error("Verify",
                kms.verifyRequest(keyId, "two".getBytes(), "RAW", "ED25519_SHA_512", signature));

        assertThat(thrown.type()).isEqualTo("KMSInvalidSignatureException");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {1, 63, 65, 600})
    void verify_ofMalformedSignatureBytes_raisesKmsInvalidSignature(int length) {
        for (String spec : List.of("ECC_NIST_P256", "RSA_2048", "ECC_NIST_EDWARDS25519")) {
            String algorithm = switch (spec) {
                case "ECC_NIST_P256" -> "ECDSA_SHA_256";
                case "RSA_2048" -> "RSASSA_PSS_SHA_256";
                default -> "ED25519_SHA_512";
            };
            byte[] garbage = new byte[length];
            java.util.Arrays.fill(garbage, (byte) 0xff);

            AwsServiceException thrown = kms.error("Verify",
                    kms.verifyRequest(KEY_BY_SPEC.get(spec), "m".getBytes(), "RAW", algorithm, garbage));

            assertThat(thrown.type()).as(spec).isEqualTo("KMSInvalidSignatureException");
        }
    }

    /** Digest lengths: exactly 32, 48 or 64 bytes for *_SHA_256, *_SHA_384, *_SHA_512. */
    static Stream<Arguments> wrongDigestLengths() {
        return Stream.of(
                Arguments.of("ECC_NIST_P256", "ECDSA_SHA_256", 31), Arguments.of("ECC_NIST_P256", "ECDSA_SHA_256", 33),
                Arguments.of("ECC_NIST_P256", "ECDSA_SHA_256", 64), Arguments.of("ECC_NIST_P384", "ECDSA_SHA_384", 32),
                Arguments.of("RSA_2048", "RSASSA_PKCS1_V1_5_SHA_256", 48), Arguments.of("RSA_2048", "RSASSA_PSS_SHA_512", 32),
                Arguments.of("ECC_NIST_EDWARDS25519", "ED25519_PH_SHA_512", 32));
    }

    @ParameterizedTest(name = "{1} with {2} bytes")
    @MethodSource("wrongDigestLengths")
    void sign_ofADigestOfTheWrongLength_raisesValidationException(String spec, String algorithm, int length) {
        AwsServiceException sign = kms.error("Sign",
                kms.signRequest(KEY_BY_SPEC.get(spec), randomBytes(length), "DIGEST", algorithm));
        AwsServiceException verify = kms.error("Verify",
                kms.verifyRequest(KEY_BY_SPEC.get(spec), randomBytes(length), "DIGEST", algorithm, randomBytes(64)));

        assertThat(sign.type()).isEqualTo("ValidationException");
        assertThat(sign.getMessage()).contains("Digest is invalid length for algorithm " + algorithm);
        assertThat(verify.type()).isEqualTo("ValidationException");
    }

    /** An algorithm of the KMS enum that the key spec does not support. */
    static Stream<Arguments> wrongAlgorithms() {
        return Stream.of(
                Arguments.of("ECC_NIST_P256", "ECDSA_SHA_384"), Arguments.of("ECC_NIST_P256", "RSASSA_PSS_SHA_256"),
                Arguments.of("ECC_NIST_P384", "ECDSA_SHA_256"), Arguments.of("ECC_NIST_P384", "ECDSA_SHA_512"),
                Arguments.of("RSA_2048", "ECDSA_SHA_256"), Arguments.of("RSA_4096", "ED25519_SHA_512"),
                Arguments.of("ECC_NIST_EDWARDS25519", "ECDSA_SHA_256"), Arguments.of("ECC_NIST_EDWARDS25519", "SM2DSA"),
                Arguments.of("RSA_3072", "ML_DSA_SHAKE_256"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("wrongAlgorithms")
    void sign_withAnAlgorithmTheKeyDoesNotSupport_raisesInvalidKeyUsage(String spec, String algorithm) {
        AwsServiceException thrown = kms.error("Sign",
                kms.signRequest(KEY_BY_SPEC.get(spec), randomBytes(32), "RAW", algorithm));

        assertThat(thrown.type()).isEqualTo("InvalidKeyUsageException");
        assertThat(thrown.getMessage()).contains(algorithm).contains(spec);
    }

    @Test
    void sign_withAnAlgorithmOutsideTheKmsEnum_raisesValidationException() {
        AwsServiceException thrown = kms.error("Sign",
                kms.signRequest(KEY_BY_SPEC.get("ECC_NIST_P256"), randomBytes(32), "RAW", "ECDSA_SHA_1"));

        assertThat(thrown.type()).isEqualTo("ValidationException");
        assertThat(thrown.getMessage()).contains("'ECDSA_SHA_1' at 'signingAlgorithm'");
    }

    @Test
    void ed25519_pureSigning_refusesADigest_andPreHashSigning_refusesARawMessage() {
        String keyId = KEY_BY_SPEC.get("ECC_NIST_EDWARDS25519");

        AwsServiceException pureWithDigest = kms.error("Sign",
                kms.signRequest(keyId, randomBytes(64), "DIGEST", "ED25519_SHA_512"));
        AwsServiceException preHashWithRaw = kms.error("Sign",
                kms.signRequest(keyId, randomBytes(64), "RAW", "ED25519_PH_SHA_512"));

        assertThat(pureWithDigest.type()).isEqualTo("ValidationException");
        assertThat(pureWithDigest.getMessage()).contains("ED25519_SHA_512 requires MessageType RAW");
        assertThat(preHashWithRaw.type()).isEqualTo("ValidationException");
        assertThat(preHashWithRaw.getMessage()).contains("ED25519_PH_SHA_512 requires MessageType DIGEST");
    }

    @Test
    void sign_ofARawMessage_acceptsExactly4096Bytes_andRefusesMore() throws Exception {
        String keyId = KEY_BY_SPEC.get("ECC_NIST_EDWARDS25519");
        byte[] largest = randomBytes(4096);

        byte[] signature = kms.sign(keyId, largest, "RAW", "ED25519_SHA_512");
        AwsServiceException tooLong = kms.error("Sign",
                kms.signRequest(keyId, randomBytes(4097), "RAW", "ED25519_SHA_512"));
        AwsServiceException empty = kms.error("Sign", kms.signRequest(keyId, new byte[0], "RAW", "ED25519_SHA_512"));

        assertThat(JcaVerifier.verify(kms.publicKey(keyId), "ED25519_SHA_512", largest, signature)).isTrue();
        assertThat(tooLong.type()).isEqualTo("ValidationException");
        assertThat(tooLong.getMessage()).contains("'message'").contains("less than or equal to 4096");
        assertThat(empty.type()).isEqualTo("ValidationException");
    }

    @Test
    void sign_withExternalMu_raisesValidationException() {
        AwsServiceException thrown = kms.error("Sign",
                kms.signRequest(KEY_BY_SPEC.get("ECC_NIST_P256"), randomBytes(64), "EXTERNAL_MU", "ECDSA_SHA_256"));

        assertThat(thrown.type()).isEqualTo("ValidationException");
        assertThat(thrown.getMessage()).contains("EXTERNAL_MU");
    }

    @Test
    void sign_withoutMessageType_signsTheRawMessage() throws Exception {
        String keyId = KEY_BY_SPEC.get("ECC_NIST_P384");
        byte[] message = randomBytes(48);
        ObjectNode request = kms.signRequest(keyId, message, "RAW", "ECDSA_SHA_384");
        request.remove("MessageType");

        byte[] signature = KmsCalls.decode(kms.call("Sign", request).get("Signature").stringValue());

        assertThat(JcaVerifier.verify(kms.publicKey(keyId), "ECDSA_SHA_384", message, signature)).isTrue();
    }

    @Test
    void sign_withDryRun_raisesDryRunOperationException_afterAllChecksPass() {
        ObjectNode request = kms.signRequest(KEY_BY_SPEC.get("ECC_NIST_P256"), randomBytes(10), "RAW", "ECDSA_SHA_256");
        request.put("DryRun", true);
        ObjectNode invalid = kms.signRequest(KEY_BY_SPEC.get("ECC_NIST_P256"), randomBytes(10), "DIGEST", "ECDSA_SHA_256");
        invalid.put("DryRun", true);

        assertThat(kms.error("Sign", request).type()).isEqualTo("DryRunOperationException");
        assertThat(kms.error("Sign", invalid).type()).isEqualTo("ValidationException");
    }

    @Test
    void ecdsaSignatures_areDerEncoded_andRandomized() throws Exception {
        String keyId = KEY_BY_SPEC.get("ECC_NIST_P256");
        byte[] message = "same message".getBytes();

        byte[] first = kms.sign(keyId, message, "RAW", "ECDSA_SHA_256");
        byte[] second = kms.sign(keyId, message, "RAW", "ECDSA_SHA_256");

        org.bouncycastle.asn1.ASN1Sequence der = org.bouncycastle.asn1.ASN1Sequence.getInstance(first);
        assertThat(der.size()).isEqualTo(2);
        assertThat(der.getObjectAt(0)).isInstanceOf(org.bouncycastle.asn1.ASN1Integer.class);
        assertThat(der.getObjectAt(1)).isInstanceOf(org.bouncycastle.asn1.ASN1Integer.class);
        assertThat(first).isNotEqualTo(second);
    }

    private static byte[] digest(String algorithm, byte[] message) throws Exception {
        return MessageDigest.getInstance("SHA-" + algorithm.substring(algorithm.length() - 3)).digest(message);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
