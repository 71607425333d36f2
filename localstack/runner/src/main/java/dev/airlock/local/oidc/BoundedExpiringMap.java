package dev.airlock.local.oidc;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An in-memory map whose entries expire and whose size is capped: a client hammering an endpoint can
 * push out the oldest entries but never grow the heap. Expired entries are dropped on every write and
 * never returned. Thread-safe (every method holds the map's lock; the provider's maps are small).
 *
 * @param <K> key
 * @param <V> value
 */
final class BoundedExpiringMap<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final int capacity;
    private final Clock clock;
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>();

    BoundedExpiringMap(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds or replaces; when full, the oldest entry makes room. */
    synchronized void put(K key, V value, Instant expires) {
        purgeExpired();
        entries.remove(key);
        while (entries.size() >= capacity) {
            Iterator<K> oldest = entries.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        entries.put(Objects.requireNonNull(key, "key"), new Entry<>(Objects.requireNonNull(value, "value"), expires));
    }

    /** The live value, if any. */
    synchronized Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null || expired(entry)) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Removes and returns the live value, if any: how one-time values are consumed. */
    synchronized Optional<V> take(K key) {
        Entry<V> entry = entries.remove(key);
        if (entry == null || expired(entry)) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Replaces a live value in place (same expiry, same age); nothing when absent or expired. */
    synchronized Optional<V> update(K key, Function<V, V> change) {
        Entry<V> entry = entries.get(key);
        if (entry == null || expired(entry)) {
            return Optional.empty();
        }
        V changed = Objects.requireNonNull(change.apply(entry.value()), "changed value");
        entries.put(key, new Entry<>(changed, entry.expires()));
        return Optional.of(changed);
    }

    synchronized void remove(K key) {
        entries.remove(key);
    }

    /** Live and expired-but-not-yet-purged entries. */
    synchronized int size() {
        return entries.size();
    }

    private void purgeExpired() {
        entries.values().removeIf(this::expired);
    }

    private boolean expired(Entry<V> entry) {
        return !clock.instant().isBefore(entry.expires());
    }

    @Override
    public synchronized String toString() {
        return "BoundedExpiringMap[" + entries.size() + "/" + capacity + "]";
    }

}
