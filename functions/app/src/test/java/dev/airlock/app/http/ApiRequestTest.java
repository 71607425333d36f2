package dev.airlock.app.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.airlock.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiRequestTest {

    record Body(String reason) {
    }

    private static APIGatewayV2HTTPEvent event(Map<String, String> headers, String body, boolean base64) {
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("post");
        http.setPath("/requests");
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setRequestId("rid-1");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey("POST /requests");
        event.setRawPath("/requests");
        event.setHeaders(headers);
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        event.setRequestContext(context);
        return event;
    }

    @Test
    void from_shouldReadMethodPathRouteAndRequestId() {
        ApiRequest request = ApiRequest.from(event(Map.of(), null, false));

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/requests");
        assertThat(request.routeKey()).isEqualTo("POST /requests");
        assertThat(request.requestId()).isEqualTo("rid-1");
        assertThat(request.body()).isEmpty();
    }

    @Test
    void headers_shouldBeCaseInsensitive() {
        ApiRequest request = ApiRequest.from(event(Map.of("idempotency-key", "k1"), null, false));

        assertThat(request.header("Idempotency-Key")).contains("k1");
        assertThat(request.header("IDEMPOTENCY-KEY")).contains("k1");
    }

    @Test
    void base64Body_shouldBeDecodedAsUtf8() {
        String json = "{\"reason\": \"Grüße\"}";
        String encoded = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));

        ApiRequest request = ApiRequest.from(event(Map.of("content-type", "application/json"), encoded, true));

        assertThat(request.jsonBody(Body.class).reason()).isEqualTo("Grüße");
    }

    @Test
    void invalidUtf8_shouldBe400() {
        String encoded = Base64.getEncoder().encodeToString(new byte[] {'{', (byte) 0xc3, (byte) 0x28, '}'});

        assertThatThrownBy(() -> ApiRequest.from(event(Map.of(), encoded, true)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void bodyAtTheLimit_shouldBeAccepted_andOneByteMoreRefused() {
        String atLimit = "x".repeat(ApiRequest.MAX_BODY_BYTES);
        String over = atLimit + "x";

        assertThat(ApiRequest.from(event(Map.of(), atLimit, false)).body()).contains(atLimit);
        assertThatThrownBy(() -> ApiRequest.from(event(Map.of(), over, false)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).code()).isEqualTo("body_too_large"));
        String multiByte = "é".repeat(ApiRequest.MAX_BODY_BYTES / 2 + 1);
        assertThatThrownBy(() -> ApiRequest.from(event(Map.of(), multiByte, false)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void toString_shouldNotIncludeHeadersOrBody() {
        ApiRequest request = ApiRequest.from(event(Map.of("authorization", "Bearer eyJsecret"), "{\"pw\":1}", false));

        assertThat(request.toString()).doesNotContain("eyJsecret", "Bearer", "pw").contains("POST /requests");
    }
}
