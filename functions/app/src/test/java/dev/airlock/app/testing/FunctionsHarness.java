package dev.airlock.app.testing;

import dev.airlock.app.LocalFunctions;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.wiring.Ports;
import dev.airlock.core.testing.InMemoryIssuedCertificates;
import dev.airlock.core.testing.InMemoryRevocationStore;
import dev.airlock.core.testing.TestAirlock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;


/**
 * TEST ONLY: the five function beans over the in-memory ports of airlock-core's test-jar (demo roles,
 * a mutable clock, an in-memory Ed25519 CA), invoked with event JSON converted exactly as Lambda's
 * {@code FunctionInvoker} converts it.
 */
public final class FunctionsHarness implements AutoCloseable {

    private final TestAirlock airlock;
    private final LocalFunctions functions;

    private FunctionsHarness(TestAirlock airlock, LocalFunctions functions) {
        this.airlock = airlock;
        this.functions = functions;
    }

    public static FunctionsHarness start() {
        return start(TestAirlock.demo());
    }

    public static FunctionsHarness start(TestAirlock airlock) {
        return start(airlock, java.util.Map.of());
    }

    /** With further configuration variables, e.g. another user claim. */
    public static FunctionsHarness start(TestAirlock airlock, java.util.Map<String, String> environment) {
        Ports ports = Ports.of(airlock.store(), airlock.audit(), airlock.roles(), airlock.ca(),
                new InMemoryRevocationStore(airlock.store()), new InMemoryIssuedCertificates(airlock.audit()));
        return new FunctionsHarness(airlock, LocalFunctions.start(
                AirlockConfig.local(TestTokens.environment(environment)), airlock.clock(), ports));
    }

    /** Sends an event through function {@code name}. */
    public LambdaResponse invoke(String name, JsonNode event) {
        return LambdaResponse.parse(functions.invokeAsLambda(name, Events.bytes(event)));
    }

    /** Sends a fixture through function {@code name} unchanged. */
    public LambdaResponse invoke(String name, String fixture) {
        return invoke(name, Events.load(fixture));
    }

    /** Creates a request as bob (fixture {@code request-create.json}, no idempotency key); returns its id. */
    public String bobRequestsDba() {
        ObjectNode event = Events.withoutHeader(Events.load("request-create.json"), "idempotency-key");
        LambdaResponse response = invoke("request", event);
        if (response.status() != 201) {
            throw new IllegalStateException("creating a request failed: " + response.status() + " " + response.body());
        }
        return response.json().get("id").asString();
    }

    public TestAirlock airlock() {
        return airlock;
    }

    public LocalFunctions functions() {
        return functions;
    }

    @Override
    public void close() {
        functions.close();
    }
}
