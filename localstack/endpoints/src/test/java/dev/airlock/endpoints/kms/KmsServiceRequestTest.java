package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The service contract: routing, operations outside the subset, malformed requests. */
class KmsServiceRequestTest {

    private final KmsService service = new KmsService(Optional.empty());
    private final KmsCalls kms = new KmsCalls(service);

    @Test
    void speaksKmsJson11_underTheTrentServiceTarget() {
        assertThat(service.targetPrefix()).isEqualTo("TrentService");
        assertThat(service.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(service.errorTypeOf("NotFoundException")).isEqualTo("NotFoundException");
    }

    @Test
    void internalFailures_areKmsInternalException500() {
        AwsServiceException internal = service.internalError("Sign");

        assertThat(internal.type()).isEqualTo("KMSInternalException");
        assertThat(internal.status()).isEqualTo(500);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Encrypt", "Decrypt", "GenerateDataKey", "GenerateMac", "TagResource", "CreateGrant",
            "PutKeyPolicy", "GetKeyPolicy", "ReplicateKey", "ImportKeyMaterial", "UpdateKeyDescription"})
    void kmsOperationsOutsideTheSubset_raiseUnsupportedOperation_namingThem(String operation) {
        AwsServiceException thrown = kms.error(operation, "{}");

        assertThat(thrown.type()).isEqualTo("UnsupportedOperationException");
        assertThat(thrown.getMessage()).contains("the operation " + operation);
    }

    @Test
    void anOperationKmsDoesNotHave_raisesUnknownOperation() {
        AwsServiceException thrown = kms.error("PutItem", "{}");

        assertThat(thrown.type()).isEqualTo("UnknownOperationException");
        assertThat(thrown.getMessage()).contains("TrentService.PutItem");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "DescribeKey|{}|ValidationException|Value null at 'keyId' failed to satisfy constraint: Member must not be null",
            "DescribeKey|{\"KeyId\":\"\"}|ValidationException|'keyId'",
            "DescribeKey|{\"KeyId\":42}|SerializationException|KeyId",
            "DescribeKey|{\"KeyId\":\"k\",\"GrantTokens\":\"t\"}|SerializationException|GrantTokens",
            "Sign|{\"KeyId\":\"k\",\"SigningAlgorithm\":\"ECDSA_SHA_256\"}|ValidationException|'message'",
            "Sign|{\"KeyId\":\"k\",\"Message\":\"bm90IGJhc2U2NA==\"}|ValidationException|'signingAlgorithm'",
            "Sign|{\"KeyId\":\"k\",\"Message\":\"***\",\"SigningAlgorithm\":\"ECDSA_SHA_256\"}|SerializationException|base64",
            "Sign|{\"KeyId\":\"k\",\"Message\":\"bQ==\",\"MessageType\":\"HASHED\",\"SigningAlgorithm\":\"ECDSA_SHA_256\"}|ValidationException|'messageType'",
            "Sign|{\"KeyId\":\"k\",\"Message\":\"bQ==\",\"SigningAlgorithm\":\"ECDSA_SHA_256\",\"DryRun\":\"yes\"}|SerializationException|DryRun",
            "Verify|{\"KeyId\":\"k\",\"Message\":\"bQ==\",\"SigningAlgorithm\":\"ECDSA_SHA_256\"}|ValidationException|'signature'",
            "ScheduleKeyDeletion|{\"KeyId\":\"k\",\"PendingWindowInDays\":7.5}|SerializationException|PendingWindowInDays",
            "CreateAlias|{\"AliasName\":\"alias/x\"}|ValidationException|'targetKeyId'",
            "ListAliases|{\"Limit\":\"10\"}|SerializationException|Limit",
            "CreateKey|{\"Tags\":{}}|SerializationException|Tags",
            "CreateKey|{\"Description\":null,\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"NOPE\"}|ValidationException|'keySpec'"})
    void malformedRequests_raiseTheAwsProtocolErrors(String operation, String request, String type, String message) {
        AwsServiceException thrown = kms.error(operation, request);

        assertThat(thrown.type()).isEqualTo(type);
        assertThat(thrown.getMessage()).contains(message);
        assertThat(thrown.status()).isEqualTo(400);
    }

    @Test
    void errorMessages_neverEchoTheMessageOrSignatureBytes() throws Exception {
        String keyId = kms.createKey("ECC_NIST_P256");
        String secretish = KmsCalls.base64("confidential payload".repeat(300).getBytes());

        AwsServiceException thrown = kms.error("Sign", "{\"KeyId\":\"" + keyId + "\",\"Message\":\"" + secretish
                + "\",\"SigningAlgorithm\":\"ECDSA_SHA_256\"}");

        assertThat(thrown.type()).isEqualTo("ValidationException");
        assertThat(thrown.getMessage()).doesNotContain("confidential").doesNotContain(secretish.substring(0, 20));
    }
}
