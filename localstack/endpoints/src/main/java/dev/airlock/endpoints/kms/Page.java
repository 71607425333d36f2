package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a KMS list operation (ListKeys, ListAliases, ListResourceTags): at most {@code Limit}
 * items after the {@code Marker}, with {@code Truncated} and, when truncated, {@code NextMarker}.
 * The marker is opaque to callers; here it encodes the sort key of the last item returned, so a
 * page stays correct when items are added or removed between calls.
 */
record Page<T>(List<T> items, Optional<String> nextMarker) {

    static <T> Page<T> of(List<T> sorted, Function<T, String> sortKey, int limit, Optional<String> marker)
            throws AwsServiceException {
        Optional<String> after = marker.isPresent() ? Optional.of(decode(marker.get())) : Optional.empty();
        List<T> remaining = after.map(last -> sorted.stream()
                .filter(item -> sortKey.apply(item).compareTo(last) > 0).toList()).orElse(sorted);
        if (remaining.size() <= limit) {
            return new Page<>(remaining, Optional.empty());
        }
        List<T> items = remaining.subList(0, limit);
        return new Page<>(List.copyOf(items), Optional.of(encode(sortKey.apply(items.get(limit - 1)))));
    }

    /** Adds {@code Truncated} and {@code NextMarker} to a list response. */
    void writeTo(ObjectNode response) {
        response.put("Truncated", nextMarker.isPresent());
        nextMarker.ifPresent(next -> response.put("NextMarker", next));
    }

    private static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String marker) throws AwsServiceException {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw KmsErrors.invalidMarker();
        }
    }
}
