package dev.airlock.app.function;

import dev.airlock.app.testing.Events;
import dev.airlock.app.testing.FunctionsHarness;
import dev.airlock.app.testing.LambdaResponse;
import dev.airlock.identity.testing.TestIssuer;
import dev.airlock.core.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /certificates} and {@code GET /me} through the {@code list} function as Lambda invokes it,
 * from real API Gateway v2 events ({@code list-certificates.json}, {@code get-me.json}).
 */
class CertificatesAndMeFunctionsTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();

    private final FunctionsHarness harness = FunctionsHarness.start();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void getCertificates_listsTheCallersOwn_revokedOnesMarked_othersNotListed() {
        String kept = sign(Events.load("sign-certificate.json"));
        String revoked = sign(Events.load("sign-certificate.json"));
        String alices = sign(Events.claims(Events.load("sign-certificate.json"), "alice", "[dba-reviewers]"));
        assertThat(harness.invoke("sign", revokeCertificate(revoked)).status()).isEqualTo(200);

        LambdaResponse response = harness.invoke("list", "list-certificates.json");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode items = response.json().get("items");
        assertThat(serials(items)).containsExactlyInAnyOrder(kept, revoked).doesNotContain(alices);
        JsonNode revokedItem = item(items, revoked);
        assertThat(revokedItem.get("revoked").asBoolean()).isTrue();
        assertThat(revokedItem.get("state").asString()).isEqualTo("REVOKED");
        JsonNode keptItem = item(items, kept);
        assertThat(keptItem.get("revoked").asBoolean()).isFalse();
        assertThat(keptItem.get("state").asString()).isEqualTo("VALID");
        assertThat(keptItem.get("principals").get(0).asString()).isEqualTo("contractor");
        assertThat(keptItem.get("roles").get(0).asString()).isEqualTo("contractor");
        assertThat(keptItem.get("requestId").isNull()).isTrue();
        assertThat(keptItem.get("validAfter").asString()).endsWith("Z");
        assertThat(response.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void getCertificates_leavesExpiredOnesOut_unlessIncludeExpired() {
        String old = sign(Events.load("sign-certificate.json"));
        harness.airlock().clock().advance(Duration.ofDays(1));
        String fresh = sign(Events.load("sign-certificate.json"));

        assertThat(serials(harness.invoke("list", "list-certificates.json").json().get("items")))
                .containsExactly(fresh);
        JsonNode all = harness.invoke("list", Events.query(Events.load("list-certificates.json"), "includeExpired",
                "true")).json().get("items");
        assertThat(serials(all)).containsExactly(fresh, old);
        assertThat(item(all, old).get("state").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void getCertificates_pagesWithSignedCursors() {
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            issued.add(sign(Events.load("sign-certificate.json")));
            harness.airlock().clock().advance(Duration.ofSeconds(1));
        }
        List<String> seen = new ArrayList<>();
        ObjectNode event = Events.query(Events.load("list-certificates.json"), "limit", "2");
        for (int pages = 0; pages < 5; pages++) {
            JsonNode page = harness.invoke("list", event).json();
            seen.addAll(serials(page.get("items")));
            if (page.get("nextCursor").isNull()) {
                break;
            }
            event = Events.query(event, "cursor", page.get("nextCursor").asString());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(issued).hasSize(3);
    }

    @Test
    void getCertificates_refusesAUserParameter_badIncludeExpired_andNoToken() {
        LambdaResponse other = harness.invoke("list", Events.query(Events.load("list-certificates.json"), "user", "alice"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().get("code").asString()).isEqualTo("invalid_query");
        LambdaResponse bad = harness.invoke("list", Events.query(Events.load("list-certificates.json"),
                "includeExpired", "yes"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).isEqualTo("application/problem+json");
        LambdaResponse cursor = harness.invoke("list", Events.query(Events.load("list-certificates.json"),
                "cursor", "bm90LWEtY3Vyc29y"));
        assertThat(cursor.json().get("code").asString()).isEqualTo("invalid_cursor");
        assertThat(harness.invoke("list", Events.withoutHeader(Events.load("list-certificates.json"), "authorization"))
                .status()).isEqualTo(401);
    }

    @Test
    void getMe_showsTheVerifiedCallersBaseRolesAndWhatTheyAllow() {
        LambdaResponse response = harness.invoke("list", "get-me.json");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode me = response.json();
        assertThat(me.get("user").asString()).isEqualTo("bob");
        assertThat(strings(me.get("groups"))).containsExactly("contractors");
        JsonNode role = me.get("baseRoles").get(0);
        assertThat(role.get("name").asString()).isEqualTo("contractor");
        assertThat(strings(role.get("logins"))).containsExactly("contractor");
        assertThat(role.get("maxSessionTtl").asString()).isEqualTo("8h");
        assertThat(role.get("maxRequestDuration").asString()).isEqualTo("4h");
        assertThat(strings(me.get("principals"))).containsExactly("contractor");
        assertThat(me.get("maxSessionTtl").asString()).isEqualTo("8h");
        assertThat(me.get("baseCertificate").asBoolean()).isTrue();
        assertThat(strings(me.get("requestableRoles"))).containsExactly("cluster-a", "dba", "sudo-admin");
        assertThat(strings(me.get("reviewableRoles"))).isEmpty();
    }

    @Test
    void getMe_readsTheTokenNotTheAuthorizersClaims() {
        ObjectNode event = Events.forgedClaims(Events.load("get-me.json"), "alice", "[dba-reviewers]");

        JsonNode me = harness.invoke("list", event).json();

        assertThat(me.get("user").asString()).isEqualTo("bob");
        assertThat(strings(me.get("reviewableRoles"))).isEmpty();
        assertThat(harness.invoke("list", Events.withoutHeader(event, "authorization")).status()).isEqualTo(401);
    }

    @Test
    void getMe_groupWithSpaces_isOneGroupThatMapsToNoRole() {
        ObjectNode event = Events.forgedClaims(Events.load("get-me.json"), "mallory", "[book club dba-reviewers]");
        Events.bearer(event, ISSUER.token("mallory", List.of("book club dba-reviewers")));

        JsonNode me = harness.invoke("list", event).json();

        assertThat(me.get("user").asString()).isEqualTo("mallory");
        assertThat(strings(me.get("groups"))).containsExactly("book club dba-reviewers");
        assertThat(me.get("baseRoles")).isEmpty();
        assertThat(strings(me.get("reviewableRoles"))).isEmpty();
        assertThat(me.get("baseCertificate").asBoolean()).isFalse();
    }

    private String sign(ObjectNode event) {
        Events.body(event, "{\"publicKey\": \"" + TestKeys.ed25519PublicKeyLine() + "\"}");
        LambdaResponse response = harness.invoke("sign", event);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("serial").asString();
    }

    private static ObjectNode revokeCertificate(String serial) {
        ObjectNode event = Events.load("revoke-certificate.json");
        String path = "/certificates/" + serial + "/revocation";
        event.put("rawPath", path);
        ((ObjectNode) event.get("requestContext").get("http")).put("path", path);
        event.putObject("pathParameters").put("serial", serial);
        return event;
    }

    private static List<String> serials(JsonNode items) {
        List<String> serials = new ArrayList<>();
        items.forEach(i -> serials.add(i.get("serial").asString()));
        return serials;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static JsonNode item(JsonNode items, String serial) {
        for (JsonNode item : items) {
            if (item.get("serial").asString().equals(serial)) {
                return item;
            }
        }
        throw new AssertionError("no certificate " + serial + " in " + items);
    }
}
