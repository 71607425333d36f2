package dev.airlock.local;

import dev.airlock.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gateway in front of a stub function host that records what it is sent and answers a canned
 * Lambda result: what reaches a function, and what the caller gets back, without any AWS.
 */
class LocalGatewayTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-07T19:38:02Z"));
    private final List<String> invoked = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
    private volatile String cannedResult = "{\"statusCode\":201,\"headers\":{\"Content-Type\":\"application/json\","
            + "\"Location\":\"/requests/r1\"},\"body\":\"eyJvayI6dHJ1ZX0=\",\"isBase64Encoded\":true}";
    private LocalGateway gateway;
    private Api api;

    @BeforeEach
    void start() {
        FunctionHost stub = new FunctionHost() {
            @Override
            public byte[] invoke(String name, byte[] payload) {
                invoked.add(name);
                events.add(Api.JSON.readTree(payload));
                return cannedResult.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void close() {
            }
        };
        gateway = LocalGateway.start(0, stub, url -> DevTokenIssuer.inMemory(url, clock),
                DemoUsers.of(Map.of("bob", List.of("contractors"))), clock);
        api = new Api(gateway.url());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void aVerifiedRequest_reachesItsFunctionAsAV2Event_andTheV2ResponseIsWritten() {
        String token = api.token("bob");

        Api.Reply reply = api.post("/requests/r1/reviews?x=1", token, "application/json", "{\"verdict\":\"APPROVE\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body()).isEqualTo("{\"ok\":true}");
        assertThat(reply.header("Location")).contains("/requests/r1");
        assertThat(reply.header("apigw-requestid")).isPresent();
        assertThat(invoked).containsExactly("approve");
        JsonNode event = events.get(0);
        assertThat(event.path("routeKey").asString()).isEqualTo("POST /requests/{id}/reviews");
        assertThat(event.path("rawQueryString").asString()).isEqualTo("x=1");
        assertThat(event.path("pathParameters").path("id").asString()).isEqualTo("r1");
        assertThat(event.path("body").asString()).isEqualTo("{\"verdict\":\"APPROVE\"}");
        assertThat(event.path("requestContext").path("requestId").asString())
                .isEqualTo(reply.header("apigw-requestid").orElseThrow());
        assertThat(event.path("requestContext").path("timeEpoch").asLong()).isEqualTo(clock.millis());
        JsonNode claims = event.path("requestContext").path("authorizer").path("jwt").path("claims");
        assertThat(claims.path("sub").asString()).isEqualTo("bob");
        assertThat(claims.path("groups").asString()).isEqualTo("[contractors]");
        assertThat(claims.path("aud").asString()).isEqualTo("airlock-local");
        assertThat(claims.path("iss").asString()).isEqualTo(gateway.url() + "/dev");
        assertThat(event.path("headers").path("authorization").asString()).as("as API Gateway passes it")
                .startsWith("Bearer ");
    }

    @Test
    void refusedRequests_neverReachAFunction() {
        String token = api.token("bob");

        assertThat(api.getWithoutToken("/requests").isProblem(401)).isTrue();
        assertThat(api.get("/nowhere", token).isProblem(404)).isTrue();
        clock.advance(Duration.ofHours(2));
        assertThat(api.get("/requests", token).isProblem(401)).as("expired by now").isTrue();

        assertThat(invoked).isEmpty();
    }

    @Test
    void aFunctionResultThatIsNotAResponse_isA200JsonBody() {
        cannedResult = "{\"expired\":0}";

        Api.Reply reply = api.get("/ca", api.token("bob"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"expired\":0}");
    }

    /** Issue #12 finding 10: a dependency's outage must reach the client as 503 + Retry-After, so it retries. */
    @Test
    void aFunctions503WithRetryAfter_passesThroughUnchanged() {
        cannedResult = "{\"statusCode\":503,\"headers\":{\"Content-Type\":\"application/problem+json\","
                + "\"Retry-After\":\"1\"},\"body\":\"{\\\"title\\\":\\\"Service unavailable\\\",\\\"status\\\":503,\\\"code\\\":\\\"kms_unavailable\\\"}\"}";

        Api.Reply reply = api.post("/certificates", api.token("bob"), "application/json", "{}");

        assertThat(reply.isProblem(503)).isTrue();
        assertThat(reply.header("Retry-After")).contains("1");
        assertThat(reply.json().path("code").asString()).isEqualTo("kms_unavailable");
    }

    @Test
    void aFunctionThatFailsOutright_isA500WithOnlyACorrelationId() {
        cannedResult = "not json at all";

        Api.Reply reply = api.get("/ca", api.token("bob"));

        assertThat(reply.isProblem(500)).isTrue();
        assertThat(reply.json().path("correlationId").asString()).isEqualTo(reply.header("apigw-requestid").orElseThrow());
        assertThat(reply.body()).doesNotContain("not json");
    }

    @Test
    void devIssuer_mintsForDemoAndAnyUsers_andRefusesBadRequests() {
        JsonNode demo = api.send(HttpRequest.newBuilder(gateway.url().resolve("/dev/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"bob\",\"ttl\":\"30m\"}"))).json();
        JsonNode other = api.send(HttpRequest.newBuilder(gateway.url().resolve("/dev/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"reviewer-7\",\"groups\":[\"dba-reviewers\"]}"))).json();

        assertThat(demo.path("groups").toString()).isEqualTo("[\"contractors\"]");
        assertThat(demo.path("expiresIn").asLong()).isEqualTo(1800);
        assertThat(other.path("groups").toString()).isEqualTo("[\"dba-reviewers\"]");
        for (String bad : List.of("{}", "{\"user\":\"a b\"}", "{\"user\":\"bob\",\"ttl\":\"forever\"}",
                "{\"user\":\"bob\",\"ttl\":\"48h\"}", "{\"user\":\"bob\",\"groups\":\"x\"}", "{\"user\":\"bob\",\"admin\":true}",
                "[1]", "{")) {
            Api.Reply reply = api.send(HttpRequest.newBuilder(gateway.url().resolve("/dev/token"))
                    .POST(HttpRequest.BodyPublishers.ofString(bad)));
            assertThat(reply.isProblem(400)).as(bad + " -> " + reply).isTrue();
        }
        Api.Reply jwks = api.send(HttpRequest.newBuilder(gateway.url().resolve("/dev/jwks.json")).GET());
        assertThat(jwks.json().path("keys").get(0).path("kty").asString()).isEqualTo("EC");
        assertThat(jwks.json().path("keys").get(0).has("d")).isFalse();
        Api.Reply discovery = api.send(HttpRequest.newBuilder(gateway.url().resolve("/dev/.well-known/openid-configuration")).GET());
        assertThat(discovery.json().path("jwks_uri").asString()).isEqualTo(gateway.url() + "/dev/jwks.json");
    }

    @Test
    void start_shouldSayWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            FunctionHost none = new FunctionHost() {
                @Override
                public byte[] invoke(String name, byte[] payload) {
                    throw new AssertionError("not called");
                }

                @Override
                public void close() {
                }
            };
            assertThatThrownBy(() -> LocalGateway.start(taken.getLocalPort(), none,
                    url -> DevTokenIssuer.inMemory(url, clock), DemoUsers.of(Map.of()), clock))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("--port");
        }
    }
}
