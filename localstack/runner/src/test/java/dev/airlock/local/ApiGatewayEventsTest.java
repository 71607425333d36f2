package dev.airlock.local;

import dev.airlock.core.api.RouteMatcher;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.airlock.core.api.Route;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event the gateway builds has the shape and content of API Gateway's payload format 2.0. */
class ApiGatewayEventsTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Instant RECEIVED = Instant.parse("2026-11-07T19:38:02.113Z");
    private final ApiGatewayEvents events = new ApiGatewayEvents("000000000000", "airlock-local");

    private static GatewayRequest request(String method, String path, String query, Map<String, List<String>> headers,
                                          byte[] body) {
        return new GatewayRequest(method, path, query, headers, body, "127.0.0.1", "HTTP/1.1", RECEIVED);
    }

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "bob");
        claims.put("groups", List.of("contractors", "dba-team"));
        claims.put("exp", 1794083882L);
        claims.put("aud", "airlock-local");
        return claims;
    }

    @Test
    void event_shouldCarryRouteRequestContextAndRenderedClaims() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        headers.put("Host", List.of("127.0.0.1:8080"));
        headers.put("User-Agent", List.of("curl/8.5.0"));
        headers.put("X-Multi", List.of("a", "b"));
        RouteMatcher.Match match = new RouteMatcher.Match(new Route("POST", "/requests/{id}/reviews", "approve"),
                Map.of("id", "bc8ca931"));

        Map<String, Object> event = events.event(request("POST", "/requests/bc8ca931/reviews", "",
                headers, "{\"verdict\":\"APPROVE\"}".getBytes(StandardCharsets.UTF_8)), match, claims(), "JKJaXmPLvHcESHA=");

        APIGatewayV2HTTPEvent parsed = JSON.convertValue(event, APIGatewayV2HTTPEvent.class);
        assertThat(parsed.getVersion()).isEqualTo("2.0");
        assertThat(parsed.getRouteKey()).isEqualTo("POST /requests/{id}/reviews");
        assertThat(parsed.getRawPath()).isEqualTo("/requests/bc8ca931/reviews");
        assertThat(parsed.getRawQueryString()).isEmpty();
        assertThat(parsed.getPathParameters()).containsExactly(Map.entry("id", "bc8ca931"));
        assertThat(parsed.getQueryStringParameters()).isNull();
        assertThat(parsed.getHeaders()).containsEntry("content-type", "application/json")
                .containsEntry("x-multi", "a,b").containsEntry("x-forwarded-port", "8080")
                .doesNotContainKey("Content-Type");
        assertThat(parsed.getBody()).isEqualTo("{\"verdict\":\"APPROVE\"}");
        assertThat(parsed.getIsBase64Encoded()).isFalse();
        APIGatewayV2HTTPEvent.RequestContext context = parsed.getRequestContext();
        assertThat(context.getRouteKey()).isEqualTo("POST /requests/{id}/reviews");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getRequestId()).isEqualTo("JKJaXmPLvHcESHA=");
        assertThat(context.getAccountId()).isEqualTo("000000000000");
        assertThat(context.getApiId()).isEqualTo("airlock-local");
        assertThat(context.getDomainName()).isEqualTo("127.0.0.1:8080");
        assertThat(context.getHttp().getMethod()).isEqualTo("POST");
        assertThat(context.getHttp().getPath()).isEqualTo("/requests/bc8ca931/reviews");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("curl/8.5.0");
        assertThat(context.getTime()).isEqualTo("07/Nov/2026:19:38:02 +0000");
        assertThat(context.getTimeEpoch()).isEqualTo(RECEIVED.toEpochMilli());
        assertThat(context.getAuthorizer().getJwt().getClaims()).containsExactly(
                Map.entry("sub", "bob"), Map.entry("groups", "[contractors dba-team]"),
                Map.entry("exp", "1794083882"), Map.entry("aud", "airlock-local"));
    }

    @Test
    void event_shouldDecodeAndJoinQueryParametersAndKeepTheRawQuery() {
        RouteMatcher.Match match = new RouteMatcher.Match(new Route("GET", "/requests", "list"), Map.of());

        Map<String, Object> event = events.event(request("GET", "/requests", "state=PENDING&user=b%40b&state=APPROVED",
                Map.of(), new byte[0]), match, claims(), "id");

        assertThat(event).containsEntry("rawQueryString", "state=PENDING&user=b%40b&state=APPROVED")
                .containsEntry("queryStringParameters", Map.of("state", "PENDING,APPROVED", "user", "b@b"))
                .containsEntry("isBase64Encoded", false)
                .doesNotContainKeys("body", "pathParameters");
    }

    @Test
    void event_shouldRefuseABrokenQueryEscape() {
        RouteMatcher.Match match = new RouteMatcher.Match(new Route("GET", "/requests", "list"), Map.of());

        for (String query : List.of("state=%G1", "state=%4", "user=%C3%28")) {
            assertThatThrownBy(() -> events.event(request("GET", "/requests", query, Map.of(), new byte[0]),
                    match, claims(), "id")).as(query).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(ApiGatewayEvents.queryParameters("user=a+b%2Bc&flag")).containsExactly(
                Map.entry("user", "a b+c"), Map.entry("flag", ""));
    }

    @Test
    void event_shouldBase64EncodeBinaryOrNonUtf8Bodies() {
        RouteMatcher.Match match = new RouteMatcher.Match(new Route("POST", "/requests", "request"), Map.of());
        byte[] bytes = {(byte) 0xff, 0x00, 0x41};

        Map<String, Object> binary = events.event(request("POST", "/requests", "",
                Map.of("content-type", List.of("application/octet-stream")), bytes), match, claims(), "id");
        Map<String, Object> badUtf8 = events.event(request("POST", "/requests", "",
                Map.of("content-type", List.of("application/json")), bytes), match, claims(), "id");

        assertThat(binary).containsEntry("isBase64Encoded", true)
                .containsEntry("body", Base64.getEncoder().encodeToString(bytes));
        assertThat(badUtf8).containsEntry("isBase64Encoded", true);
    }

    @Test
    void event_shouldMoveCookiesOutOfTheHeaders() {
        RouteMatcher.Match match = new RouteMatcher.Match(new Route("GET", "/ca", "sign"), Map.of());

        Map<String, Object> event = events.event(request("GET", "/ca", "",
                Map.of("Cookie", List.of("a=1; b=2")), new byte[0]), match, claims(), "id");

        assertThat(event).containsEntry("cookies", List.of("a=1", "b=2"));
        assertThat(((Map<?, ?>) event.get("headers")).containsKey("cookie")).isFalse();
    }

    @Test
    void newRequestId_shouldLookLikeApiGateways() {
        assertThat(ApiGatewayEvents.newRequestId()).matches("[A-Za-z0-9+/]{14}==")
                .isNotEqualTo(ApiGatewayEvents.newRequestId());
    }
}
