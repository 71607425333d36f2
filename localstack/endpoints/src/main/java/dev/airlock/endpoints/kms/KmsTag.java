package dev.airlock.endpoints.kms;

import java.util.Objects;

/** One resource tag of a key (TagKey 1..128 characters, TagValue 0..256). */
record KmsTag(String key, String value) {

    KmsTag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
