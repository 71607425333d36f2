package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** DescribeKey, ListKeys and ListResourceTags: reads of the latest snapshot, never locked. */
final class KeyQueries {

    private static final int KEY_ID_MAX = 2048;
    private static final int MARKER_MAX = 1024;
    /** Limits and defaults from the ListKeys and ListResourceTags API reference pages. */
    private static final int LIST_KEYS_MAX = 1000;
    private static final int LIST_KEYS_DEFAULT = 100;
    private static final int LIST_TAGS_MAX = 50;

    private final KmsStore store;
    private final KmsNames names;
    private final KeyResolver resolver;

    KeyQueries(KmsStore store, KmsNames names, KeyResolver resolver) {
        this.store = store;
        this.names = names;
        this.resolver = resolver;
    }

    ObjectNode describeKey(KmsRequest request) throws AwsServiceException {
        String keyId = request.requiredString("KeyId", 1, KEY_ID_MAX);
        request.grantTokens();
        KmsKey key = resolver.resolve(store.read(), store.now(), keyId, KeyResolver.Accepts.KEY_OR_ALIAS);
        ObjectNode response = KmsJson.object();
        response.set("KeyMetadata", KmsJson.keyMetadata(key, names));
        return response;
    }

    ObjectNode listKeys(KmsRequest request) throws AwsServiceException {
        int limit = request.integer("Limit", 1, LIST_KEYS_MAX).orElse(LIST_KEYS_DEFAULT);
        Page<KmsKey> page = Page.of(store.read().keys(store.now()), KmsKey::keyId, limit,
                request.string("Marker", 1, MARKER_MAX));
        ObjectNode response = KmsJson.object();
        ArrayNode keys = response.putArray("Keys");
        page.items().forEach(key -> keys.addObject().put("KeyId", key.keyId()).put("KeyArn", names.keyArn(key.keyId())));
        page.writeTo(response);
        return response;
    }

    ObjectNode listResourceTags(KmsRequest request) throws AwsServiceException {
        String keyId = request.requiredString("KeyId", 1, KEY_ID_MAX);
        int limit = request.integer("Limit", 1, LIST_TAGS_MAX).orElse(LIST_TAGS_MAX);
        Instant now = store.now();
        KmsKey key = resolver.resolve(store.read(), now, keyId, KeyResolver.Accepts.KEY_ONLY);
        List<KmsTag> sorted = key.tags().stream().sorted(Comparator.comparing(KmsTag::key)).toList();
        Page<KmsTag> page = Page.of(sorted, KmsTag::key, limit, request.string("Marker", 1, MARKER_MAX));
        ObjectNode response = KmsJson.object();
        ArrayNode tags = response.putArray("Tags");
        page.items().forEach(tag -> tags.addObject().put("TagKey", tag.key()).put("TagValue", tag.value()));
        page.writeTo(response);
        return response;
    }
}
