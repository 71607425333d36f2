package dev.airlock.endpoints.s3;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One version of an object, or a delete marker (no content). */
record ObjectVersion(String versionId, boolean deleteMarker, byte[] content, String etag, String contentType,
                     Instant lastModified, Map<String, String> metadata, Optional<Retention> retention) {

    ObjectVersion withRetention(Retention changed) {
        return new ObjectVersion(versionId, deleteMarker, content, etag, contentType, lastModified, metadata,
                Optional.of(changed));
    }

    static ObjectVersion deleteMarker(String versionId, Instant now) {
        return new ObjectVersion(versionId, true, new byte[0], "", "", now, Map.of(), Optional.empty());
    }
}
