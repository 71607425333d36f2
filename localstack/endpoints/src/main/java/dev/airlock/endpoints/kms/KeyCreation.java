package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * CreateKey for asymmetric signing keys. Everything CreateKey can ask for that the embedded KMS does
 * not implement (symmetric, HMAC, key-agreement keys, other curves, imported or custom-key-store
 * material, multi-Region keys) is refused with an UnsupportedOperationException naming it.
 * A key policy is checked to be a JSON document and otherwise ignored: nothing here is authorized.
 */
final class KeyCreation {

    private static final Set<String> KEY_USAGES =
            Set.of("SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT", "ENCAPSULATE_DECAPSULATE");
    private static final Set<String> ORIGINS = Set.of("AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE");
    /** CreateKey limits from its API reference. */
    private static final int MAX_POLICY_CHARS = 32_768;
    private static final int MAX_DESCRIPTION_CHARS = 8_192;
    private static final int MAX_TAG_KEY_CHARS = 128;
    private static final int MAX_TAG_VALUE_CHARS = 256;
    private static final int MAX_TAGS = 50;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final KmsStore store;
    private final KmsNames names;

    KeyCreation(KmsStore store, KmsNames names) {
        this.store = store;
        this.names = names;
    }

    ObjectNode createKey(KmsRequest request) throws AwsServiceException {
        checkPolicy(request.string("Policy", 1, MAX_POLICY_CHARS));
        String description = request.string("Description", 0, MAX_DESCRIPTION_CHARS).orElse("");
        List<KmsTag> tags = tags(request);
        request.bool("BypassPolicyLockoutSafetyCheck");
        KmsKeySpec spec = signingSpec(request);
        refuseUnsupportedMaterial(request);
        KeyMaterial material = KeyMaterial.generate(spec);
        KmsKey key = store.write((current, now) -> {
            KmsKey created = new KmsKey(UUID.randomUUID().toString(), spec, now, description, KeyState.ENABLED,
                    Optional.empty(), tags, material);
            return new KmsStore.Result<>(current.withKey(created), created);
        });
        ObjectNode response = KmsJson.object();
        response.set("KeyMetadata", KmsJson.keyMetadata(key, names));
        return response;
    }

    private static KmsKeySpec signingSpec(KmsRequest request) throws AwsServiceException {
        String usage = request.enumValue("KeyUsage", KEY_USAGES).orElse("ENCRYPT_DECRYPT");
        Optional<String> keySpec = request.enumValue("KeySpec", KmsKeySpec.AWS_NAMES);
        Optional<String> legacySpec = request.enumValue("CustomerMasterKeySpec", KmsKeySpec.AWS_CUSTOMER_MASTER_KEY_SPECS);
        if (keySpec.isPresent() && legacySpec.isPresent() && !keySpec.equals(legacySpec)) {
            throw KmsErrors.validation("KeySpec and CustomerMasterKeySpec differ; specify only KeySpec");
        }
        String spec = keySpec.or(() -> legacySpec).orElse("SYMMETRIC_DEFAULT");
        if (!usage.equals("SIGN_VERIFY")) {
            throw KmsErrors.unsupported("KeyUsage " + usage + " (only SIGN_VERIFY keys of "
                    + List.of(KmsKeySpec.values()) + ")");
        }
        Optional<KmsKeySpec> supported = KmsKeySpec.of(spec);
        if (supported.isPresent()) {
            return supported.get();
        }
        if (KmsKeySpec.AWS_SIGNING_ONLY_ELSEWHERE.contains(spec)) {
            throw KmsErrors.unsupported("KeySpec " + spec + " (supported: " + List.of(KmsKeySpec.values()) + ")");
        }
        throw KmsErrors.validation("KeySpec " + spec + " cannot be used with KeyUsage SIGN_VERIFY");
    }

    private static void refuseUnsupportedMaterial(KmsRequest request) throws AwsServiceException {
        String origin = request.enumValue("Origin", ORIGINS).orElse("AWS_KMS");
        if (!origin.equals("AWS_KMS")) {
            throw KmsErrors.unsupported("Origin " + origin + " (only AWS_KMS)");
        }
        if (request.string("CustomKeyStoreId", 1, 64).isPresent()) {
            throw KmsErrors.unsupported("custom key stores (CustomKeyStoreId)");
        }
        if (request.string("XksKeyId", 1, 128).isPresent()) {
            throw KmsErrors.unsupported("external key store keys (XksKeyId)");
        }
        if (request.bool("MultiRegion")) {
            throw KmsErrors.unsupported("multi-Region keys (MultiRegion=true)");
        }
    }

    private static void checkPolicy(Optional<String> policy) throws AwsServiceException {
        if (policy.isEmpty()) {
            return;
        }
        JsonNode document;
        try {
            document = JSON.readTree(policy.get());
        } catch (JacksonException e) {
            throw KmsErrors.malformedPolicy("The key policy is not a JSON document.");
        }
        if (document == null || !document.isObject()) {
            throw KmsErrors.malformedPolicy("The key policy is not a JSON object.");
        }
    }

    private static List<KmsTag> tags(KmsRequest request) throws AwsServiceException {
        List<KmsRequest> members = request.structures("Tags");
        if (members.size() > MAX_TAGS) {
            throw KmsErrors.tag("A key can have at most " + MAX_TAGS + " tags.");
        }
        List<KmsTag> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (KmsRequest member : members) {
            String key = member.requiredString("TagKey", 1, MAX_TAG_KEY_CHARS);
            String value = member.requiredString("TagValue", 0, MAX_TAG_VALUE_CHARS);
            if (key.startsWith("aws:")) {
                throw KmsErrors.tag("Tag keys beginning with aws: are reserved for AWS.");
            }
            if (!seen.add(key)) {
                throw KmsErrors.tag("Duplicate tag key " + key + ".");
            }
            tags.add(new KmsTag(key, value));
        }
        return tags;
    }
}
