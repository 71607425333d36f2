package dev.airlock.app.config;

import java.util.Map;
import java.util.Optional;

/** Read access to environment variables: blank counts as unset, values are trimmed. */
final class Environment {

    private final Map<String, String> variables;

    Environment(Map<String, String> variables) {
        Map<String, String> copy = new java.util.HashMap<>(variables);
        copy.values().removeIf(java.util.Objects::isNull);
        this.variables = Map.copyOf(copy);
    }

    Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    boolean isSet(String name) {
        return get(name).isPresent();
    }

    /** A boolean flag: {@code true} or {@code false} (any case); unset is false. */
    boolean flag(String name) {
        Optional<String> value = get(name);
        if (value.isEmpty() || value.get().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.get().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidConfigException(name, "must be true or false");
    }
}
