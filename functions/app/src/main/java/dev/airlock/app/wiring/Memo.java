package dev.airlock.app.wiring;

import java.util.Objects;
import java.util.function.Supplier;

/** A value built on first {@link #get()} and then kept; thread-safe. */
final class Memo<T> implements Supplier<T> {

    private final Supplier<T> factory;
    private volatile T value;

    private Memo(Supplier<T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    static <T> Memo<T> of(Supplier<T> factory) {
        return new Memo<>(factory);
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = Objects.requireNonNull(factory.get(), "factory returned null");
                    value = current;
                }
            }
        }
        return current;
    }

    boolean isBuilt() {
        return value != null;
    }
}
