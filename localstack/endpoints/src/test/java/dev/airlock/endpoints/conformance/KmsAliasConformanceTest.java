package dev.airlock.endpoints.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * CreateAlias, ListAliases, UpdateAlias, DeleteAlias, and naming a key by key id, key ARN, alias name
 * or alias ARN in Sign and DescribeKey, as the KMS API reference describes them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KmsAliasConformanceTest {

    private final ConformanceTarget target = ConformanceTarget.current();
    private final List<String> keys = new ArrayList<>();
    private KmsClient kms;
    private KeyMetadata key;
    private String alias;

    @BeforeAll
    void createKeyWithAlias() {
        kms = target.kms();
        key = createKey();
        alias = "alias/" + target.uniqueName("airlock-ca");
        kms.createAlias(r -> r.aliasName(alias).targetKeyId(key.keyId()));
    }

    @AfterAll
    void cleanUp() {
        kms.deleteAlias(r -> r.aliasName(alias));
        keys.forEach(keyId -> kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"key id", "key ARN", "alias name", "alias ARN"})
    void signAndDescribeKey_acceptEveryWayOfNamingTheKey(String form) {
        String reference = switch (form) {
            case "key id" -> key.keyId();
            case "key ARN" -> key.arn();
            case "alias name" -> alias;
            default -> aliasArn();
        };

        SignResponse signed = kms.sign(r -> r.keyId(reference).message(SdkBytes.fromUtf8String("m"))
                .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));
        KeyMetadata described = kms.describeKey(r -> r.keyId(reference)).keyMetadata();

        assertThat(signed.keyId()).isEqualTo(key.arn());
        assertThat(described.keyId()).isEqualTo(key.keyId());
    }

    @Test
    void listAliases_forTheKey_showsTheAliasWithItsArnAndTarget() {
        List<AliasListEntry> aliases = kms.listAliases(r -> r.keyId(key.keyId())).aliases();

        assertThat(aliases).hasSize(1);
        AliasListEntry entry = aliases.get(0);
        assertThat(entry.aliasName()).isEqualTo(alias);
        assertThat(entry.aliasArn()).isEqualTo(aliasArn());
        assertThat(entry.targetKeyId()).isEqualTo(key.keyId());
    }

    @Test
    void createAlias_withATakenName_raisesAlreadyExistsException() {
        KeyMetadata other = createKey();

        AlreadyExistsException thrown = catchThrowableOfType(AlreadyExistsException.class,
                () -> kms.createAlias(r -> r.aliasName(alias).targetKeyId(other.keyId())));

        assertThat(thrown).as("AlreadyExistsException").isNotNull();
    }

    @Test
    void createAlias_withoutTheAliasPrefix_isRefused() {
        KmsException thrown = catchThrowableOfType(KmsException.class,
                () -> kms.createAlias(r -> r.aliasName(target.uniqueName("no-prefix")).targetKeyId(key.keyId())));

        assertThat(thrown).isNotNull();
        assertThat(thrown.statusCode()).isEqualTo(400);
    }

    @Test
    void updateAlias_thenDeleteAlias_moveAndRemoveTheName() {
        KeyMetadata first = createKey();
        KeyMetadata second = createKey();
        String moving = "alias/" + target.uniqueName("moving");
        kms.createAlias(r -> r.aliasName(moving).targetKeyId(first.keyId()));

        kms.updateAlias(r -> r.aliasName(moving).targetKeyId(second.keyId()));
        String afterUpdate = kms.describeKey(r -> r.keyId(moving)).keyMetadata().keyId();
        kms.deleteAlias(r -> r.aliasName(moving));
        NotFoundException afterDelete = catchThrowableOfType(NotFoundException.class,
                () -> kms.describeKey(r -> r.keyId(moving)));

        assertThat(afterUpdate).isEqualTo(second.keyId());
        assertThat(afterDelete).as("NotFoundException for a deleted alias").isNotNull();
    }

    @Test
    void anUnknownAlias_raisesNotFoundException() {
        String unknown = "alias/" + target.uniqueName("unknown");

        NotFoundException describe = catchThrowableOfType(NotFoundException.class,
                () -> kms.describeKey(r -> r.keyId(unknown)));
        NotFoundException delete = catchThrowableOfType(NotFoundException.class,
                () -> kms.deleteAlias(r -> r.aliasName(unknown)));

        assertThat(describe).as("NotFoundException from DescribeKey").isNotNull();
        assertThat(delete).as("NotFoundException from DeleteAlias").isNotNull();
    }

    private String aliasArn() {
        return key.arn().substring(0, key.arn().indexOf(":key/")) + ":" + alias;
    }

    private KeyMetadata createKey() {
        KeyMetadata metadata = kms.createKey(r -> r.keyUsage(KeyUsageType.SIGN_VERIFY).keySpec(KeySpec.ECC_NIST_P256))
                .keyMetadata();
        keys.add(metadata.keyId());
        return metadata;
    }
}
