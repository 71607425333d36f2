package dev.airlock.core.api;

import java.util.Objects;

/**
 * One function of the {@link Catalogue}: its name (the Spring bean, the Lambda function's suffix, the
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION} value) and what triggers it.
 */
public record FunctionSpec(String name, Trigger trigger) {

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(trigger, "trigger");
    }

    public Trigger.Kind kind() {
        return trigger.kind();
    }
}
