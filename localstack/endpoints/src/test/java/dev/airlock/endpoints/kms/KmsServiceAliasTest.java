package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Aliases, and every way a KeyId parameter can name a key. */
class KmsServiceAliasTest {

    private static final String ARN_PREFIX = "arn:aws:kms:us-east-1:000000000000:";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final KmsCalls kms = new KmsCalls(new KmsService(Optional.empty(), "us-east-1", clock));
    private String keyId;

    @BeforeEach
    void createKeyWithAlias() throws Exception {
        keyId = kms.createKey("ECC_NIST_P256");
        kms.call("CreateAlias", "{\"AliasName\":\"alias/airlock/ca\",\"TargetKeyId\":\"" + keyId + "\"}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"id", "key ARN", "alias name", "alias ARN"})
    void signVerifyDescribeAndGetPublicKey_acceptEveryFormOfKeyId(String form) throws Exception {
        String reference = switch (form) {
            case "id" -> keyId;
            case "key ARN" -> ARN_PREFIX + "key/" + keyId;
            case "alias name" -> "alias/airlock/ca";
            default -> ARN_PREFIX + "alias/airlock/ca";
        };
        byte[] message = "payload".getBytes();

        ObjectNode signed = kms.call("Sign", kms.signRequest(reference, message, "RAW", "ECDSA_SHA_256"));
        byte[] signature = KmsCalls.decode(signed.get("Signature").stringValue());
        ObjectNode verified = kms.call("Verify", kms.verifyRequest(reference, message, "RAW", "ECDSA_SHA_256", signature));
        JsonNode described = kms.call("DescribeKey", "{\"KeyId\":\"" + reference + "\"}").get("KeyMetadata");
        ObjectNode publicKey = kms.call("GetPublicKey", "{\"KeyId\":\"" + reference + "\"}");

        assertThat(signed.get("KeyId").stringValue()).isEqualTo(ARN_PREFIX + "key/" + keyId);
        assertThat(verified.get("KeyId").stringValue()).isEqualTo(ARN_PREFIX + "key/" + keyId);
        assertThat(described.get("KeyId").stringValue()).isEqualTo(keyId);
        assertThat(publicKey.get("KeyId").stringValue()).isEqualTo(ARN_PREFIX + "key/" + keyId);
        assertThat(JcaVerifier.verify(kms.publicKey(keyId), "ECDSA_SHA_256", message, signature)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "alias/missing|Alias 'arn:aws:kms:us-east-1:000000000000:alias/missing' is not found.",
            "arn:aws:kms:us-east-1:000000000000:alias/missing|alias/missing",
            "0b0b0b0b-0000-4000-8000-000000000000|Key 'arn:aws:kms:us-east-1:000000000000:key/0b0b0b0b-0000-4000-8000-000000000000' does not exist",
            "not-a-key|Invalid keyId 'not-a-key'",
            "arn:aws:kms:eu-west-1:000000000000:key/0b0b0b0b-0000-4000-8000-000000000000|account 000000000000 in us-east-1",
            "arn:aws:kms:us-east-1:111122223333:alias/airlock/ca|account 000000000000 in us-east-1"})
    void unknownKeysAndAliases_raiseNotFound(String reference, String message) {
        AwsServiceException thrown = kms.error("DescribeKey", "{\"KeyId\":\"" + reference + "\"}");

        assertThat(thrown.type()).isEqualTo("NotFoundException");
        assertThat(thrown.getMessage()).contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DisableKey", "EnableKey", "ScheduleKeyDeletion", "CancelKeyDeletion", "ListResourceTags"})
    void keyManagementOperations_takeAKeyIdOrArn_notAnAlias(String operation) throws Exception {
        AwsServiceException thrown = kms.error(operation, "{\"KeyId\":\"alias/airlock/ca\"}");
        ObjectNode byArn = KmsCalls.JSON.createObjectNode().put("KeyId", ARN_PREFIX + "key/" + keyId);

        assertThat(thrown.type()).isEqualTo("NotFoundException");
        assertThat(thrown.getMessage()).contains("not an alias");
        if (!operation.equals("CancelKeyDeletion")) {
            assertThat(kms.call(operation, byArn)).isNotNull();
        }
    }

    @Test
    void listAliases_showsNameArnTargetAndDates() throws Exception {
        JsonNode aliases = kms.call("ListAliases", "{}").get("Aliases");

        assertThat(aliases).hasSize(1);
        JsonNode alias = aliases.get(0);
        assertThat(alias.get("AliasName").stringValue()).isEqualTo("alias/airlock/ca");
        assertThat(alias.get("AliasArn").stringValue()).isEqualTo(ARN_PREFIX + "alias/airlock/ca");
        assertThat(alias.get("TargetKeyId").stringValue()).isEqualTo(keyId);
        assertThat(alias.get("CreationDate").decimalValue()).isEqualByComparingTo(new BigDecimal("1772359200"));
        assertThat(alias.get("LastUpdatedDate").decimalValue()).isEqualByComparingTo(new BigDecimal("1772359200"));
    }

    @Test
    void listAliases_byKeyId_returnsOnlyThatKeysAliases_andPages() throws Exception {
        String other = kms.createKey("ECC_NIST_P256");
        for (String name : List.of("alias/b", "alias/c", "alias/d")) {
            kms.call("CreateAlias", "{\"AliasName\":\"" + name + "\",\"TargetKeyId\":\"" + other + "\"}");
        }

        ObjectNode first = kms.call("ListAliases", "{\"KeyId\":\"" + other + "\",\"Limit\":2}");
        ObjectNode second = kms.call("ListAliases", "{\"KeyId\":\"" + other + "\",\"Limit\":2,\"Marker\":\""
                + first.get("NextMarker").stringValue() + "\"}");

        assertThat(names(first)).containsExactly("alias/b", "alias/c");
        assertThat(first.get("Truncated").booleanValue()).isTrue();
        assertThat(names(second)).containsExactly("alias/d");
        assertThat(second.get("Truncated").booleanValue()).isFalse();
        assertThat(kms.error("ListAliases", "{\"Limit\":101}").type()).isEqualTo("ValidationException");
    }

    @Test
    void createAlias_withATakenName_raisesAlreadyExists() throws Exception {
        String other = kms.createKey("ECC_NIST_P256");

        AwsServiceException thrown = kms.error("CreateAlias",
                "{\"AliasName\":\"alias/airlock/ca\",\"TargetKeyId\":\"" + other + "\"}");

        assertThat(thrown.type()).isEqualTo("AlreadyExistsException");
        assertThat(thrown.getMessage()).contains(ARN_PREFIX + "alias/airlock/ca");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "airlock|ValidationException",
            "alias/|InvalidAliasNameException",
            "alias/aws/ebs|InvalidAliasNameException",
            "alias/with:colon|ValidationException",
            "alias/with space|ValidationException",
            "alias/é|ValidationException"})
    void createAlias_withAnInvalidName_isRefused(String name, String type) {
        AwsServiceException thrown = kms.error("CreateAlias",
                "{\"AliasName\":\"" + name + "\",\"TargetKeyId\":\"" + keyId + "\"}");

        assertThat(thrown.type()).isEqualTo(type);
    }

    @Test
    void createAlias_forAMissingOrDoomedKey_isRefused() throws Exception {
        String doomed = kms.createKey("ECC_NIST_P256");
        kms.call("ScheduleKeyDeletion", "{\"KeyId\":\"" + doomed + "\"}");

        AwsServiceException missing = kms.error("CreateAlias",
                "{\"AliasName\":\"alias/x\",\"TargetKeyId\":\"0b0b0b0b-0000-4000-8000-000000000000\"}");
        AwsServiceException pending = kms.error("CreateAlias",
                "{\"AliasName\":\"alias/x\",\"TargetKeyId\":\"" + doomed + "\"}");
        AwsServiceException viaAlias = kms.error("CreateAlias",
                "{\"AliasName\":\"alias/x\",\"TargetKeyId\":\"alias/airlock/ca\"}");

        assertThat(missing.type()).isEqualTo("NotFoundException");
        assertThat(pending.type()).isEqualTo("KMSInvalidStateException");
        assertThat(viaAlias.type()).isEqualTo("ValidationException");
        assertThat(viaAlias.getMessage()).isEqualTo("Aliases must refer to keys. Not aliases");
    }

    @Test
    void updateAlias_pointsTheAliasAtAnotherKey() throws Exception {
        String other = kms.createKey("ECC_NIST_P384");
        clock.advance(Duration.ofMinutes(5));

        kms.call("UpdateAlias", "{\"AliasName\":\"alias/airlock/ca\",\"TargetKeyId\":\"" + other + "\"}");
        JsonNode described = kms.call("DescribeKey", "{\"KeyId\":\"alias/airlock/ca\"}").get("KeyMetadata");
        JsonNode alias = kms.call("ListAliases", "{}").get("Aliases").get(0);

        assertThat(described.get("KeyId").stringValue()).isEqualTo(other);
        assertThat(alias.get("LastUpdatedDate").decimalValue())
                .isGreaterThan(alias.get("CreationDate").decimalValue());
        assertThat(kms.error("UpdateAlias", "{\"AliasName\":\"alias/none\",\"TargetKeyId\":\"" + other + "\"}").type())
                .isEqualTo("NotFoundException");
    }

    @Test
    void deleteAlias_removesIt_andASecondDeleteRaisesNotFound() throws Exception {
        kms.call("DeleteAlias", "{\"AliasName\":\"alias/airlock/ca\"}");

        AwsServiceException again = kms.error("DeleteAlias", "{\"AliasName\":\"alias/airlock/ca\"}");
        AwsServiceException resolve = kms.error("DescribeKey", "{\"KeyId\":\"alias/airlock/ca\"}");

        assertThat(again.type()).isEqualTo("NotFoundException");
        assertThat(resolve.type()).isEqualTo("NotFoundException");
        assertThat(kms.call("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}").get("KeyMetadata")).isNotNull();
        assertThat(kms.call("ListAliases", "{}").get("Aliases")).isEmpty();
    }

    @Test
    void aliasOfADisabledKey_resolves_andSignRaisesDisabled() throws Exception {
        kms.call("DisableKey", "{\"KeyId\":\"" + keyId + "\"}");

        AwsServiceException thrown = kms.error("Sign",
                kms.signRequest("alias/airlock/ca", "m".getBytes(), "RAW", "ECDSA_SHA_256"));

        assertThat(thrown.type()).isEqualTo("DisabledException");
    }

    private static List<String> names(ObjectNode listAliases) {
        List<String> names = new ArrayList<>();
        listAliases.get("Aliases").forEach(alias -> names.add(alias.get("AliasName").stringValue()));
        return names;
    }
}
