package dev.airlock.app.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.airlock.app.http.ApiRequest;
import dev.airlock.app.http.ClaimsIdentity;
import dev.airlock.app.http.HttpFunction;
import dev.airlock.app.http.Responses;
import dev.airlock.app.json.CertificateJson;
import dev.airlock.core.api.Routes;
import dev.airlock.core.usecase.GetCaPublicKey;
import dev.airlock.core.usecase.IssueCertificate;
import dev.airlock.core.usecase.IssuedCertificate;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.role.Identity;

import java.util.Map;
import java.util.Optional;

/** {@code sign}: {@code POST /certificates} (issue a certificate) and {@code GET /ca} (the CA public key). */
public final class SignFunction extends HttpFunction {

    public SignFunction(ClaimsIdentity identities, IssueCertificate issueCertificate, GetCaPublicKey caPublicKey) {
        super(Routes.SIGN, identities, Map.of(
                "POST /certificates", (request, caller) -> issue(issueCertificate, request, caller),
                "GET /ca", (request, caller) -> Responses.text(200, caPublicKey.handle() + "\n")));
    }

    private static APIGatewayV2HTTPResponse issue(IssueCertificate useCase, ApiRequest request, Identity caller) {
        Body body = request.jsonBody(Body.class);
        if (body.publicKey() == null || body.publicKey().isBlank()) {
            throw new InvalidRequestException("public_key_required", "field 'publicKey' is required");
        }
        IssuedCertificate issued = useCase.handle(caller, body.publicKey(),
                Optional.ofNullable(body.requestId()));
        return Responses.json(201, CertificateJson.of(issued));
    }

    /** The body of {@code POST /certificates}; without {@code requestId} the caller's base roles only. */
    record Body(String publicKey, String requestId) {
    }
}
