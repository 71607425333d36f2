package dev.airlock.endpoints.s3;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One bucket: its Object Lock and versioning settings and every version of every object, oldest
 * first. Not thread-safe: the service serialises access.
 */
final class Bucket {

    /** The default retention of an Object Lock configuration: a mode and days or years. */
    record DefaultRetention(String mode, int days, int years) {
    }

    /** The version id S3 gives objects written while versioning is off. */
    static final String NULL_VERSION = "null";

    private final String name;
    private final Instant created;
    private final boolean objectLockEnabled;
    private boolean versioningEnabled;
    private Optional<DefaultRetention> defaultRetention = Optional.empty();
    private final NavigableMap<String, List<ObjectVersion>> objects = new TreeMap<>();

    Bucket(String name, Instant created, boolean objectLockEnabled) {
        this.name = name;
        this.created = created;
        this.objectLockEnabled = objectLockEnabled;
        // "When you create a bucket with Object Lock enabled, Amazon S3 automatically enables versioning"
        this.versioningEnabled = objectLockEnabled;
    }

    String name() {
        return name;
    }

    Instant created() {
        return created;
    }

    boolean objectLockEnabled() {
        return objectLockEnabled;
    }

    boolean versioningEnabled() {
        return versioningEnabled;
    }

    void enableVersioning() {
        versioningEnabled = true;
    }

    Optional<DefaultRetention> defaultRetention() {
        return defaultRetention;
    }

    void defaultRetention(Optional<DefaultRetention> retention) {
        this.defaultRetention = retention;
    }

    boolean isEmpty() {
        return objects.isEmpty();
    }

    /** The newest version of {@code key} (possibly a delete marker). */
    Optional<ObjectVersion> latest(String key) {
        List<ObjectVersion> versions = objects.get(key);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    Optional<ObjectVersion> version(String key, String versionId) {
        return objects.getOrDefault(key, List.of()).stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    /** Adds {@code version} as the newest; without versioning it replaces the object. */
    void add(String key, ObjectVersion version) {
        List<ObjectVersion> versions = objects.computeIfAbsent(key, k -> new ArrayList<>());
        if (!versioningEnabled) {
            versions.clear();
        }
        versions.add(version);
    }

    void replace(String key, ObjectVersion version) {
        List<ObjectVersion> versions = objects.get(key);
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).versionId().equals(version.versionId())) {
                versions.set(i, version);
            }
        }
    }

    void remove(String key, String versionId) {
        List<ObjectVersion> versions = objects.get(key);
        if (versions != null) {
            versions.removeIf(v -> v.versionId().equals(versionId));
            if (versions.isEmpty()) {
                objects.remove(key);
            }
        }
    }

    /** Keys whose newest version is not a delete marker, in UTF-8 binary order (as ListObjectsV2). */
    NavigableMap<String, ObjectVersion> currentObjects() {
        NavigableMap<String, ObjectVersion> current = new TreeMap<>(Bucket::compareUtf8);
        for (Map.Entry<String, List<ObjectVersion>> entry : objects.entrySet()) {
            ObjectVersion newest = entry.getValue().get(entry.getValue().size() - 1);
            if (!newest.deleteMarker()) {
                current.put(entry.getKey(), newest);
            }
        }
        return current;
    }

    /** Every version of every key, for persistence. */
    Map<String, List<ObjectVersion>> allVersions() {
        return Collections.unmodifiableMap(objects);
    }

    private static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
