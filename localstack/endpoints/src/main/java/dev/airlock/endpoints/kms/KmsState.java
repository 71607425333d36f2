package dev.airlock.endpoints.kms;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every key and alias at one moment: an immutable snapshot, replaced as a whole on each change so
 * that readers (Sign, Verify, Describe...) never lock and never see half of a change.
 *
 * <p>A key past its deletion date is treated as deleted, and its aliases with it, even before the
 * next change {@linkplain #purged purges} it.
 */
record KmsState(SortedMap<String, KmsKey> keys, SortedMap<String, KmsAlias> aliases) {

    KmsState {
        keys = Collections.unmodifiableSortedMap(new TreeMap<>(keys));
        aliases = Collections.unmodifiableSortedMap(new TreeMap<>(aliases));
    }

    static KmsState empty() {
        return new KmsState(new TreeMap<>(), new TreeMap<>());
    }

    Optional<KmsKey> key(String keyId, Instant now) {
        return Optional.ofNullable(keys.get(keyId)).filter(key -> !key.isDeletedAt(now));
    }

    Optional<KmsAlias> alias(String name, Instant now) {
        return Optional.ofNullable(aliases.get(name)).filter(alias -> key(alias.targetKeyId(), now).isPresent());
    }

    /** Live keys, ordered by key id. */
    List<KmsKey> keys(Instant now) {
        return keys.values().stream().filter(key -> !key.isDeletedAt(now)).toList();
    }

    /** Aliases of live keys, ordered by name. */
    List<KmsAlias> aliases(Instant now) {
        return aliases.values().stream().filter(alias -> key(alias.targetKeyId(), now).isPresent()).toList();
    }

    KmsState withKey(KmsKey key) {
        TreeMap<String, KmsKey> changed = new TreeMap<>(keys);
        changed.put(key.keyId(), key);
        return new KmsState(changed, aliases);
    }

    KmsState withAlias(KmsAlias alias) {
        TreeMap<String, KmsAlias> changed = new TreeMap<>(aliases);
        changed.put(alias.name(), alias);
        return new KmsState(keys, changed);
    }

    KmsState withoutAlias(String name) {
        TreeMap<String, KmsAlias> changed = new TreeMap<>(aliases);
        changed.remove(name);
        return new KmsState(keys, changed);
    }

    /** Without the keys whose deletion date has passed, nor their aliases. */
    KmsState purged(Instant now) {
        TreeMap<String, KmsKey> live = new TreeMap<>(keys);
        live.values().removeIf(key -> key.isDeletedAt(now));
        TreeMap<String, KmsAlias> liveAliases = new TreeMap<>(aliases);
        liveAliases.values().removeIf(alias -> !live.containsKey(alias.targetKeyId()));
        return live.size() == keys.size() && liveAliases.size() == aliases.size()
                ? this : new KmsState(live, liveAliases);
    }
}
