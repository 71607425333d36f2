package dev.airlock.app.function;

import dev.airlock.app.testing.Events;
import dev.airlock.app.testing.FunctionsHarness;
import dev.airlock.app.testing.LambdaResponse;
import dev.airlock.core.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignFunctionTest {

    private final FunctionsHarness harness = FunctionsHarness.start();

    @AfterEach
    void close() {
        harness.close();
    }

    private String approvedRequest() {
        String id = harness.bobRequestsDba();
        LambdaResponse approved = harness.invoke("approve", Events.requestId(Events.load("review-approve.json"), id));
        assertThat(approved.json().get("state").asString()).isEqualTo("APPROVED");
        return id;
    }

    private static ObjectNode signEvent(String publicKey, String requestId) {
        String body = requestId == null
                ? "{\"publicKey\": \"" + publicKey + "\"}"
                : "{\"publicKey\": \"" + publicKey + "\", \"requestId\": \"" + requestId + "\"}";
        return Events.body(Events.load("sign-certificate.json"), body);
    }

    @Test
    void sign_forApprovedRequest_shouldIssueCertificateWithTheGrantedLogins() {
        String id = approvedRequest();

        LambdaResponse response = harness.invoke("sign", signEvent(TestKeys.ed25519PublicKeyLine(), id));

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactly("certificate", "serial", "keyId", "principals",
                "validAfter", "validBefore", "requestId");
        assertThat(body.get("certificate").asString()).startsWith("ssh-ed25519-cert-v01@openssh.com ");
        assertThat(body.get("principals").toString()).contains("\"dba\"");
        assertThat(body.get("requestId").asString()).isEqualTo(id);
        assertThat(Instant.parse(body.get("validBefore").asString()))
                .isAfter(Instant.parse(body.get("validAfter").asString()));
        assertThat(harness.airlock().store().find(id).orElseThrow().certificateSerials())
                .containsExactly(body.get("serial").asString());
    }

    @Test
    void sign_withoutRequestId_shouldIssueBaseRoleCertificate() {
        LambdaResponse response = harness.invoke("sign", signEvent(TestKeys.ed25519PublicKeyLine(), null));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("requestId").isNull()).isTrue();
        assertThat(response.json().get("principals").toString()).doesNotContain("\"dba\"");
    }

    @Test
    void sign_someoneElsesRequest_shouldBe403() {
        String id = approvedRequest();
        ObjectNode event = Events.claims(signEvent(TestKeys.ed25519PublicKeyLine(), id), "mallory", "[contractors]");

        LambdaResponse response = harness.invoke("sign", event);

        assertThat(response.status()).isEqualTo(403);
        assertThat(harness.airlock().store().find(id).orElseThrow().certificateSerials()).isEmpty();
    }

    @Test
    void sign_pendingRequest_shouldBe409() {
        String id = harness.bobRequestsDba();

        LambdaResponse response = harness.invoke("sign", signEvent(TestKeys.ed25519PublicKeyLine(), id));

        assertThat(response.status()).isEqualTo(409);
    }

    @Test
    void sign_afterAccessExpiry_shouldBeRefusedBeforeTheSweep() {
        String id = approvedRequest();
        harness.airlock().clock().advance(Duration.ofHours(3));

        LambdaResponse response = harness.invoke("sign", signEvent(TestKeys.ed25519PublicKeyLine(), id));

        assertThat(response.status()).isEqualTo(409);
        assertThat(harness.airlock().store().find(id).orElseThrow().certificateSerials()).isEmpty();
    }

    @Test
    void sign_badPublicKey_shouldBe400AndAuditNothing() {
        String id = approvedRequest();
        int auditRecords = harness.airlock().audit().size();

        LambdaResponse response = harness.invoke("sign", signEvent("ssh-dss AAAAB3NzaC1kc3MAAACBAP", id));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_public_key");
        assertThat(harness.airlock().audit().size()).isEqualTo(auditRecords);
    }

    @Test
    void sign_withoutPublicKey_shouldBe400() {
        LambdaResponse response = harness.invoke("sign",
                Events.body(Events.load("sign-certificate.json"), "{\"requestId\": null}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("public_key_required");
    }

    @Test
    void ca_shouldServeTheAuthorizedKeysLineAsText() {
        LambdaResponse response = harness.invoke("sign", "get-ca.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.body()).isEqualTo(harness.airlock().ca().authorizedKeysLine() + "\n");
    }
}
