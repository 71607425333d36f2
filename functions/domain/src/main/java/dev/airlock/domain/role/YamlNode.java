package dev.airlock.domain.role;

import dev.airlock.domain.error.InvalidRequestException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping read from a role file, with the path that leads to it, so every error names the
 * document and the field ({@code roles.yaml: document 2 (role 'dba'): spec.allow.logins[0]: ...}).
 * Absent keys and explicit nulls are the same: "not given".
 */
final class YamlNode {

    /** Where a node lives: the file and the document, described as far as it is known. */
    record Location(String source, String document) {
        InvalidRequestException error(String path, String problem) {
            String where = path.isEmpty() ? "" : path + ": ";
            return new InvalidRequestException("invalid_role_file", source + ": " + document + ": " + where + problem);
        }
    }

    private final Map<?, ?> map;
    private final String path;
    private final Location location;
    private final FieldLog log;

    private YamlNode(Map<?, ?> map, String path, Location location, FieldLog log) {
        this.map = map;
        this.path = path;
        this.location = location;
        this.log = log;
    }

    /** The document's root mapping; {@code log} records what {@link #fields} finds in it and below. */
    static YamlNode root(Object document, Location location, FieldLog log) {
        if (!(document instanceof Map<?, ?> m)) {
            throw location.error("", "expected a mapping, got " + typeName(document));
        }
        return new YamlNode(m, "", location, log).requireStringKeys();
    }

    FieldLog log() {
        return log;
    }

    Location location() {
        return location;
    }

    /**
     * Classifies every key by {@code fields}: enforced and ignored keys are logged, refused keys are
     * logged as refusals ("not supported by Airlock"), an unknown key is an error thrown at once.
     */
    YamlNode fields(Fields fields) {
        for (Object k : map.keySet()) {
            String key = (String) k;
            switch (fields.kindOf(key)) {
                case ENFORCED -> log.enforced(child(key));
                case READ -> { } // the caller reads and reports it
                case IGNORED -> log.ignored(child(key), fields.reason(key));
                case REFUSED -> log.refuse(error(key, "not supported by Airlock: " + fields.reason(key)));
                default -> throw error(key, "unknown field (expected one of " + fields.expected() + ")");
            }
        }
        return this;
    }

    /** The path of a key of this mapping, e.g. {@code spec.options.ssh_file_copy}. */
    String path(String key) {
        return child(key);
    }

    /** The raw value of a key, or null. */
    Object raw(String key) {
        return map.get(key);
    }

    InvalidRequestException error(String key, String problem) {
        return location.error(child(key), problem);
    }

    Optional<String> string(String key) {
        Object value = map.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw error(key, "expected a string, got " + typeName(value));
        }
        return Optional.of(s);
    }

    String requiredString(String key) {
        String value = string(key).orElseThrow(() -> error(key, "is required"));
        if (value.isBlank()) {
            throw error(key, "must not be empty");
        }
        return value;
    }

    Optional<YamlNode> map(String key) {
        Object value = map.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw error(key, "expected a mapping, got " + typeName(value));
        }
        return Optional.of(new YamlNode(m, child(key), location, log).requireStringKeys());
    }

    /** A list of strings; absent means empty. Each item is passed to {@code check} with its path. */
    List<String> stringList(String key, ItemCheck check) {
        List<String> result = new ArrayList<>();
        List<?> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = child(key) + "[" + i + "]";
            if (!(items.get(i) instanceof String s)) {
                throw location.error(itemPath, "expected a string, got " + typeName(items.get(i)));
            }
            check.check(s, itemPath);
            result.add(s);
        }
        return result;
    }

    /** A list of mappings; absent means empty. */
    List<YamlNode> mapList(String key) {
        List<YamlNode> result = new ArrayList<>();
        List<?> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = child(key) + "[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> m)) {
                throw location.error(itemPath, "expected a mapping, got " + typeName(items.get(i)));
            }
            result.add(new YamlNode(m, itemPath, location, log).requireStringKeys());
        }
        return result;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    Optional<Boolean> bool(String key) {
        Object value = map.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean b)) {
            throw error(key, "expected true or false, got " + typeName(value));
        }
        return Optional.of(b);
    }

    /** A positive Go-syntax duration such as {@code 8h}. */
    Optional<Duration> duration(String key) {
        Object value = map.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw error(key, "expected a duration such as 8h or 30m, got " + typeName(value));
        }
        Duration d;
        try {
            d = GoDuration.parse(s);
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
        if (d.isZero()) {
            throw error(key, "duration must be positive, got '" + s + "'");
        }
        return Optional.of(d);
    }

    /** An integer of at least {@code min}. */
    Optional<Integer> integer(String key, int min) {
        Object value = map.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Integer || value instanceof Long || value instanceof BigInteger)) {
            throw error(key, "expected an integer, got " + typeName(value));
        }
        BigInteger n = new BigInteger(value.toString());
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.bitLength() > 31) {
            throw error(key, "must be an integer of at least " + min + ", got " + value);
        }
        return Optional.of(n.intValue());
    }

    private List<?> list(String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw error(key, "expected a list, got " + typeName(value));
        }
        return l;
    }

    private YamlNode requireStringKeys() {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw location.error(path, "field names must be strings, got " + typeName(key) + " " + key);
            }
        }
        return this;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String typeName(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String s) {
            return "the string '" + s + "'";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return (value instanceof Boolean ? "the boolean " : "the number ") + value;
        }
        return "a " + value.getClass().getSimpleName();
    }

    /** Validates one list item; throws via {@link Location#error} with the item's path. */
    @FunctionalInterface
    interface ItemCheck {
        void check(String value, String itemPath);
    }
}
