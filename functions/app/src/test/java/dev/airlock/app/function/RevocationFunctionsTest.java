package dev.airlock.app.function;

import dev.airlock.app.testing.Events;
import dev.airlock.app.testing.FunctionsHarness;
import dev.airlock.app.testing.LambdaResponse;
import dev.airlock.core.testing.TestKeys;
import dev.airlock.ssh.Krl;
import dev.airlock.ssh.KrlCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /requests/{id}/revocation}, {@code POST /certificates/{serial}/revocation} and the
 * public {@code GET /krl} and {@code GET /ca}, through the functions as Lambda invokes them.
 */
class RevocationFunctionsTest {

    private final FunctionsHarness harness = FunctionsHarness.start();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void getKrl_withoutAnyToken_servesTheKrlOfTheCa() {
        LambdaResponse response = harness.invoke("sign", "get-krl-anonymous.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(response.header("ETag")).isEqualTo("\"krl-0\"");
        assertThat(response.raw().get("isBase64Encoded").asBoolean()).isTrue();
        Krl krl = krl(response);
        assertThat(krl.version()).isZero();
        assertThat(krl.serialCount()).isZero();
    }

    @Test
    void getCa_withoutAnyToken_isServed() {
        LambdaResponse response = harness.invoke("sign", "get-ca-anonymous.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().trim()).isEqualTo(harness.airlock().ca().authorizedKeysLine());
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=60");
    }

    @Test
    void revokeRequest_byTheRequester_revokesItsCertificates_andSigningStops() {
        String id = approvedRequest();
        String serial = sign(id);

        LambdaResponse revoked = harness.invoke("approve", Events.requestId(Events.load("revoke-request.json"), id));

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("state").asString()).isEqualTo("REVOKED");
        Krl krl = krl(harness.invoke("sign", "get-krl-anonymous.json"));
        assertThat(krl.version()).isEqualTo(1);
        assertThat(krl.revokesSerial(harness.airlock().ca().publicKey(), Long.parseUnsignedLong(serial))).isTrue();
        assertThat(harness.invoke("sign", signEvent(id)).status()).isEqualTo(409);
    }

    @Test
    void revokeRequest_byAReviewerWithoutReason_is400_andChangesNothing() {
        String id = approvedRequest();
        ObjectNode event = Events.claims(Events.body(Events.requestId(Events.load("revoke-request.json"), id), "{}"),
                "alice", "[dba-reviewers]");

        LambdaResponse response = harness.invoke("approve", event);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("reason_required");
        assertThat(harness.airlock().store().find(id).orElseThrow().state().name()).isEqualTo("APPROVED");
    }

    @Test
    void revokeRequest_withoutAToken_is401() {
        String id = approvedRequest();
        ObjectNode event = Events.withoutHeader(Events.requestId(Events.load("revoke-request.json"), id),
                "authorization");

        assertThat(harness.invoke("approve", event).status()).isEqualTo(401);
    }

    @Test
    void revokeCertificate_baseRoleCertificateByItsHolder_isListedInTheKrl() {
        String serial = sign(null);

        LambdaResponse response = harness.invoke("sign", revokeCertificate(serial));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("serial").asString()).isEqualTo(serial);
        assertThat(response.json().get("revoked").asBoolean()).isTrue();
        Krl krl = krl(harness.invoke("sign", "get-krl-anonymous.json"));
        assertThat(krl.revokesSerial(harness.airlock().ca().publicKey(), Long.parseUnsignedLong(serial))).isTrue();
        assertThat(harness.invoke("sign", revokeCertificate(serial)).json().get("code").asString())
                .isEqualTo("already_revoked");
    }

    @Test
    void revokeCertificate_unknownOrMalformedSerial_is404Or400() {
        assertThat(harness.invoke("sign", revokeCertificate("987654321")).status()).isEqualTo(404);
        LambdaResponse malformed = harness.invoke("sign", revokeCertificate("12abc"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("invalid_serial");
    }

    private String approvedRequest() {
        String id = harness.bobRequestsDba();
        LambdaResponse approved = harness.invoke("approve", Events.requestId(Events.load("review-approve.json"), id));
        assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");
        return id;
    }

    private String sign(String requestId) {
        LambdaResponse response = harness.invoke("sign", signEvent(requestId));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("serial").asString();
    }

    private static ObjectNode signEvent(String requestId) {
        String key = TestKeys.ed25519PublicKeyLine();
        String body = requestId == null ? "{\"publicKey\": \"" + key + "\"}"
                : "{\"publicKey\": \"" + key + "\", \"requestId\": \"" + requestId + "\"}";
        return Events.body(Events.load("sign-certificate.json"), body);
    }

    private static ObjectNode revokeCertificate(String serial) {
        ObjectNode event = Events.load("revoke-certificate.json");
        String path = "/certificates/" + serial + "/revocation";
        event.put("rawPath", path);
        ((ObjectNode) event.get("requestContext").get("http")).put("path", path);
        event.putObject("pathParameters").put("serial", serial);
        return event;
    }

    private Krl krl(LambdaResponse response) {
        assertThat(response.status()).isEqualTo(200);
        return KrlCheck.requireUsable(Base64.getDecoder().decode(response.body()), harness.airlock().ca().publicKey());
    }
}
