package dev.airlock.bench.echo;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.function.Function;

/**
 * The cold-start baseline: the smallest Spring Cloud Function application of the same shape as
 * {@code dev.airlock.app.AirlockApplication} — functional registration, no component scan, no
 * auto-configuration — serving one function, {@value #NAME}, that answers an API Gateway v2 event
 * with its body. Run by {@code FunctionInvoker} with {@code MAIN_CLASS} set to this class.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
public class EchoApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    /** The function's bean name ({@code SPRING_CLOUD_FUNCTION_DEFINITION}). */
    public static final String NAME = "echo";

    private static final Type TYPE = ResolvableType.forClassWithGenerics(Function.class,
            APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class).getType();

    @Override
    public void initialize(GenericApplicationContext context) {
        context.registerBean(NAME, Function.class, EchoApplication::echo);
        context.registerBean(NAME + FunctionRegistration.REGISTRATION_NAME_SUFFIX, FunctionRegistration.class,
                () -> new FunctionRegistration<>(context.getBean(NAME, Function.class), NAME).type(TYPE));
    }

    private static Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> echo() {
        return event -> APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(event.getBody() == null ? "{}" : event.getBody())
                .withIsBase64Encoded(event.getIsBase64Encoded())
                .build();
    }
}
