package dev.airlock.endpoints.kms;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Response shapes of the KMS JSON 1.1 protocol: timestamps as epoch seconds (a JSON number with
 * milliseconds), blobs as base64 strings.
 */
final class KmsJson {

    private KmsJson() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The KeyMetadata structure of CreateKey and DescribeKey. */
    static ObjectNode keyMetadata(KmsKey key, KmsNames names) {
        ObjectNode metadata = object();
        metadata.put("AWSAccountId", KmsNames.ACCOUNT);
        metadata.put("KeyId", key.keyId());
        metadata.put("Arn", names.keyArn(key.keyId()));
        metadata.put("CreationDate", epochSeconds(key.creationDate()));
        metadata.put("Enabled", key.state() == KeyState.ENABLED);
        metadata.put("Description", key.description());
        metadata.put("KeyUsage", "SIGN_VERIFY");
        metadata.put("KeyState", key.state().wireName());
        key.deletionDate().ifPresent(date -> metadata.put("DeletionDate", epochSeconds(date)));
        metadata.put("Origin", "AWS_KMS");
        metadata.put("KeyManager", "CUSTOMER");
        // Deprecated, but KMS still returns it with the same value as KeySpec.
        metadata.put("CustomerMasterKeySpec", key.spec().name());
        metadata.put("KeySpec", key.spec().name());
        signingAlgorithms(metadata, key.spec().signingAlgorithms());
        metadata.put("MultiRegion", false);
        return metadata;
    }

    static void signingAlgorithms(ObjectNode target, List<SigningAlgorithm> algorithms) {
        ArrayNode list = target.putArray("SigningAlgorithms");
        algorithms.forEach(algorithm -> list.add(algorithm.name()));
    }
}
