package dev.airlock.local;

import dev.airlock.core.api.Catalogue;
import dev.airlock.app.LocalFunctions;
import dev.airlock.core.api.Routes;

import java.util.Objects;

/**
 * The function beans in one Spring context ({@link LocalFunctions}), invoked through the same
 * conversion {@code FunctionInvoker} performs in Lambda: event JSON → message → bean → Lambda
 * response JSON.
 */
public final class SpringFunctionHost implements FunctionHost {

    private final LocalFunctions functions;

    public SpringFunctionHost(LocalFunctions functions) {
        this.functions = Objects.requireNonNull(functions, "functions");
    }

    @Override
    public byte[] invoke(String name, byte[] payload) {
        if (!Catalogue.names().contains(name)) {
            throw new IllegalArgumentException("no function named '" + name + "'");
        }
        return functions.invokeAsLambda(name, payload);
    }

    @Override
    public void close() {
        functions.close();
    }
}
