package dev.airlock.app.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.airlock.app.http.ApiRequest;
import dev.airlock.app.http.ClaimsIdentity;
import dev.airlock.app.http.HttpFunction;
import dev.airlock.app.http.Responses;
import dev.airlock.app.json.CertificateJson;
import dev.airlock.core.api.Routes;
import dev.airlock.core.usecase.GetCaPublicKey;
import dev.airlock.core.port.IssuedCertificateRecord;
import dev.airlock.core.usecase.BuildKrl;
import dev.airlock.core.usecase.IssueCertificate;
import dev.airlock.core.usecase.RevokeCertificate;
import dev.airlock.core.usecase.IssuedCertificate;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.role.Identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sign}: {@code POST /certificates} (issue a certificate), {@code POST
 * /certificates/{serial}/revocation} (revoke one), and the public {@code GET /ca} (the CA public key)
 * and {@code GET /krl} (the OpenSSH KRL of revoked, unexpired certificates).
 */
public final class SignFunction extends HttpFunction {

    /** The KRL's media type: binary, as sshd's {@code RevokedKeys} reads it. */
    public static final String KRL_CONTENT_TYPE = "application/octet-stream";

    public SignFunction(ClaimsIdentity identities, IssueCertificate issueCertificate, GetCaPublicKey caPublicKey,
                        RevokeCertificate revokeCertificate, BuildKrl buildKrl) {
        super(Routes.SIGN, identities, Map.of(
                "POST /certificates", (request, caller) -> issue(issueCertificate, request, caller),
                "POST /certificates/{serial}/revocation", (request, caller) -> revoke(revokeCertificate, request, caller),
                "GET /ca", (request, caller) -> Responses.of(200, Responses.TEXT, caPublicKey.handle() + "\n",
                        Responses.publicCache()),
                "GET /krl", (request, caller) -> krl(buildKrl)));
    }

    private static APIGatewayV2HTTPResponse revoke(RevokeCertificate useCase, ApiRequest request, Identity caller) {
        ReasonBody body = request.jsonBody(ReasonBody.class);
        IssuedCertificateRecord revoked = useCase.handle(caller, request.pathParam("serial"), body.reason());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("serial", revoked.serial());
        json.put("holder", revoked.holder());
        revoked.requestId().ifPresent(id -> json.put("requestId", id));
        json.put("validBefore", revoked.validBefore().toString());
        json.put("revoked", true);
        return Responses.json(200, json);
    }

    private static APIGatewayV2HTTPResponse krl(BuildKrl useCase) {
        BuildKrl.Result krl = useCase.handle();
        Map<String, String> headers = new LinkedHashMap<>(Responses.publicCache());
        headers.put("ETag", "\"krl-" + Long.toUnsignedString(krl.version()) + "\"");
        headers.put("Content-Disposition", "attachment; filename=\"revoked_keys\"");
        return Responses.binary(200, KRL_CONTENT_TYPE, krl.bytes(), headers);
    }

    /** The body of a revocation: {@code {"reason": "..."}}, the body itself optional. */
    record ReasonBody(String reason) {
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
