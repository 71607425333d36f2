package dev.airlock.bench.coldstart;

import dev.airlock.bench.LocalBackend;
import dev.airlock.bench.UserKeys;
import dev.airlock.bench.echo.EchoApplication;
import dev.airlock.core.api.Routes;
import dev.airlock.core.port.RoleCatalog;
import dev.airlock.core.usecase.NewRequest;
import dev.airlock.core.usecase.RequestAccess;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What each cold start invokes: every function with the event of its main route — the same calls a
 * user's first request after a deployment makes — and the echo baseline with the {@code request}
 * function's event. {@code approve} reviews a fresh PENDING request each time, made beforehand
 * through the request store.
 */
final class ColdStartTargets {

    static final String AIRLOCK_MAIN = "dev.airlock.app.AirlockApplication";
    static final String ECHO = EchoApplication.NAME;

    private ColdStartTargets() {
    }

    /** One measured program: which package, which Spring application and function, which event. */
    record Target(String name, LambdaTask task, String mainClass, String function, Supplier<byte[]> event) {

        boolean isBaseline() {
            return ECHO.equals(name);
        }
    }

    static List<Target> all(LambdaTask functions, LambdaTask echo, LocalBackend backend) {
        Clock clock = Clock.systemUTC();
        RoleCatalog catalog = backend.roleCatalog(clock);
        RequestAccess requests = new RequestAccess(backend.store(backend.dynamoDb(List.of()), clock), catalog, clock);
        String subjectKey = UserKeys.ed25519Line();
        return List.of(
                new Target(ECHO, echo, EchoApplication.class.getName(), ECHO, ColdStartTargets::requestEvent),
                new Target(Routes.REQUEST, functions, AIRLOCK_MAIN, Routes.REQUEST, ColdStartTargets::requestEvent),
                new Target(Routes.LIST, functions, AIRLOCK_MAIN, Routes.LIST, () -> ApiEvents.http("GET /requests",
                        "/requests", Map.of(), "alice", List.of("dba-reviewers"), null)),
                new Target(Routes.APPROVE, functions, AIRLOCK_MAIN, Routes.APPROVE, () -> approveEvent(
                        requests.handle(LocalBackend.identity(catalog, "bob", "contractors"),
                                NewRequest.of(List.of("dba"), "bench: cold start"), Optional.empty()).request().id())),
                new Target(Routes.SIGN, functions, AIRLOCK_MAIN, Routes.SIGN, () -> ApiEvents.http("POST /certificates",
                        "/certificates", Map.of(), "bob", List.of("contractors"),
                        ApiEvents.json(Map.of("publicKey", subjectKey)))),
                new Target(Routes.EXPIRE, functions, AIRLOCK_MAIN, Routes.EXPIRE, ApiEvents::scheduled));
    }

    private static byte[] requestEvent() {
        return ApiEvents.http("POST /requests", "/requests", Map.of(), "bob", List.of("contractors"),
                ApiEvents.json(Map.of("roles", List.of("dba"), "reason", "bench: cold start")));
    }

    private static byte[] approveEvent(String id) {
        return ApiEvents.http("POST /requests/{id}/reviews", "/requests/" + id + "/reviews", Map.of("id", id),
                "alice", List.of("dba-reviewers"), ApiEvents.json(Map.of("verdict", "APPROVE", "reason", "bench")));
    }
}
