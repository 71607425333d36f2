package dev.airlock.core.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every Airlock function and its trigger: the one list the app, infra, the local runner and priming
 * read. Adding a function is one entry here, its use case and its adapter (the app's
 * {@code FunctionFactory}); every layer then serves it by its trigger's kind.
 */
public final class Catalogue {

    public static final List<FunctionSpec> ALL = List.of(
            http(Routes.REQUEST),
            http(Routes.LIST),
            http(Routes.APPROVE),
            http(Routes.SIGN),
            new FunctionSpec(Routes.EXPIRE, new Trigger.Schedule(Duration.ofMinutes(1))),
            new FunctionSpec(Routes.CHECKPOINT, new Trigger.TableStream("audit", Duration.ofMinutes(1))),
            new FunctionSpec(Routes.NOTIFY, new Trigger.TableStream("audit")));

    private Catalogue() {
    }

    /** The function names, in catalogue order. */
    public static List<String> names() {
        return ALL.stream().map(FunctionSpec::name).toList();
    }

    public static Optional<FunctionSpec> find(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** @throws IllegalArgumentException for a name not in the catalogue */
    public static FunctionSpec of(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no function named '" + name + "'"));
    }

    /** The functions of one trigger kind. */
    public static List<FunctionSpec> ofKind(Trigger.Kind kind) {
        return ALL.stream().filter(f -> f.kind() == kind).toList();
    }

    private static FunctionSpec http(String name) {
        return new FunctionSpec(name, new Trigger.HttpRoutes(Routes.of(name)));
    }
}
