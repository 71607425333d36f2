package dev.airlock.core.usecase;

import dev.airlock.domain.role.GoDuration;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the {@code details} of an audit record in one format: instants as ISO-8601 UTC, durations
 * in Go syntax (as the API shows them), lists comma-separated.
 */
final class AuditDetails {

    private final Map<String, String> details = new TreeMap<>();

    static AuditDetails builder() {
        return new AuditDetails();
    }

    AuditDetails put(String key, String value) {
        details.put(key, value);
        return this;
    }

    AuditDetails put(String key, Instant value) {
        return put(key, value.toString());
    }

    AuditDetails put(String key, Duration value) {
        return put(key, GoDuration.format(value));
    }

    AuditDetails put(String key, Collection<String> values) {
        return put(key, String.join(",", values));
    }

    /** Adds the entry only when the value is present. */
    AuditDetails putIfPresent(String key, Optional<?> value) {
        value.ifPresent(v -> put(key, v.toString()));
        return this;
    }

    Map<String, String> build() {
        return Map.copyOf(details);
    }
}
