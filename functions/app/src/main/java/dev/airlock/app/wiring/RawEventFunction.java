package dev.airlock.app.wiring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.springframework.cloud.function.json.JsonMapper;
import org.springframework.core.ResolvableType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the function catalog runs for an HTTP function: the raw API Gateway event, read into an
 * {@link APIGatewayV2HTTPEvent} here, then the function bean.
 *
 * <p>Why not register the bean's own {@code Function<APIGatewayV2HTTPEvent, …>} type: with it, Spring
 * Cloud Function (5.0.5) looks inside the event before converting it. {@code AWSLambdaUtils.generateMessage}
 * copies every HTTP header into a message header and, when the body is a JSON array, puts the body
 * into a {@code payload} header; the function wrapper then sees a {@code payload} header holding an
 * array and applies the function to each element as if it were an event. The client's body (or
 * {@code Payload} header) became the event — a 500 for {@code ["dba"]}, and for an array of objects
 * an event whose authorizer claims the client wrote. With an {@link InputStream} input,
 * {@code FunctionInvoker} hands the stream over untouched (no parsing, no headers) and the wrapper
 * passes it through as it is; the body stays a string inside the event, for {@code ApiRequest} to read.
 *
 * <p>The event is read with the catalog's {@link JsonMapper}, the one its JSON message converter used
 * for the bean's event type, so a well-formed event becomes the same object as before.
 */
public final class RawEventFunction implements Function<InputStream, APIGatewayV2HTTPResponse> {

    /** {@code Function<InputStream, APIGatewayV2HTTPResponse>}: how the HTTP functions are registered. */
    public static final Type TYPE = ResolvableType.forClassWithGenerics(Function.class,
            InputStream.class, APIGatewayV2HTTPResponse.class).getType();

    private final Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function;
    private final JsonMapper mapper;

    public RawEventFunction(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function, JsonMapper mapper) {
        this.function = Objects.requireNonNull(function, "function");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /**
     * Reads the event and serves it.
     *
     * @throws IllegalArgumentException when the input is not an event object at all (only a direct
     *                                  invocation can send that, never an API Gateway client); the
     *                                  message does not echo the input, which carries the bearer token
     */
    @Override
    public APIGatewayV2HTTPResponse apply(InputStream input) {
        byte[] json;
        try (InputStream in = Objects.requireNonNull(input, "input")) {
            json = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the event failed", e);
        }
        APIGatewayV2HTTPEvent event;
        try {
            event = mapper.fromJson(json, APIGatewayV2HTTPEvent.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the input is not an API Gateway HTTP API event ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (event == null) {
            throw new IllegalArgumentException("the input is not an API Gateway HTTP API event (null)");
        }
        return function.apply(event);
    }
}
