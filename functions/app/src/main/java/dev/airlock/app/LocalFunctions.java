package dev.airlock.app;

import dev.airlock.core.config.EnvironmentNames;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.http.Problems;
import dev.airlock.app.wiring.Ports;
import dev.airlock.core.api.Catalogue;
import dev.airlock.core.api.Route;
import dev.airlock.core.api.Trigger;
import dev.airlock.core.api.Routes;
import dev.airlock.domain.error.NotFoundException;
import org.springframework.cloud.function.adapter.aws.AWSLambdaUtils;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.cloud.function.context.config.ContextFunctionCatalogInitializer;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.messaging.Message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The five function beans in one Spring context, for the local gateway and tests: the same
 * {@link AirlockApplication} registration Lambda uses, with every function registered and the
 * configuration (endpoint, tables) and clock injected.
 *
 * <pre>{@code
 * AirlockConfig config = AirlockConfig.local(Map.of(EnvironmentNames.ENDPOINT_URL, server.endpoint().toString()));
 * try (LocalFunctions functions = LocalFunctions.start(config, Clock.systemUTC())) {
 *     APIGatewayV2HTTPResponse response = functions.handle(event);          // dispatch by routeKey
 *     Map<String, Object> summary = functions.scheduled(Routes.EXPIRE).apply(Map.of()); // one sweep
 * }
 * }</pre>
 */
public final class LocalFunctions implements AutoCloseable {

    private final GenericApplicationContext context;

    private LocalFunctions(GenericApplicationContext context) {
        this.context = context;
    }

    /** All five functions over DynamoDB and KMS at {@code config}'s endpoint. */
    public static LocalFunctions start(AirlockConfig config, Clock clock) {
        return start(new AirlockApplication(config, clock));
    }

    /** All five functions over the given ports (e.g. in-memory fakes). */
    public static LocalFunctions start(AirlockConfig config, Clock clock, Ports ports) {
        return start(new AirlockApplication(config, clock, Objects.requireNonNull(ports, "ports")));
    }

    private static LocalFunctions start(AirlockApplication application) {
        GenericApplicationContext context = new GenericApplicationContext();
        // The functional mode FunctionalSpringApplication switches on in Lambda: the function catalog
        // is registered by its initializer, without auto-configuration.
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("airlock-local",
                Map.of("spring.functional.enabled", "true", "spring.cloud.function.scan.enabled", "false")));
        new ContextFunctionCatalogInitializer().initialize(context);
        application.initialize(context);
        context.refresh();
        return new LocalFunctions(context);
    }

    /** The bean of an HTTP-triggered function of the {@link Catalogue}. */
    @SuppressWarnings("unchecked")
    public Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> http(String name) {
        return context.getBean(requireKind(name, Trigger.Kind.HTTP), Function.class);
    }

    /** The bean of a scheduled function: takes the scheduled event (any map), returns its summary. */
    @SuppressWarnings("unchecked")
    public Function<Map<String, Object>, Map<String, Object>> scheduled(String name) {
        return context.getBean(requireKind(name, Trigger.Kind.SCHEDULE), Function.class);
    }

    private static String requireKind(String name, Trigger.Kind kind) {
        Trigger.Kind actual = Catalogue.of(name).kind();
        if (actual != kind) {
            throw new IllegalArgumentException(name + " is triggered by " + actual + ", not " + kind);
        }
        return name;
    }

    /**
     * Serves an event with the function its route belongs to: {@code routeKey} names the route, as
     * API Gateway sets it; an unknown route is a 404 problem.
     */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        Optional<Route> route = Routes.ALL.stream().filter(r -> r.routeKey().equals(event.getRouteKey())).findFirst();
        if (route.isEmpty()) {
            String requestId = event.getRequestContext() == null ? "" : event.getRequestContext().getRequestId();
            return Problems.of(new NotFoundException("no_route", "no such route"), requestId);
        }
        return http(route.get().function()).apply(event);
    }

    /**
     * Invokes function {@code name} with an event as JSON bytes and returns the JSON Lambda would
     * send back, converting both ways exactly as {@code FunctionInvoker.handleRequest} does (the
     * catalog's function wrapper and {@link AWSLambdaUtils}, given the event as a stream).
     */
    public byte[] invokeAsLambda(String name, byte[] eventJson) {
        FunctionCatalog catalog = context.getBean(FunctionCatalog.class);
        FunctionInvocationWrapper function = catalog.lookup(name, "application/json");
        if (function == null) {
            throw new IllegalArgumentException("no function named '" + name + "'");
        }
        JsonMapper mapper = context.getBean(JsonMapper.class);
        Message<?> request;
        try {
            request = AWSLambdaUtils.generateMessage(new ByteArrayInputStream(eventJson), function.getInputType(),
                    function.isSupplier(), mapper, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object response = function.apply(request);
        return AWSLambdaUtils.generateOutputFromObject(request, response, mapper, function.getOutputType());
    }

    /** The Spring context holding the beans (named as the functions). */
    public GenericApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
