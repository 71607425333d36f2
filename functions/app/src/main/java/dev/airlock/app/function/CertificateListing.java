package dev.airlock.app.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.airlock.app.http.ApiRequest;
import dev.airlock.app.http.Responses;
import dev.airlock.app.json.ListedCertificateJson;
import dev.airlock.core.port.PageRequest;
import dev.airlock.core.usecase.ListCertificates;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.role.Identity;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /certificates[?includeExpired=true][&limit=N][&cursor=C]}: the caller's own certificates.
 * Any other query parameter (a {@code user}, say) is refused rather than ignored, so nobody reads an
 * answer as being about someone else.
 */
final class CertificateListing {

    private static final Set<String> PARAMETERS = Set.of("includeExpired", "limit", "cursor");

    private final ListCertificates useCase;

    CertificateListing(ListCertificates useCase) {
        this.useCase = Objects.requireNonNull(useCase, "useCase");
    }

    APIGatewayV2HTTPResponse handle(ApiRequest request, Identity caller) {
        for (String name : request.query().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidRequestException("invalid_query", "GET /certificates lists your own certificates; "
                        + "it takes only includeExpired, limit and cursor");
            }
        }
        PageRequest page = new PageRequest(ListFunction.limit(request),
                request.query("cursor").filter(c -> !c.isBlank()));
        return Responses.json(200, ListedCertificateJson.page(useCase.list(caller, includeExpired(request), page)));
    }

    private static boolean includeExpired(ApiRequest request) {
        Optional<String> text = request.query("includeExpired");
        if (text.isEmpty() || text.get().equals("false")) {
            return false;
        }
        if (text.get().equals("true")) {
            return true;
        }
        throw new InvalidRequestException("invalid_query", "query parameter 'includeExpired' must be true or false");
    }
}
