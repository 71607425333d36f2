package dev.airlock.domain.role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one mapping of a role file may hold, field by field: what Airlock enforces, what it reads only to
 * check (containers, fields judged by their value), what it accepts and reports as ignored, and what it
 * refuses. Anything else is an unknown field (a typo must never silently widen or narrow access).
 *
 * <p>The split between "ignored" and "refused" is the promise of docs/ROLES.md: a field that governs a
 * Teleport resource Airlock does not front is reported as ignored; a field that would change who may
 * request, review or log in, and that Airlock does not implement, is refused by name.
 */
final class Fields {

    enum Kind { ENFORCED, READ, IGNORED, REFUSED, UNKNOWN }

    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();
    private final Map<String, String> ignoredPrefixes = new LinkedHashMap<>();

    /** Fields Airlock enforces (reported as enforced when present). */
    Fields enforce(String... names) {
        for (String name : names) {
            kinds.put(name, Kind.ENFORCED);
        }
        return this;
    }

    /** Fields read by the caller, which reports them itself (containers, value-dependent fields). */
    Fields read(String... names) {
        for (String name : names) {
            kinds.put(name, Kind.READ);
        }
        return this;
    }

    /** Fields accepted and reported as ignored, with why. */
    Fields ignore(String why, String... names) {
        for (String name : names) {
            kinds.put(name, Kind.IGNORED);
            reasons.put(name, why);
        }
        return this;
    }

    /** Every field whose name starts with one of {@code prefixes} is accepted and reported as ignored. */
    Fields ignorePrefixes(String why, List<String> prefixes) {
        prefixes.forEach(p -> ignoredPrefixes.put(p, why));
        return this;
    }

    /** A field refused by name; {@code why} completes "not supported by Airlock: ...". */
    Fields refuse(String name, String why) {
        kinds.put(name, Kind.REFUSED);
        reasons.put(name, why);
        return this;
    }

    Kind kindOf(String name) {
        Kind kind = kinds.get(name);
        if (kind != null) {
            return kind;
        }
        return ignoredPrefixes.keySet().stream().anyMatch(name::startsWith) ? Kind.IGNORED : Kind.UNKNOWN;
    }

    String reason(String name) {
        String why = reasons.get(name);
        if (why != null) {
            return why;
        }
        return ignoredPrefixes.entrySet().stream().filter(e -> name.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    /** The names an "unknown field" error offers: what Airlock reads, sorted. */
    Set<String> expected() {
        TreeSet<String> names = new TreeSet<>();
        kinds.forEach((name, kind) -> {
            if (kind == Kind.ENFORCED || kind == Kind.READ) {
                names.add(name);
            }
        });
        return names;
    }
}
