package dev.airlock.endpoints.conformance;

import dev.airlock.endpoints.conformance.ConformanceTarget.Emulator;
import dev.airlock.endpoints.kms.JcaVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidSignatureException;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.VerifyResponse;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Sign and Verify as the KMS API reference describes them, through the AWS SDK v2: every signing key
 * spec Airlock may use as its CA, every algorithm of it, RAW and DIGEST messages; signatures checked
 * offline with the JDK against the GetPublicKey SubjectPublicKeyInfo.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KmsSigningConformanceTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String FLOCI_ED25519 = "Ed25519 keys are broken";
    private static final String MOTO_ED25519 = "has no ECC_NIST_EDWARDS25519 keys";
    private static final String MOTO_DIGEST = "mis-handles MessageType=DIGEST";

    private final ConformanceTarget target = ConformanceTarget.current();
    private final Map<KeySpec, String> keys = new EnumMap<>(KeySpec.class);
    private final Map<KeySpec, byte[]> publicKeys = new EnumMap<>(KeySpec.class);
    private KmsClient kms;

    @BeforeAll
    void client() {
        kms = target.kms();
    }

    @AfterAll
    void scheduleDeletionOfTheKeys() {
        keys.values().forEach(keyId -> kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7)));
    }

    /** Every (key spec, algorithm, message type) the API reference allows. */
    Stream<Arguments> validCombinations() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (MessageType type : List.of(MessageType.RAW, MessageType.DIGEST)) {
            cases.add(Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, type));
            cases.add(Arguments.of(KeySpec.ECC_NIST_P384, SigningAlgorithmSpec.ECDSA_SHA_384, type));
            for (KeySpec rsa : List.of(KeySpec.RSA_2048, KeySpec.RSA_3072, KeySpec.RSA_4096)) {
                for (SigningAlgorithmSpec algorithm : List.of(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256,
                        SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512,
                        SigningAlgorithmSpec.RSASSA_PSS_SHA_256, SigningAlgorithmSpec.RSASSA_PSS_SHA_384,
                        SigningAlgorithmSpec.RSASSA_PSS_SHA_512)) {
                    cases.add(Arguments.of(rsa, algorithm, type));
                }
            }
        }
        cases.add(Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_SHA_512, MessageType.RAW));
        cases.add(Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_PH_SHA_512, MessageType.DIGEST));
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("validCombinations")
    void sign_producesASignatureThatVerifiesOfflineWithThePublicKey(KeySpec spec, SigningAlgorithmSpec algorithm,
                                                                    MessageType type) throws Exception {
        assumeSupported(spec, type);
        byte[] message = randomBytes(1 + RANDOM.nextInt(4096));
        byte[] input = type == MessageType.DIGEST ? digest(algorithm, message) : message;

        SignResponse signed = kms.sign(r -> r.keyId(key(spec)).message(SdkBytes.fromByteArray(input))
                .messageType(type).signingAlgorithm(algorithm));
        byte[] signature = signed.signature().asByteArray();

        assertThat(signed.signingAlgorithm()).isEqualTo(algorithm);
        assertThat(signed.keyId()).matches("arn:aws:kms:us-east-1:\\d{12}:key/" + key(spec));
        assertThat(JcaVerifier.verify(publicKey(spec), algorithm.toString(), message, signature))
                .as("offline verification over the original message").isTrue();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("validCombinations")
    void verify_acceptsTheSignature(KeySpec spec, SigningAlgorithmSpec algorithm, MessageType type) throws Exception {
        assumeSupported(spec, type);
        byte[] message = type == MessageType.DIGEST ? digest(algorithm, randomBytes(64)) : randomBytes(64);
        byte[] signature = sign(spec, message, type, algorithm);

        VerifyResponse verified = kms.verify(r -> r.keyId(key(spec)).message(SdkBytes.fromByteArray(message))
                .messageType(type).signingAlgorithm(algorithm).signature(SdkBytes.fromByteArray(signature)));

        assertThat(verified.signatureValid()).isTrue();
        assertThat(verified.signingAlgorithm()).isEqualTo(algorithm);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("oneAlgorithmPerScheme")
    void verify_ofATamperedSignature_raisesKmsInvalidSignatureException(KeySpec spec, SigningAlgorithmSpec algorithm)
            throws Exception {
        target.assumeNoKnownDeviation(Emulator.FLOCI, "Verify answers SignatureValid=false instead of raising "
                + "KMSInvalidSignatureException");
        assumeSupported(spec, MessageType.RAW);
        byte[] message = "the message".getBytes();
        byte[] tampered = sign(spec, message, MessageType.RAW, algorithm);
        tampered[tampered.length / 2] ^= 0x01;

        KmsInvalidSignatureException thrown = catchThrowableOfType(KmsInvalidSignatureException.class,
                () -> kms.verify(r -> r.keyId(key(spec)).message(SdkBytes.fromByteArray(message))
                        .messageType(MessageType.RAW).signingAlgorithm(algorithm)
                        .signature(SdkBytes.fromByteArray(tampered))));

        assertThat(thrown).as("KMSInvalidSignatureException").isNotNull();
        assertThat(thrown.statusCode()).isEqualTo(400);
    }

    Stream<Arguments> oneAlgorithmPerScheme() {
        return Stream.of(Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PSS_SHA_256),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_SHA_512));
    }

    @ParameterizedTest(name = "{1} with a {2}-byte digest")
    @MethodSource("wrongDigestLengths")
    void sign_ofADigestOfTheWrongLength_raisesValidationException(KeySpec spec, SigningAlgorithmSpec algorithm,
                                                                  int length) {
        target.assumeNoKnownDeviation(Emulator.FLOCI, "does not check the length of a DIGEST");
        assumeSupported(spec, MessageType.DIGEST);

        KmsException thrown = catchThrowableOfType(KmsException.class,
                () -> kms.sign(r -> r.keyId(key(spec)).message(SdkBytes.fromByteArray(randomBytes(length)))
                        .messageType(MessageType.DIGEST).signingAlgorithm(algorithm)));

        assertThat(thrown).isNotNull();
        assertThat(thrown.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    }

    Stream<Arguments> wrongDigestLengths() {
        return Stream.of(Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, 31),
                Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, 48),
                Arguments.of(KeySpec.ECC_NIST_P384, SigningAlgorithmSpec.ECDSA_SHA_384, 32),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512, 32),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PSS_SHA_256, 64),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_PH_SHA_512, 32));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("algorithmsTheKeyDoesNotSupport")
    void sign_withAnAlgorithmTheKeyDoesNotSupport_raisesInvalidKeyUsageException(KeySpec spec,
                                                                                 SigningAlgorithmSpec algorithm) {
        target.assumeNoKnownDeviation(Emulator.FLOCI, "does not check that the signing algorithm fits the key");
        assumeSupported(spec, MessageType.RAW);

        InvalidKeyUsageException thrown = catchThrowableOfType(InvalidKeyUsageException.class,
                () -> kms.sign(r -> r.keyId(key(spec)).message(SdkBytes.fromUtf8String("m"))
                        .messageType(MessageType.RAW).signingAlgorithm(algorithm)));

        assertThat(thrown).as("InvalidKeyUsageException").isNotNull();
    }

    Stream<Arguments> algorithmsTheKeyDoesNotSupport() {
        return Stream.of(Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_384),
                Arguments.of(KeySpec.ECC_NIST_P384, SigningAlgorithmSpec.ECDSA_SHA_256),
                Arguments.of(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.RSASSA_PSS_SHA_256),
                Arguments.of(KeySpec.RSA_2048, SigningAlgorithmSpec.ECDSA_SHA_256),
                Arguments.of(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ECDSA_SHA_256));
    }

    @Test
    void ed25519_pureSigningTakesOnlyRaw_andPreHashSigningOnlyDigest() {
        assumeSupported(KeySpec.ECC_NIST_EDWARDS25519, MessageType.RAW);
        target.assumeNoKnownDeviation(Emulator.FLOCI, FLOCI_ED25519);

        KmsException pureWithDigest = catchThrowableOfType(KmsException.class,
                () -> kms.sign(r -> r.keyId(key(KeySpec.ECC_NIST_EDWARDS25519))
                        .message(SdkBytes.fromByteArray(randomBytes(64))).messageType(MessageType.DIGEST)
                        .signingAlgorithm(SigningAlgorithmSpec.ED25519_SHA_512)));
        KmsException preHashWithRaw = catchThrowableOfType(KmsException.class,
                () -> kms.sign(r -> r.keyId(key(KeySpec.ECC_NIST_EDWARDS25519))
                        .message(SdkBytes.fromByteArray(randomBytes(64))).messageType(MessageType.RAW)
                        .signingAlgorithm(SigningAlgorithmSpec.ED25519_PH_SHA_512)));

        assertThat(pureWithDigest.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(preHashWithRaw.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    }

    @Test
    void rawMessages_ofUpTo4096Bytes_areSigned_andLongerOnesRaiseValidationException() throws Exception {
        byte[] largest = randomBytes(4096);

        byte[] signature = sign(KeySpec.ECC_NIST_P256, largest, MessageType.RAW, SigningAlgorithmSpec.ECDSA_SHA_256);
        KmsException tooLong = catchThrowableOfType(KmsException.class,
                () -> kms.sign(r -> r.keyId(key(KeySpec.ECC_NIST_P256)).message(SdkBytes.fromByteArray(randomBytes(4097)))
                        .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)));

        assertThat(JcaVerifier.verify(publicKey(KeySpec.ECC_NIST_P256), "ECDSA_SHA_256", largest, signature)).isTrue();
        assertThat(tooLong.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    }

    /** Skips, naming the emulator, what a known third-party emulator cannot do. */
    private void assumeSupported(KeySpec spec, MessageType type) {
        if (spec == KeySpec.ECC_NIST_EDWARDS25519) {
            target.assumeNoKnownDeviation(Emulator.FLOCI, FLOCI_ED25519);
            target.assumeNoKnownDeviation(Emulator.MOTO, MOTO_ED25519);
        }
        if (type == MessageType.DIGEST) {
            target.assumeNoKnownDeviation(Emulator.MOTO, MOTO_DIGEST);
        }
    }

    private synchronized String key(KeySpec spec) {
        return keys.computeIfAbsent(spec, s -> kms.createKey(r -> r.keyUsage(KeyUsageType.SIGN_VERIFY).keySpec(s)
                .description("airlock conformance " + s)).keyMetadata().keyId());
    }

    private synchronized byte[] publicKey(KeySpec spec) {
        return publicKeys.computeIfAbsent(spec, s -> kms.getPublicKey(r -> r.keyId(key(s))).publicKey().asByteArray());
    }

    private byte[] sign(KeySpec spec, byte[] message, MessageType type, SigningAlgorithmSpec algorithm) {
        return kms.sign(r -> r.keyId(key(spec)).message(SdkBytes.fromByteArray(message)).messageType(type)
                .signingAlgorithm(algorithm)).signature().asByteArray();
    }

    private static byte[] digest(SigningAlgorithmSpec algorithm, byte[] message) throws Exception {
        String name = algorithm.toString();
        return MessageDigest.getInstance("SHA-" + name.substring(name.length() - 3)).digest(message);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
