package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** CreateKey, DescribeKey, GetPublicKey, ListKeys, ListResourceTags and the key state machine. */
class KmsServiceKeysTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00.123Z");
    private final MutableClock clock = new MutableClock(START);
    private final KmsCalls kms = new KmsCalls(new KmsService(Optional.empty(), "eu-west-1", clock));

    @Test
    void createKey_returnsTheKeyMetadataKmsReturnsForAnAsymmetricSigningKey() throws Exception {
        JsonNode metadata = kms.call("CreateKey", "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"RSA_3072\","
                + "\"Description\":\"CA key\",\"Tags\":[{\"TagKey\":\"app\",\"TagValue\":\"airlock\"}]}").get("KeyMetadata");

        String keyId = metadata.get("KeyId").stringValue();
        assertThat(keyId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(metadata.get("Arn").stringValue()).isEqualTo("arn:aws:kms:eu-west-1:000000000000:key/" + keyId);
        assertThat(metadata.get("AWSAccountId").stringValue()).isEqualTo("000000000000");
        assertThat(metadata.get("CreationDate").decimalValue()).isEqualByComparingTo(new BigDecimal("1772359200.123"));
        assertThat(metadata.get("Enabled").booleanValue()).isTrue();
        assertThat(metadata.get("Description").stringValue()).isEqualTo("CA key");
        assertThat(metadata.get("KeyUsage").stringValue()).isEqualTo("SIGN_VERIFY");
        assertThat(metadata.get("KeyState").stringValue()).isEqualTo("Enabled");
        assertThat(metadata.get("KeySpec").stringValue()).isEqualTo("RSA_3072");
        assertThat(metadata.get("CustomerMasterKeySpec").stringValue()).isEqualTo("RSA_3072");
        assertThat(metadata.get("KeyManager").stringValue()).isEqualTo("CUSTOMER");
        assertThat(metadata.get("Origin").stringValue()).isEqualTo("AWS_KMS");
        assertThat(metadata.get("MultiRegion").booleanValue()).isFalse();
        assertThat(metadata.has("DeletionDate")).isFalse();
        assertThat(strings(metadata.get("SigningAlgorithms"))).containsExactly(
                "RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PKCS1_V1_5_SHA_384", "RSASSA_PKCS1_V1_5_SHA_512",
                "RSASSA_PSS_SHA_256", "RSASSA_PSS_SHA_384", "RSASSA_PSS_SHA_512");
        assertThat(metadata.has("EncryptionAlgorithms")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ECC_NIST_P256,ECDSA_SHA_256", "ECC_NIST_P384,ECDSA_SHA_384",
            "ECC_NIST_EDWARDS25519,ED25519_SHA_512 ED25519_PH_SHA_512"})
    void describeKey_listsTheSigningAlgorithmsOfTheSpec(String spec, String algorithms) throws Exception {
        String keyId = kms.createKey(spec);

        JsonNode metadata = kms.call("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}").get("KeyMetadata");

        assertThat(strings(metadata.get("SigningAlgorithms"))).containsExactly(algorithms.split(" "));
        assertThat(metadata.get("Description").stringValue()).isEmpty();
    }

    @Test
    void createKey_acceptsTheDeprecatedCustomerMasterKeySpec() throws Exception {
        JsonNode metadata = kms.call("CreateKey",
                "{\"KeyUsage\":\"SIGN_VERIFY\",\"CustomerMasterKeySpec\":\"ECC_NIST_P384\"}").get("KeyMetadata");

        assertThat(metadata.get("KeySpec").stringValue()).isEqualTo("ECC_NIST_P384");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{}|UnsupportedOperationException|KeyUsage ENCRYPT_DECRYPT",
            "{\"KeyUsage\":\"ENCRYPT_DECRYPT\",\"KeySpec\":\"RSA_2048\"}|UnsupportedOperationException|KeyUsage ENCRYPT_DECRYPT",
            "{\"KeyUsage\":\"GENERATE_VERIFY_MAC\",\"KeySpec\":\"HMAC_256\"}|UnsupportedOperationException|KeyUsage GENERATE_VERIFY_MAC",
            "{\"KeyUsage\":\"KEY_AGREEMENT\",\"KeySpec\":\"ECC_NIST_P256\"}|UnsupportedOperationException|KeyUsage KEY_AGREEMENT",
            "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"ECC_SECG_P256K1\"}|UnsupportedOperationException|KeySpec ECC_SECG_P256K1",
            "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"ECC_NIST_P521\"}|UnsupportedOperationException|KeySpec ECC_NIST_P521",
            "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"ML_DSA_65\"}|UnsupportedOperationException|KeySpec ML_DSA_65",
            "{\"KeyUsage\":\"SIGN_VERIFY\"}|ValidationException|KeySpec SYMMETRIC_DEFAULT",
            "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"HMAC_256\"}|ValidationException|KeySpec HMAC_256",
            "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"ECC_NIST_P999\"}|ValidationException|'ECC_NIST_P999' at 'keySpec'",
            "{\"KeyUsage\":\"SIGNING\",\"KeySpec\":\"RSA_2048\"}|ValidationException|'SIGNING' at 'keyUsage'",
            "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"RSA_2048\",\"Origin\":\"EXTERNAL\"}|UnsupportedOperationException|Origin EXTERNAL",
            "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"RSA_2048\",\"MultiRegion\":true}|UnsupportedOperationException|multi-Region",
            "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"RSA_2048\",\"CustomKeyStoreId\":\"cks-1\"}|UnsupportedOperationException|custom key stores",
            "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"RSA_2048\",\"CustomerMasterKeySpec\":\"RSA_4096\"}|ValidationException|differ",
            "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"RSA_2048\",\"Policy\":\"not json\"}|MalformedPolicyDocumentException|JSON",
            "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"RSA_2048\",\"Tags\":[{\"TagKey\":\"a\",\"TagValue\":\"1\"},{\"TagKey\":\"a\",\"TagValue\":\"2\"}]}|TagException|Duplicate",
            "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"RSA_2048\",\"Tags\":[{\"TagKey\":\"aws:x\",\"TagValue\":\"1\"}]}|TagException|aws:",
            "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"RSA_2048\",\"Tags\":[{\"TagKey\":\"a\"}]}|ValidationException|'tagValue'",
            "{\"KeyUsage\":7}|SerializationException|KeyUsage"})
    void createKey_refusesWhatItCannotDo_withAnErrorNamingIt(String request, String type, String named) {
        AwsServiceException thrown = kms.error("CreateKey", request);

        assertThat(thrown.type()).isEqualTo(type);
        assertThat(thrown.getMessage()).contains(named);
        assertThat(thrown.status()).isEqualTo(400);
    }

    @Test
    void createKey_acceptsAPolicyAndBypassFlag_withoutEnforcingThem() throws Exception {
        JsonNode metadata = kms.call("CreateKey", "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"ECC_NIST_P256\","
                + "\"Policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[]}\","
                + "\"BypassPolicyLockoutSafetyCheck\":true}").get("KeyMetadata");

        assertThat(metadata.get("KeyState").stringValue()).isEqualTo("Enabled");
    }

    @Test
    void getPublicKey_returnsANamedCurveSubjectPublicKeyInfo_andTheKeysAlgorithms() throws Exception {
        String keyId = kms.createKey("ECC_NIST_P384");

        ObjectNode response = kms.call("GetPublicKey", "{\"KeyId\":\"" + keyId + "\"}");
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(KmsCalls.decode(response.get("PublicKey").stringValue()));

        assertThat(info.getAlgorithm().getParameters()).isEqualTo(SECObjectIdentifiers.secp384r1);
        assertThat(response.get("KeyId").stringValue()).isEqualTo("arn:aws:kms:eu-west-1:000000000000:key/" + keyId);
        assertThat(response.get("KeySpec").stringValue()).isEqualTo("ECC_NIST_P384");
        assertThat(response.get("CustomerMasterKeySpec").stringValue()).isEqualTo("ECC_NIST_P384");
        assertThat(response.get("KeyUsage").stringValue()).isEqualTo("SIGN_VERIFY");
        assertThat(strings(response.get("SigningAlgorithms"))).containsExactly("ECDSA_SHA_384");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"RSA_2048,2048", "RSA_4096,4096"})
    void rsaKeys_haveTheModulusOfTheirSpec_andExponent65537(String spec, int bits) throws Exception {
        String keyId = kms.createKey(spec);

        RSAPublicKey key = (RSAPublicKey) JcaVerifier.jdkPublicKey(kms.publicKey(keyId), "RSASSA_PSS_SHA_256");

        assertThat(key.getModulus().bitLength()).isEqualTo(bits);
        assertThat(key.getPublicExponent().intValue()).isEqualTo(65_537);
    }

    @Test
    void ed25519PublicKey_isTheRfc8410Encoding() throws Exception {
        String keyId = kms.createKey("ECC_NIST_EDWARDS25519");

        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(kms.publicKey(keyId));

        assertThat(info.getAlgorithm().getAlgorithm().getId()).isEqualTo("1.3.101.112");
        assertThat(info.getPublicKeyData().getBytes()).hasSize(32);
    }

    @Test
    void disabledKey_refusesSignVerifyAndGetPublicKey_withDisabledException_untilEnabled() throws Exception {
        String keyId = kms.createKey("ECC_NIST_P256");
        byte[] signature = kms.sign(keyId, "m".getBytes(), "RAW", "ECDSA_SHA_256");

        kms.call("DisableKey", "{\"KeyId\":\"" + keyId + "\"}");
        AwsServiceException sign = kms.error("Sign", kms.signRequest(keyId, "m".getBytes(), "RAW", "ECDSA_SHA_256"));
        AwsServiceException verify = kms.error("Verify",
                kms.verifyRequest(keyId, "m".getBytes(), "RAW", "ECDSA_SHA_256", signature));
        AwsServiceException publicKey = kms.error("GetPublicKey", "{\"KeyId\":\"" + keyId + "\"}");
        JsonNode described = kms.call("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}").get("KeyMetadata");
        kms.call("EnableKey", "{\"KeyId\":\"" + keyId + "\"}");

        assertThat(List.of(sign.type(), verify.type(), publicKey.type())).containsOnly("DisabledException");
        assertThat(sign.getMessage()).contains(keyId).contains("is disabled");
        assertThat(described.get("KeyState").stringValue()).isEqualTo("Disabled");
        assertThat(described.get("Enabled").booleanValue()).isFalse();
        assertThat(kms.sign(keyId, "m".getBytes(), "RAW", "ECDSA_SHA_256")).isNotEmpty();
    }

    @Test
    void scheduledKey_isPendingDeletion_refusesToSign_andCancellingLeavesItDisabled() throws Exception {
        String keyId = kms.createKey("ECC_NIST_P256");

        ObjectNode scheduled = kms.call("ScheduleKeyDeletion", "{\"KeyId\":\"" + keyId + "\",\"PendingWindowInDays\":7}");
        JsonNode pending = kms.call("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}").get("KeyMetadata");
        AwsServiceException sign = kms.error("Sign", kms.signRequest(keyId, "m".getBytes(), "RAW", "ECDSA_SHA_256"));
        AwsServiceException enable = kms.error("EnableKey", "{\"KeyId\":\"" + keyId + "\"}");
        AwsServiceException again = kms.error("ScheduleKeyDeletion", "{\"KeyId\":\"" + keyId + "\"}");
        ObjectNode cancelled = kms.call("CancelKeyDeletion", "{\"KeyId\":\"" + keyId + "\"}");
        JsonNode after = kms.call("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}").get("KeyMetadata");

        BigDecimal sevenDaysLater = KmsJson.epochSeconds(START.plus(Duration.ofDays(7)));
        assertThat(scheduled.get("KeyId").stringValue()).endsWith(":key/" + keyId);
        assertThat(scheduled.get("KeyState").stringValue()).isEqualTo("PendingDeletion");
        assertThat(scheduled.get("PendingWindowInDays").intValue()).isEqualTo(7);
        assertThat(scheduled.get("DeletionDate").decimalValue()).isEqualByComparingTo(sevenDaysLater);
        assertThat(pending.get("KeyState").stringValue()).isEqualTo("PendingDeletion");
        assertThat(pending.get("Enabled").booleanValue()).isFalse();
        assertThat(pending.get("DeletionDate").decimalValue()).isEqualByComparingTo(sevenDaysLater);
        assertThat(List.of(sign.type(), enable.type(), again.type())).containsOnly("KMSInvalidStateException");
        assertThat(sign.getMessage()).contains("pending deletion");
        assertThat(cancelled.get("KeyId").stringValue()).endsWith(":key/" + keyId);
        assertThat(after.get("KeyState").stringValue()).isEqualTo("Disabled");
        assertThat(after.has("DeletionDate")).isFalse();
    }

    @Test
    void scheduleKeyDeletion_defaultsTo30Days() throws Exception {
        String keyId = kms.createKey("ECC_NIST_P256");

        ObjectNode scheduled = kms.call("ScheduleKeyDeletion", "{\"KeyId\":\"" + keyId + "\"}");

        assertThat(scheduled.get("PendingWindowInDays").intValue()).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0} days")
    @ValueSource(ints = {0, 6, 31, 365})
    void scheduleKeyDeletion_outside7To30Days_raisesValidationException(int days) throws Exception {
        String keyId = kms.createKey("ECC_NIST_P256");

        AwsServiceException thrown = kms.error("ScheduleKeyDeletion",
                "{\"KeyId\":\"" + keyId + "\",\"PendingWindowInDays\":" + days + "}");

        assertThat(thrown.type()).isEqualTo("ValidationException");
        assertThat(thrown.getMessage()).contains("pendingWindowInDays");
    }

    @Test
    void cancelKeyDeletion_ofAKeyNotPendingDeletion_raisesKmsInvalidState() throws Exception {
        String keyId = kms.createKey("ECC_NIST_P256");

        assertThat(kms.error("CancelKeyDeletion", "{\"KeyId\":\"" + keyId + "\"}").type())
                .isEqualTo("KMSInvalidStateException");
    }

    @Test
    void pastItsDeletionDate_aKeyAndItsAliasesAreGone() throws Exception {
        String keyId = kms.createKey("ECC_NIST_P256");
        kms.call("CreateAlias", "{\"AliasName\":\"alias/doomed\",\"TargetKeyId\":\"" + keyId + "\"}");
        kms.call("ScheduleKeyDeletion", "{\"KeyId\":\"" + keyId + "\",\"PendingWindowInDays\":7}");

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        JsonNode stillThere = kms.call("DescribeKey", "{\"KeyId\":\"alias/doomed\"}").get("KeyMetadata");
        clock.advance(Duration.ofSeconds(1));
        AwsServiceException gone = kms.error("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}");
        JsonNode keys = kms.call("ListKeys", "{}").get("Keys");
        JsonNode aliases = kms.call("ListAliases", "{}").get("Aliases");

        assertThat(stillThere.get("KeyState").stringValue()).isEqualTo("PendingDeletion");
        assertThat(gone.type()).isEqualTo("NotFoundException");
        assertThat(keys).isEmpty();
        assertThat(aliases).isEmpty();
    }

    @Test
    void listKeys_pagesThroughEveryKeyOnce() throws Exception {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(kms.createKey("ECC_NIST_P256"));
        }

        List<String> listed = new ArrayList<>();
        ObjectNode page = kms.call("ListKeys", "{\"Limit\":2}");
        int pages = 1;
        while (true) {
            page.get("Keys").forEach(key -> listed.add(key.get("KeyId").stringValue()));
            if (!page.get("Truncated").booleanValue()) {
                break;
            }
            page = kms.call("ListKeys", "{\"Limit\":2,\"Marker\":\"" + page.get("NextMarker").stringValue() + "\"}");
            pages++;
        }

        assertThat(listed).containsExactlyInAnyOrderElementsOf(created);
        assertThat(pages).isEqualTo(3);
        assertThat(page.has("NextMarker")).isFalse();
    }

    @Test
    void listKeys_returnsKeyArns_andRejectsBadLimitsAndMarkers() throws Exception {
        String keyId = kms.createKey("ECC_NIST_P256");

        JsonNode key = kms.call("ListKeys", "{}").get("Keys").get(0);

        assertThat(key.get("KeyArn").stringValue()).isEqualTo("arn:aws:kms:eu-west-1:000000000000:key/" + keyId);
        assertThat(kms.error("ListKeys", "{\"Limit\":0}").type()).isEqualTo("ValidationException");
        assertThat(kms.error("ListKeys", "{\"Limit\":1001}").type()).isEqualTo("ValidationException");
        assertThat(kms.error("ListKeys", "{\"Marker\":\"not*base64\"}").type()).isEqualTo("InvalidMarkerException");
    }

    @Test
    void listResourceTags_returnsTheTagsGivenAtCreation() throws Exception {
        String keyId = kms.call("CreateKey", "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"ECC_NIST_P256\","
                + "\"Tags\":[{\"TagKey\":\"team\",\"TagValue\":\"sec\"},{\"TagKey\":\"app\",\"TagValue\":\"\"}]}")
                .get("KeyMetadata").get("KeyId").stringValue();

        JsonNode tags = kms.call("ListResourceTags", "{\"KeyId\":\"" + keyId + "\"}").get("Tags");

        assertThat(tags).hasSize(2);
        assertThat(tags.get(0).get("TagKey").stringValue()).isEqualTo("app");
        assertThat(tags.get(0).get("TagValue").stringValue()).isEmpty();
        assertThat(tags.get(1).get("TagValue").stringValue()).isEqualTo("sec");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.stringValue()));
        return values;
    }
}
