package dev.airlock.app.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.http.ApiRequest;
import dev.airlock.app.http.ClaimsIdentity;
import dev.airlock.app.http.HttpFunction;
import dev.airlock.app.http.Responses;
import dev.airlock.app.json.AuditJson;
import dev.airlock.app.json.CallerProfileJson;
import dev.airlock.app.json.RequestJson;
import dev.airlock.core.api.Routes;
import dev.airlock.core.port.Page;
import dev.airlock.core.port.PageRequest;
import dev.airlock.core.usecase.DescribeCaller;
import dev.airlock.core.usecase.ListCertificates;
import dev.airlock.core.usecase.ListRequests;
import dev.airlock.core.usecase.ReadRequestAudit;
import dev.airlock.core.usecase.RequestFilter;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.domain.role.Identity;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * {@code list}, the read side: {@code GET /requests} (filtered, paginated), {@code GET /requests/{id}},
 * its audit chain {@code GET /requests/{id}/audit}, {@code GET /certificates} (the caller's own),
 * {@code GET /me} (who the caller is to Airlock), and the public {@code GET /.well-known/airlock}
 * (the CLI's sign-in settings).
 */
public final class ListFunction extends HttpFunction {

    /** @param config the deployment's sign-in settings, for the public {@code GET /.well-known/airlock} */
    public ListFunction(ClaimsIdentity identities, ListRequests listRequests, ReadRequestAudit readAudit,
                        ListCertificates listCertificates, DescribeCaller describeCaller, Clock clock,
                        AirlockConfig config) {
        this(identities, listRequests, readAudit, new CertificateListing(listCertificates), describeCaller, clock,
                new WellKnownAirlock(config));
    }

    private ListFunction(ClaimsIdentity identities, ListRequests listRequests, ReadRequestAudit readAudit,
                         CertificateListing certificates, DescribeCaller describeCaller, Clock clock,
                         WellKnownAirlock wellKnown) {
        super(Routes.LIST, identities, Map.of(
                "GET /.well-known/airlock", (request, caller) -> Responses.json(200, wellKnown.get(), Responses.publicCache()),
                "GET /requests", (request, caller) -> list(listRequests, clock, request, caller),
                "GET /requests/{id}", (request, caller) -> Responses.json(200,
                        RequestJson.of(listRequests.get(caller, request.pathParam("id")), clock.instant())),
                "GET /requests/{id}/audit", (request, caller) -> Responses.json(200,
                        AuditJson.of(readAudit.read(caller, request.pathParam("id")))),
                "GET /certificates", certificates::handle,
                "GET /me", (request, caller) -> Responses.json(200,
                        CallerProfileJson.of(describeCaller.describe(caller)))));
    }

    private static APIGatewayV2HTTPResponse list(ListRequests useCase, Clock clock, ApiRequest request,
                                                 Identity caller) {
        if (reviewDue(request)) {
            return Responses.json(200, RequestJson.page(useCase.reviewDue(caller), clock.instant()));
        }
        RequestFilter filter = new RequestFilter(state(request), request.query("user").filter(u -> !u.isBlank()));
        PageRequest page = new PageRequest(limit(request), request.query("cursor").filter(c -> !c.isBlank()));
        Page<AccessRequest> result = useCase.list(caller, filter, page);
        return Responses.json(200, RequestJson.page(result, clock.instant()));
    }

    /** {@code reviewDue=true} lists outstanding break-glass post-reviews; it takes no other filter. */
    private static boolean reviewDue(ApiRequest request) {
        Optional<String> text = request.query("reviewDue");
        if (text.isEmpty() || text.get().equals("false")) {
            return false;
        }
        if (!text.get().equals("true")) {
            throw new InvalidRequestException("invalid_query", "query parameter 'reviewDue' must be true or false");
        }
        if (request.query("state").isPresent() || request.query("user").isPresent()
                || request.query("cursor").isPresent()) {
            throw new InvalidRequestException("invalid_query", "reviewDue=true takes no state, user or cursor");
        }
        return true;
    }

    private static Optional<RequestState> state(ApiRequest request) {
        Optional<String> text = request.query("state");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RequestState.valueOf(text.get()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_query",
                    "query parameter 'state' must be one of " + Arrays.toString(RequestState.values()));
        }
    }

    /** {@code limit}: the page size, {@link PageRequest#DEFAULT_SIZE} when absent. */
    static int limit(ApiRequest request) {
        Optional<String> text = request.query("limit");
        if (text.isEmpty()) {
            return PageRequest.DEFAULT_SIZE;
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit >= 1 && limit <= PageRequest.MAX_SIZE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequestException("invalid_query",
                "query parameter 'limit' must be a whole number from 1 to " + PageRequest.MAX_SIZE);
    }
}
