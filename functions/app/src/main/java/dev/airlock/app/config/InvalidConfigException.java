package dev.airlock.app.config;

import java.util.Objects;

/**
 * A missing or malformed environment variable. Thrown at start-up so a bad deployment fails at once;
 * the message names the variable and never repeats a secret value.
 */
public final class InvalidConfigException extends IllegalStateException {

    private final String variable;

    public InvalidConfigException(String variable, String problem) {
        super(Objects.requireNonNull(variable, "variable") + " " + problem);
        this.variable = variable;
    }

    /** The environment variable at fault. */
    public String variable() {
        return variable;
    }
}
