package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, validated access to the members of one KMS request body. Constraint failures raise
 * {@code ValidationException} worded as AWS words them ("1 validation error detected: Value ... at
 * 'keyId' failed to satisfy constraint: ..."); a member of the wrong JSON type or a blob that is not
 * base64 raises {@code SerializationException}, as the AWS JSON protocol does. JSON {@code null}
 * counts as absent. Values of blobs and long strings are never echoed into messages.
 */
final class KmsRequest {

    /** Longest value echoed back in an error message. */
    private static final int MAX_ECHOED_CHARS = 64;
    /** GrantTokenList: at most 10 tokens of 1..8192 characters (accepted, then ignored: no grants here). */
    private static final int MAX_GRANT_TOKENS = 10;
    private static final int MAX_GRANT_TOKEN_CHARS = 8192;

    private final ObjectNode body;

    KmsRequest(ObjectNode body) {
        this.body = body;
    }

    Optional<String> string(String member, int minLength, int maxLength) throws AwsServiceException {
        JsonNode node = present(member);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isString()) {
            throw KmsErrors.serialization("Expected a string for " + member);
        }
        String value = node.stringValue();
        if (value.length() < minLength) {
            throw constraint(member, null, "Member must have length greater than or equal to " + minLength);
        }
        if (value.length() > maxLength) {
            throw constraint(member, null, "Member must have length less than or equal to " + maxLength);
        }
        return Optional.of(value);
    }

    String requiredString(String member, int minLength, int maxLength) throws AwsServiceException {
        return string(member, minLength, maxLength).orElseThrow(() -> missing(member));
    }

    /** A string member whose value must be one of {@code allowed} (the API model's enum). */
    Optional<String> enumValue(String member, Set<String> allowed) throws AwsServiceException {
        Optional<String> value = string(member, 0, Integer.MAX_VALUE);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw constraint(member, value.get(), "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    String requiredEnum(String member, Set<String> allowed) throws AwsServiceException {
        return enumValue(member, allowed).orElseThrow(() -> missing(member));
    }

    /** A blob member (base64 on the wire) of {@code minLength..maxLength} decoded bytes. */
    byte[] requiredBlob(String member, int minLength, int maxLength) throws AwsServiceException {
        JsonNode node = present(member);
        if (node == null) {
            throw missing(member);
        }
        if (!node.isString()) {
            throw KmsErrors.serialization("Expected a base64 string for " + member);
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(node.stringValue());
        } catch (IllegalArgumentException e) {
            throw KmsErrors.serialization("Member " + member + " is not valid base64");
        }
        if (value.length < minLength) {
            throw constraint(member, null, "Member must have length greater than or equal to " + minLength);
        }
        if (value.length > maxLength) {
            throw constraint(member, null, "Member must have length less than or equal to " + maxLength);
        }
        return value;
    }

    Optional<Integer> integer(String member, int min, int max) throws AwsServiceException {
        JsonNode node = present(member);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw KmsErrors.serialization("Expected an integer for " + member);
        }
        int value = node.intValue();
        if (value < min) {
            throw constraint(member, Integer.toString(value), "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw constraint(member, Integer.toString(value), "Member must have value less than or equal to " + max);
        }
        return Optional.of(value);
    }

    boolean bool(String member) throws AwsServiceException {
        JsonNode node = present(member);
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            throw KmsErrors.serialization("Expected a boolean for " + member);
        }
        return node.booleanValue();
    }

    /** The members of a list of structures, each as its own request (for Tags). */
    List<KmsRequest> structures(String member) throws AwsServiceException {
        JsonNode node = present(member);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw KmsErrors.serialization("Expected a list for " + member);
        }
        List<KmsRequest> items = new ArrayList<>();
        for (JsonNode item : node) {
            if (!(item instanceof ObjectNode object)) {
                throw KmsErrors.serialization("Expected a structure in " + member);
            }
            items.add(new KmsRequest(object));
        }
        return items;
    }

    /** GrantTokens are checked against the model and then ignored: the embedded KMS has no grants. */
    void grantTokens() throws AwsServiceException {
        JsonNode node = present("GrantTokens");
        if (node == null) {
            return;
        }
        if (!node.isArray()) {
            throw KmsErrors.serialization("Expected a list for GrantTokens");
        }
        if (node.size() > MAX_GRANT_TOKENS) {
            throw constraint("GrantTokens", null, "Member must have length less than or equal to " + MAX_GRANT_TOKENS);
        }
        for (JsonNode token : node) {
            if (!token.isString() || token.stringValue().isEmpty() || token.stringValue().length() > MAX_GRANT_TOKEN_CHARS) {
                throw constraint("GrantTokens", null, "Member must satisfy constraint: [Member must have length "
                        + "less than or equal to " + MAX_GRANT_TOKEN_CHARS + ", Member must have length greater "
                        + "than or equal to 1]");
            }
        }
    }

    private JsonNode present(String member) {
        JsonNode node = body.get(member);
        return node == null || node.isNull() ? null : node;
    }

    static AwsServiceException missing(String member) {
        return KmsErrors.validation("1 validation error detected: Value null at '" + camel(member)
                + "' failed to satisfy constraint: Member must not be null");
    }

    /** AWS's wording of a model constraint failure; {@code value} is echoed only when short and not secret. */
    static AwsServiceException constraint(String member, String value, String constraint) {
        String shown = value == null ? "" : " '" + abbreviate(value) + "'";
        return KmsErrors.validation("1 validation error detected: Value" + shown + " at '" + camel(member)
                + "' failed to satisfy constraint: " + constraint);
    }

    private static String abbreviate(String value) {
        return value.length() <= MAX_ECHOED_CHARS ? value : value.substring(0, MAX_ECHOED_CHARS) + "...";
    }

    private static String camel(String member) {
        return member.substring(0, 1).toLowerCase(Locale.ROOT) + member.substring(1);
    }
}
