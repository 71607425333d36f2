package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Calls a {@link KmsService} as the embedded server does: a parsed JSON request in, a JSON response
 * or an {@link AwsServiceException} out. Requests are written as JSON text, so tests read like the wire.
 */
final class KmsCalls {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final KmsService service;

    KmsCalls(KmsService service) {
        this.service = service;
    }

    ObjectNode call(String operation, String requestJson) throws AwsServiceException {
        return service.handle(operation, (ObjectNode) JSON.readTree(requestJson));
    }

    ObjectNode call(String operation, ObjectNode request) throws AwsServiceException {
        return service.handle(operation, request);
    }

    /** The error {@code operation} raises; fails the test when it succeeds. */
    AwsServiceException error(String operation, String requestJson) {
        return error(operation, (ObjectNode) JSON.readTree(requestJson));
    }

    AwsServiceException error(String operation, ObjectNode request) {
        AwsServiceException thrown = catchThrowableOfType(AwsServiceException.class,
                () -> service.handle(operation, request));
        assertThat(thrown).as("%s should have failed", operation).isNotNull();
        return thrown;
    }

    /** Creates a signing key of {@code keySpec} and returns its key id. */
    String createKey(String keySpec) throws AwsServiceException {
        return call("CreateKey", "{\"KeyUsage\":\"SIGN_VERIFY\",\"KeySpec\":\"" + keySpec + "\"}")
                .get("KeyMetadata").get("KeyId").stringValue();
    }

    ObjectNode signRequest(String keyId, byte[] message, String messageType, String algorithm) {
        ObjectNode request = JSON.createObjectNode();
        request.put("KeyId", keyId);
        request.put("Message", base64(message));
        request.put("MessageType", messageType);
        request.put("SigningAlgorithm", algorithm);
        return request;
    }

    byte[] sign(String keyId, byte[] message, String messageType, String algorithm) throws AwsServiceException {
        return decode(call("Sign", signRequest(keyId, message, messageType, algorithm)).get("Signature").stringValue());
    }

    ObjectNode verifyRequest(String keyId, byte[] message, String messageType, String algorithm, byte[] signature) {
        ObjectNode request = signRequest(keyId, message, messageType, algorithm);
        request.put("Signature", base64(signature));
        return request;
    }

    byte[] publicKey(String keyId) throws AwsServiceException {
        return decode(call("GetPublicKey", "{\"KeyId\":\"" + keyId + "\"}").get("PublicKey").stringValue());
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
