package dev.airlock.bench.warm;

import dev.airlock.core.config.EnvironmentNames;
import dev.airlock.app.LocalFunctions;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.bench.LocalBackend;
import dev.airlock.bench.Progress;
import dev.airlock.bench.UserKeys;
import dev.airlock.local.DemoUsers;
import dev.airlock.local.DevTokenIssuer;
import dev.airlock.local.LocalGateway;
import dev.airlock.local.SpringFunctionHost;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.core.usecase.NewRequest;
import dev.airlock.core.usecase.RequestAccess;
import dev.airlock.domain.role.Identity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Warm latency per route through the local gateway — JWT verification, the API Gateway v2 event, the
 * function bean through the Lambda wire format, DynamoDB and KMS on the embedded endpoints — one call
 * at a time over keep-alive HTTP on 127.0.0.1, every function warmed first. The function's own
 * overhead is the invocation's time minus its AWS SDK calls ({@link TimingFunctionHost},
 * {@link BackendTimer}). Each route's calls use requests made by the earlier routes: every POST makes
 * a request, which is then approved and signed for; the requests withdrawn are made in-process.
 */
public final class WarmBench {

    private static final int USERS = 50;
    private static final Duration TOKEN_TTL = Duration.ofHours(2);

    private final int calls;
    private final int warmup;
    private final Progress progress;

    public WarmBench(int calls, int warmup, Progress progress) {
        this.calls = calls;
        this.warmup = warmup;
        this.progress = progress;
    }

    public Map<String, Object> run() {
        Clock clock = Clock.systemUTC();
        TimingFunctionHost[] host = new TimingFunctionHost[1];
        try (LocalBackend backend = LocalBackend.start("ECC_NIST_P256");
             // The functions verify tokens themselves: they trust the gateway's development issuer.
             LocalGateway gateway = LocalGateway.startFor(0, issuer -> host[0] = new TimingFunctionHost(
                     new SpringFunctionHost(LocalFunctions.start(AirlockConfig.local(Map.of(
                             EnvironmentNames.ENDPOINT_URL, backend.endpoint().toString(),
                             EnvironmentNames.JWT_ISSUER, issuer.issuer(),
                             EnvironmentNames.JWT_AUDIENCE, issuer.audience())), clock))),
                     url -> DevTokenIssuer.inMemory(url, clock), DemoUsers.of(Map.of()), clock)) {
            try {
                List<String> toWithdraw = pendingRequests(backend, clock, warmup + calls);
                return measure(new ApiClient(gateway.url()), host[0], gateway.issuer(), toWithdraw);
            } finally {
                host[0].close();
            }
        }
    }

    /** Requests for the withdraw route, made in-process (request {@code i} belongs to {@code user(i % USERS)}). */
    private static List<String> pendingRequests(LocalBackend backend, Clock clock, int count) {
        RoleCatalog catalog = backend.roleCatalog(clock);
        List<Identity> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            users.add(LocalBackend.identity(catalog, user(u), "contractors"));
        }
        try (DynamoDbClient client = backend.dynamoDb(List.of())) {
            RequestAccess requests = new RequestAccess(backend.store(client, clock), catalog, clock);
            NewRequest command = NewRequest.of(List.of("dba"), "bench: to withdraw");
            // A few writer threads: these are set-up, not measurements.
            return IntStream.range(0, count).parallel()
                    .mapToObj(i -> requests.handle(users.get(i % USERS), command, Optional.empty()).request().id())
                    .toList();
        }
    }

    private Map<String, Object> measure(ApiClient client, TimingFunctionHost host, DevTokenIssuer issuer,
                                        List<String> toWithdraw) {
        String reviewer = issuer.mint("alice", List.of("dba-reviewers"), TOKEN_TTL);
        List<String> tokens = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            tokens.add(issuer.mint(user(u), List.of("contractors"), TOKEN_TTL));
        }
        int perRoute = warmup + calls;
        String create = ApiClient.json(Map.of("roles", List.of("dba"), "reason", "bench: warm latency"));
        String review = ApiClient.json(Map.of("verdict", "APPROVE", "reason", "bench"));
        String publicKey = UserKeys.ed25519Line();
        List<String> ids = new ArrayList<>();
        Map<String, Object> routes = new LinkedHashMap<>();
        RouteRecorder recorder = new RouteRecorder(client, host, warmup);
        routes.put("POST /requests", recorder.route("POST /requests", perRoute, i -> {
            ApiClient.Reply reply = client.call("POST", "/requests", tokens.get(i % USERS), create, 201);
            ids.add(reply.json().get("id").asText());
            return reply;
        }, progress));
        routes.put("POST /requests/{id}/reviews", recorder.route("POST /requests/{id}/reviews", perRoute, i ->
                client.call("POST", "/requests/" + ids.get(i) + "/reviews", reviewer, review, 200), progress));
        routes.put("DELETE /requests/{id}", recorder.route("DELETE /requests/{id}", perRoute, i ->
                client.call("DELETE", "/requests/" + toWithdraw.get(i), tokens.get(i % USERS), null, 200), progress));
        routes.put("POST /certificates", recorder.route("POST /certificates", perRoute, i ->
                client.call("POST", "/certificates", tokens.get(i % USERS), ApiClient.json(
                        Map.of("publicKey", publicKey, "requestId", ids.get(i))), 201), progress));
        routes.put("GET /requests", recorder.route("GET /requests", perRoute, i ->
                client.call("GET", "/requests", reviewer, null, 200), progress));
        routes.put("GET /requests/{id}", recorder.route("GET /requests/{id}", perRoute, i ->
                client.call("GET", "/requests/" + ids.get(i), tokens.get(i % USERS), null, 200), progress));
        routes.put("GET /ca", recorder.route("GET /ca", perRoute, i ->
                client.call("GET", "/ca", tokens.get(i % USERS), null, 200), progress));
        return routes;
    }

    static String user(int n) {
        return String.format("warm-%02d", n);
    }
}
