package dev.airlock.endpoints.kms;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * ARNs and identifiers of the embedded KMS: one account ({@value #ACCOUNT}) in one Region.
 * Key ARN {@code arn:aws:kms:<region>:000000000000:key/<key id>}, alias ARN
 * {@code arn:aws:kms:<region>:000000000000:alias/<name>} (KMS API reference, "KeyId").
 */
final class KmsNames {

    static final String ACCOUNT = "000000000000";
    static final String ALIAS_PREFIX = "alias/";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    /** What a KeyId parameter names. */
    enum Kind { KEY_ID, ALIAS_NAME, ELSEWHERE }

    /** A parsed KeyId parameter: a key id or an alias name in this account and Region, or something elsewhere. */
    record Reference(Kind kind, String value) {
    }

    private final String region;
    private final String arnPrefix;

    KmsNames(String region) {
        Objects.requireNonNull(region, "region");
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("not an AWS Region name: " + region);
        }
        this.region = region;
        this.arnPrefix = "arn:aws:kms:" + region + ":" + ACCOUNT + ":";
    }

    String region() {
        return region;
    }

    String keyArn(String keyId) {
        return arnPrefix + "key/" + keyId;
    }

    String aliasArn(String aliasName) {
        return arnPrefix + aliasName;
    }

    /**
     * Parses a key id, key ARN, alias name or alias ARN. An ARN of another partition, Region or
     * account names a key this endpoint cannot have ({@link Kind#ELSEWHERE}, i.e. NotFoundException).
     */
    Reference parse(String keyIdParameter) {
        if (keyIdParameter.startsWith("arn:")) {
            if (!keyIdParameter.startsWith(arnPrefix)) {
                return new Reference(Kind.ELSEWHERE, keyIdParameter);
            }
            String resource = keyIdParameter.substring(arnPrefix.length());
            if (resource.startsWith("key/")) {
                return new Reference(Kind.KEY_ID, resource.substring("key/".length()));
            }
            if (resource.startsWith(ALIAS_PREFIX)) {
                return new Reference(Kind.ALIAS_NAME, resource);
            }
            return new Reference(Kind.ELSEWHERE, keyIdParameter);
        }
        if (keyIdParameter.startsWith(ALIAS_PREFIX)) {
            return new Reference(Kind.ALIAS_NAME, keyIdParameter);
        }
        return new Reference(Kind.KEY_ID, keyIdParameter);
    }
}
