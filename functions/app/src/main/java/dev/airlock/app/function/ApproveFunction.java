package dev.airlock.app.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.airlock.app.http.ApiRequest;
import dev.airlock.app.http.ClaimsIdentity;
import dev.airlock.app.http.HttpFunction;
import dev.airlock.app.http.Responses;
import dev.airlock.app.json.RequestJson;
import dev.airlock.core.api.Routes;
import dev.airlock.core.usecase.ReviewRequest;
import dev.airlock.core.usecase.RevokeRequest;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.Verdict;
import dev.airlock.domain.role.Identity;

import java.time.Clock;
import java.util.Map;

/**
 * {@code approve}: {@code POST /requests/{id}/reviews} — approve or deny with a reason — and
 * {@code POST /requests/{id}/revocation} — end an approved request early, revoking its certificates.
 */
public final class ApproveFunction extends HttpFunction {

    public ApproveFunction(ClaimsIdentity identities, ReviewRequest reviewRequest, RevokeRequest revokeRequest,
                           Clock clock) {
        super(Routes.APPROVE, identities, Map.of(
                "POST /requests/{id}/reviews", (request, caller) -> review(reviewRequest, clock, request, caller),
                "POST /requests/{id}/revocation", (request, caller) -> revoke(revokeRequest, clock, request, caller)));
    }

    private static APIGatewayV2HTTPResponse revoke(RevokeRequest useCase, Clock clock, ApiRequest request,
                                                   Identity caller) {
        RevocationBody body = request.jsonBody(RevocationBody.class);
        AccessRequest revoked = useCase.handle(caller, request.pathParam("id"), body.reason());
        return Responses.json(200, RequestJson.of(revoked, clock.instant()));
    }

    /** The body of a revocation: {@code {"reason": "..."}}; the reason is required for reviewers. */
    record RevocationBody(String reason) {
    }

    private static APIGatewayV2HTTPResponse review(ReviewRequest useCase, Clock clock, ApiRequest request,
                                                   Identity caller) {
        Body body = request.jsonBody(Body.class);
        AccessRequest reviewed = useCase.handle(caller, request.pathParam("id"), verdict(body.verdict()),
                body.reason());
        return Responses.json(200, RequestJson.of(reviewed, clock.instant()));
    }

    private static Verdict verdict(String text) {
        if (text == null) {
            throw new InvalidRequestException("verdict_required", "field 'verdict' must be APPROVE or DENY");
        }
        try {
            return Verdict.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_verdict", "field 'verdict' must be APPROVE or DENY");
        }
    }

    /** The body of a review: {@code {"verdict": "APPROVE" | "DENY", "reason": "..."}}. */
    record Body(String verdict, String reason) {
    }
}
