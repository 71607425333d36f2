package dev.airlock.endpoints.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CustomerMasterKeySpec;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * CreateKey, DescribeKey, GetPublicKey and the key states (DisableKey, EnableKey, ScheduleKeyDeletion,
 * CancelKeyDeletion) as the KMS API reference and "Key states of KMS keys" describe them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KmsKeyConformanceTest {

    private final ConformanceTarget target = ConformanceTarget.current();
    private final List<String> created = new ArrayList<>();
    private KmsClient kms;

    @BeforeAll
    void client() {
        kms = target.kms();
    }

    @AfterAll
    void scheduleDeletionOfTheKeys() {
        for (String keyId : created) {
            try {
                kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));
            } catch (KmsInvalidStateException alreadyPending) {
                // a test already scheduled it
            }
        }
    }

    @Test
    void createKey_describesAnEnabledCustomerManagedSigningKey() {
        Instant before = Instant.now().minusSeconds(5);

        KeyMetadata metadata = createKey(KeySpec.ECC_NIST_P256, "CA key");

        assertThat(metadata.arn()).isEqualTo("arn:aws:kms:us-east-1:" + metadata.awsAccountId() + ":key/" + metadata.keyId());
        assertThat(metadata.awsAccountId()).matches("\\d{12}");
        assertThat(metadata.creationDate()).isBetween(before, Instant.now().plusSeconds(5));
        assertThat(metadata.enabled()).isTrue();
        assertThat(metadata.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(metadata.keyUsage()).isEqualTo(KeyUsageType.SIGN_VERIFY);
        assertThat(metadata.keySpec()).isEqualTo(KeySpec.ECC_NIST_P256);
        assertThat(metadata.customerMasterKeySpec()).isEqualTo(CustomerMasterKeySpec.ECC_NIST_P256);
        assertThat(metadata.signingAlgorithms()).containsExactly(SigningAlgorithmSpec.ECDSA_SHA_256);
        assertThat(metadata.keyManager()).isEqualTo(KeyManagerType.CUSTOMER);
        assertThat(metadata.origin()).isEqualTo(OriginType.AWS_KMS);
        assertThat(metadata.multiRegion()).isFalse();
        assertThat(metadata.description()).isEqualTo("CA key");
        assertThat(metadata.deletionDate()).isNull();
        assertThat(kms.describeKey(r -> r.keyId(metadata.keyId())).keyMetadata()).isEqualTo(metadata);
    }

    @Test
    void describeKey_ofAnRsaKey_listsItsSixSigningAlgorithms() {
        KeyMetadata metadata = createKey(KeySpec.RSA_2048, "rsa");

        assertThat(metadata.signingAlgorithms()).containsExactlyInAnyOrder(
                SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384,
                SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512, SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
                SigningAlgorithmSpec.RSASSA_PSS_SHA_384, SigningAlgorithmSpec.RSASSA_PSS_SHA_512);
    }

    @Test
    void getPublicKey_returnsTheDerSubjectPublicKeyInfoAndTheKeysSpec() throws Exception {
        KeyMetadata metadata = createKey(KeySpec.ECC_NIST_P256, "public key");

        GetPublicKeyResponse response = kms.getPublicKey(r -> r.keyId(metadata.keyId()));
        ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(response.publicKey().asByteArray()));

        assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(response.keyId()).isEqualTo(metadata.arn());
        assertThat(response.keySpec()).isEqualTo(KeySpec.ECC_NIST_P256);
        assertThat(response.keyUsage()).isEqualTo(KeyUsageType.SIGN_VERIFY);
        assertThat(response.signingAlgorithms()).containsExactly(SigningAlgorithmSpec.ECDSA_SHA_256);
    }

    @Test
    void aDisabledKey_refusesToSign_withDisabledException_untilItIsEnabledAgain() {
        KeyMetadata metadata = createKey(KeySpec.ECC_NIST_P256, "disabled");

        kms.disableKey(r -> r.keyId(metadata.keyId()));
        DisabledException refused = catchThrowableOfType(DisabledException.class, () -> sign(metadata.keyId()));
        KeyMetadata disabled = kms.describeKey(r -> r.keyId(metadata.keyId())).keyMetadata();
        kms.enableKey(r -> r.keyId(metadata.keyId()));

        assertThat(refused).as("DisabledException").isNotNull();
        assertThat(disabled.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(disabled.enabled()).isFalse();
        assertThat(sign(metadata.keyId())).isNotEmpty();
    }

    @Test
    void aKeyPendingDeletion_refusesToSign_withKmsInvalidStateException_andCancellingLeavesItDisabled() {
        KeyMetadata metadata = createKey(KeySpec.ECC_NIST_P256, "doomed");
        Instant before = Instant.now();

        ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(r -> r.keyId(metadata.keyId()).pendingWindowInDays(7));
        KeyMetadata pending = kms.describeKey(r -> r.keyId(metadata.keyId())).keyMetadata();
        KmsInvalidStateException refused = catchThrowableOfType(KmsInvalidStateException.class, () -> sign(metadata.keyId()));
        KmsInvalidStateException enable = catchThrowableOfType(KmsInvalidStateException.class,
                () -> kms.enableKey(r -> r.keyId(metadata.keyId())));
        kms.cancelKeyDeletion(r -> r.keyId(metadata.keyId()));
        KeyMetadata cancelled = kms.describeKey(r -> r.keyId(metadata.keyId())).keyMetadata();

        assertThat(scheduled.keyId()).isEqualTo(metadata.arn());
        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(7);
        assertThat(scheduled.deletionDate()).isAfter(before.plus(Duration.ofDays(7)).minusSeconds(60));
        assertThat(pending.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(pending.enabled()).isFalse();
        assertThat(pending.deletionDate()).isEqualTo(scheduled.deletionDate());
        assertThat(refused).as("KMSInvalidStateException from Sign").isNotNull();
        assertThat(enable).as("KMSInvalidStateException from EnableKey").isNotNull();
        assertThat(cancelled.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(cancelled.deletionDate()).isNull();
    }

    @Test
    void scheduleKeyDeletion_outsideSevenToThirtyDays_raisesValidationException() {
        KeyMetadata metadata = createKey(KeySpec.ECC_NIST_P256, "window");

        KmsException tooShort = catchThrowableOfType(KmsException.class,
                () -> kms.scheduleKeyDeletion(r -> r.keyId(metadata.keyId()).pendingWindowInDays(6)));
        KmsException tooLong = catchThrowableOfType(KmsException.class,
                () -> kms.scheduleKeyDeletion(r -> r.keyId(metadata.keyId()).pendingWindowInDays(31)));

        assertThat(tooShort.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(tooLong.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(kms.describeKey(r -> r.keyId(metadata.keyId())).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void anUnknownKey_raisesNotFoundException() {
        String missing = UUID.randomUUID().toString();

        NotFoundException describe = catchThrowableOfType(NotFoundException.class,
                () -> kms.describeKey(r -> r.keyId(missing)));
        NotFoundException signWith = catchThrowableOfType(NotFoundException.class, () -> sign(missing));

        assertThat(describe).as("NotFoundException from DescribeKey").isNotNull();
        assertThat(signWith).as("NotFoundException from Sign").isNotNull();
    }

    @Test
    void listKeys_includesTheCreatedKey_withItsArn() {
        KeyMetadata metadata = createKey(KeySpec.ECC_NIST_P256, "listed");

        boolean listed = kms.listKeysPaginator(r -> r.limit(10)).keys().stream()
                .anyMatch(entry -> entry.keyId().equals(metadata.keyId()) && entry.keyArn().equals(metadata.arn()));

        assertThat(listed).isTrue();
    }

    private KeyMetadata createKey(KeySpec spec, String description) {
        KeyMetadata metadata = kms.createKey(r -> r.keyUsage(KeyUsageType.SIGN_VERIFY).keySpec(spec)
                .description(description)).keyMetadata();
        created.add(metadata.keyId());
        return metadata;
    }

    private byte[] sign(String keyId) {
        return kms.sign(r -> r.keyId(keyId).message(SdkBytes.fromUtf8String("m")).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature().asByteArray();
    }
}
