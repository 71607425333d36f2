package dev.airlock.endpoints.kms;

import java.time.Instant;
import java.util.Objects;

/** An alias ({@code alias/...}) pointing at one key by its key id. */
record KmsAlias(String name, String targetKeyId, Instant creationDate, Instant lastUpdatedDate) {

    KmsAlias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(targetKeyId, "targetKeyId");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(lastUpdatedDate, "lastUpdatedDate");
    }

    KmsAlias retargeted(String keyId, Instant now) {
        return new KmsAlias(name, keyId, creationDate, now);
    }
}
