package dev.airlock.app.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.airlock.app.http.ApiRequest;
import dev.airlock.app.http.ClaimsIdentity;
import dev.airlock.app.http.HttpFunction;
import dev.airlock.app.http.Responses;
import dev.airlock.app.json.Durations;
import dev.airlock.app.json.RequestJson;
import dev.airlock.core.api.Routes;
import dev.airlock.core.usecase.NewRequest;
import dev.airlock.core.usecase.RequestAccess;
import dev.airlock.core.usecase.WithdrawRequest;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.role.Identity;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** {@code request}: {@code POST /requests} (create) and {@code DELETE /requests/{id}} (withdraw). */
public final class RequestFunction extends HttpFunction {

    /** The response header that marks an idempotent replay (docs/API.md). */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    public RequestFunction(ClaimsIdentity identities, RequestAccess requestAccess, WithdrawRequest withdrawRequest,
                           Clock clock) {
        super(Routes.REQUEST, identities, Map.of(
                "POST /requests", (request, caller) -> create(requestAccess, clock, request, caller),
                "DELETE /requests/{id}", (request, caller) -> withdraw(withdrawRequest, clock, request, caller)));
    }

    private static APIGatewayV2HTTPResponse create(RequestAccess useCase, Clock clock, ApiRequest request,
                                                   Identity caller) {
        Body body = request.jsonBody(Body.class);
        NewRequest command = new NewRequest(body.roles(), body.reason(),
                Durations.parse("pendingTtl", body.pendingTtl()),
                Durations.parse("accessDuration", body.accessDuration()));
        RequestAccess.Created created = useCase.handle(caller, command, request.header(IDEMPOTENCY_KEY_HEADER));
        RequestJson.View view = RequestJson.forRequester(created.request(), clock.instant(), created.guidance());
        if (created.replayed()) {
            return Responses.json(200, view, Map.of(REPLAYED_HEADER, "true"));
        }
        return Responses.json(201, view, Map.of("Location", "/requests/" + view.id()));
    }

    private static APIGatewayV2HTTPResponse withdraw(WithdrawRequest useCase, Clock clock, ApiRequest request,
                                                     Identity caller) {
        AccessRequest withdrawn = useCase.handle(caller, request.pathParam("id"));
        return Responses.json(200, RequestJson.of(withdrawn, clock.instant()));
    }

    /** The body of {@code POST /requests}; {@code pendingTtl} and {@code accessDuration} in Go syntax. */
    record Body(List<String> roles, String reason, String pendingTtl, String accessDuration) {
    }
}
