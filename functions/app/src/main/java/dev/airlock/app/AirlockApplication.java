package dev.airlock.app;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.http.ClaimsIdentity;
import dev.airlock.app.priming.PrimingResource;
import dev.airlock.app.wiring.AwsPorts;
import dev.airlock.app.wiring.FunctionFactory;
import dev.airlock.app.wiring.Ports;
import dev.airlock.app.wiring.RawEventFunction;
import dev.airlock.app.stream.StreamEventFunction;
import dev.airlock.core.api.Catalogue;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;

import java.lang.reflect.Type;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Spring Cloud Function application: one bean per function of {@link Catalogue}, registered
 * functionally (no component scan, no auto-configuration), named exactly as the function, e.g.
 * {@code list}. In Lambda, {@code FunctionInvoker} starts this class ({@code MAIN_CLASS}) and picks
 * the bean named by {@code SPRING_CLOUD_FUNCTION_DEFINITION}; only that function, its use cases,
 * its ports and their AWS clients are created. With no function selected (the local gateway) every
 * catalogue function is registered — see the test-jar's {@code dev.airlock.app.harness.LocalFunctions}.
 *
 * <p>Beans, per function {@code name}: {@code name} (the {@link Function}) and
 * {@code name_registration} (its {@link FunctionRegistration} for the function catalog: for an HTTP
 * function a {@link RawEventFunction} over the bean, so the catalog takes the raw event; a table-stream
 * function's bean is itself the raw-event adapter, {@link StreamEventFunction}); plus
 * {@code airlockConfig}, {@code clock}, {@code airlockPorts} and {@value #IDENTITIES_BEAN} (lazy).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
public class AirlockApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    /**
     * {@code Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>}: the HTTP function beans. The
     * catalog registers each as {@link RawEventFunction#TYPE}, taking the raw event.
     */
    public static final Type HTTP_FUNCTION_TYPE = ResolvableType.forClassWithGenerics(Function.class,
            APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class).getType();

    /** {@code Function<Map<String, Object>, Map<String, Object>>}: a scheduled function (the event as a map). */
    public static final Type SCHEDULED_FUNCTION_TYPE = ResolvableType.forClassWithGenerics(Function.class,
            ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class),
            ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class)).getType();

    /** The bean reading callers from verified tokens, shared by the HTTP functions. */
    public static final String IDENTITIES_BEAN = "airlockIdentities";

    private final AirlockConfig config;
    private final Clock clock;
    private final Ports ports;

    /** As Lambda starts it: configuration from the environment, the system clock, DynamoDB and KMS. */
    public AirlockApplication() {
        this(null, Clock.systemUTC(), null);
    }

    /** The local gateway's: a given configuration (endpoint, tables) and clock, DynamoDB and KMS. */
    public AirlockApplication(AirlockConfig config, Clock clock) {
        this(Objects.requireNonNull(config, "config"), clock, null);
    }

    /**
     * Tests': given configuration, clock and ports (e.g. in-memory fakes).
     *
     * @param config null to read the environment when the context starts
     * @param ports  null for {@link AwsPorts}
     */
    public AirlockApplication(AirlockConfig config, Clock clock, Ports ports) {
        this.config = config;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ports = ports;
    }

    @Override
    public void initialize(GenericApplicationContext context) {
        // Read here, not in the constructor: a bad environment then fails the context start with
        // the variable's name, which Lambda reports as an init error.
        AirlockConfig resolved = config != null ? config : AirlockConfig.fromEnvironment();
        context.registerBean("airlockConfig", AirlockConfig.class, () -> resolved);
        context.registerBean("clock", Clock.class, () -> clock);
        if (ports != null) {
            context.registerBean("airlockPorts", Ports.class, () -> ports);
        } else {
            context.registerBean("airlockPorts", Ports.class, () -> new AwsPorts(resolved, clock),
                    definition -> definition.setDestroyMethodName("close"));
        }
        // One identity reader (and JWK set cache) for every HTTP function of this process.
        context.registerBean(IDENTITIES_BEAN, ClaimsIdentity.class,
                () -> FunctionFactory.identities(resolved, clock, context.getBean("airlockPorts", Ports.class)),
                definition -> definition.setLazyInit(true));
        for (String name : resolved.functions()) {
            register(context, name, resolved);
        }
        PrimingResource.register(context);
    }

    /** Registers function {@code name} with the adapter of its trigger's kind (the only place that maps it). */
    @SuppressWarnings("unchecked")
    private void register(GenericApplicationContext context, String name, AirlockConfig resolved) {
        context.registerBean(name, Function.class, () -> new FunctionFactory(resolved, clock,
                context.getBean("airlockPorts", Ports.class),
                () -> context.getBean(IDENTITIES_BEAN, ClaimsIdentity.class)).create(name));
        String registration = name + FunctionRegistration.REGISTRATION_NAME_SUFFIX;
        switch (Catalogue.of(name).kind()) {
            // The catalog gets the raw event, never a Spring-converted one: see RawEventFunction.
            case HTTP -> context.registerBean(registration, FunctionRegistration.class,
                    () -> new FunctionRegistration<>(new RawEventFunction(context.getBean(name, Function.class),
                            context.getBean(JsonMapper.class)), name).type(RawEventFunction.TYPE));
            case SCHEDULE -> context.registerBean(registration, FunctionRegistration.class,
                    () -> new FunctionRegistration<>(context.getBean(name, Function.class), name)
                            .type(SCHEDULED_FUNCTION_TYPE));
            // The bean is already the raw-event adapter (StreamEventFunction), as the catalog must see it.
            case TABLE_STREAM -> context.registerBean(registration, FunctionRegistration.class,
                    () -> new FunctionRegistration<>(context.getBean(name, Function.class), name)
                            .type(StreamEventFunction.TYPE));
        }
    }
}
