package dev.airlock.local;

import dev.airlock.ssh.testing.ExternalCommand;
import dev.airlock.ssh.testing.SshKeygen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind is refused with a 4xx problem+json — never a 500 — and changes nothing:
 * both tables (the audit table above all) hold exactly the same items before and after.
 */
class BadInputIT {

    private static LocalAirlockFixture local;
    private static Api api;
    private static String pendingId;
    private static Path keys;

    @BeforeAll
    static void start() throws Exception {
        local = LocalAirlockFixture.start(Clock.systemUTC());
        api = local.api();
        pendingId = api.createRequest(api.token("bob"), List.of("dba"), "INC-2: for the review cases");
        keys = Files.createTempDirectory("airlock-bad-input");
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    /** One bad request: who sends it, where, with what content type and body, and the status expected. */
    record Case(String name, String user, String method, String path, String contentType, byte[] body, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case post(String name, String user, String path, String contentType, String body, int status) {
        return new Case(name, user, "POST", path, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                status);
    }

    static Stream<Arguments> cases() {
        String json = "application/json";
        String valid = "{\"roles\":[\"dba\"],\"reason\":\"INC-3\"}";
        String reviews = "/requests/" + pendingId + "/reviews";
        return Stream.of(
                post("malformed JSON", "bob", "/requests", json, "{\"roles\": [\"dba\"", 400),
                post("JSON but not an object", "bob", "/requests", json, "\"dba\"", 400),
                post("two JSON values", "bob", "/requests", json, valid + valid, 400),
                post("empty body", "bob", "/requests", json, "", 400),
                post("wrong content type", "bob", "/requests", "text/plain", valid, 400),
                post("form content type", "bob", "/requests", "application/x-www-form-urlencoded", valid, 400),
                post("no content type", "bob", "/requests", null, valid, 400),
                post("JSON with a latin-1 charset", "bob", "/requests", "application/json; charset=iso-8859-1", valid, 400),
                post("body over 64 KiB", "bob", "/requests", json,
                        "{\"roles\":[\"dba\"],\"reason\":\"" + "x".repeat(70 * 1024) + "\"}", 400),
                new Case("body not UTF-8", "bob", "POST", "/requests", json,
                        new byte[]{'{', '"', 'r', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, 400),
                post("unknown field", "bob", "/requests", json,
                        "{\"roles\":[\"dba\"],\"reason\":\"INC-3\",\"user\":\"alice\"}", 400),
                post("unknown role", "bob", "/requests", json, "{\"roles\":[\"superuser\"],\"reason\":\"INC-3\"}", 403),
                post("no roles", "bob", "/requests", json, "{\"roles\":[],\"reason\":\"INC-3\"}", 400),
                post("roles not a list", "bob", "/requests", json, "{\"roles\":\"dba\",\"reason\":\"INC-3\"}", 400),
                post("reason missing where required", "bob", "/requests", json, "{\"roles\":[\"dba\"]}", 400),
                post("bad duration", "bob", "/requests", json,
                        "{\"roles\":[\"dba\"],\"reason\":\"INC-3\",\"accessDuration\":\"forever\"}", 400),
                post("duration over policy", "bob", "/requests", json,
                        "{\"roles\":[\"dba\"],\"reason\":\"INC-3\",\"accessDuration\":\"100h\"}", 400),
                post("verdict not APPROVE or DENY", "alice", reviews, json, "{\"verdict\":\"MAYBE\",\"reason\":\"?\"}", 400),
                post("verdict missing", "alice", reviews, json, "{\"reason\":\"?\"}", 400),
                post("public key garbage", "bob", "/certificates", json, "{\"publicKey\":\"ssh-ed25519 AAAA\"}", 400),
                post("public key of an unsupported type", "bob", "/certificates", json,
                        "{\"publicKey\":\"ssh-dss AAAAB3NzaC1kc3MAAACBAP0=\"}", 400),
                post("public key missing", "bob", "/certificates", json, "{}", 400),
                post("request id not a UUID", "bob", "/certificates", json,
                        "{\"publicKey\":\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\","
                                + "\"requestId\":\"../../etc\"}", 404),
                new Case("page size out of range", "bob", "GET", "/requests?limit=1000", null, new byte[0], 400),
                new Case("unknown state filter", "bob", "GET", "/requests?state=SLEEPING", null, new byte[0], 400),
                new Case("forged cursor", "bob", "GET", "/requests?cursor=eyJmYWtlIjp0cnVlfQ", null, new byte[0], 400))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInput_isRefusedWithAProblemAndChangesNothing(Case bad) {
        String token = api.token(bad.user());
        TableSnapshot auditBefore = local.audit();
        TableSnapshot requestsBefore = local.requests();

        HttpRequest.Builder request = api.authorized(bad.path(), token)
                .method(bad.method(), bad.body().length == 0 && bad.method().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
        if (bad.contentType() != null) {
            request.header("Content-Type", bad.contentType());
        }
        Api.Reply reply = api.send(request);

        assertThat(reply.isProblem(bad.status())).as(reply.toString()).isTrue();
        assertThat(reply.json().path("detail").asString()).isNotBlank();
        assertThat(local.audit()).isEqualTo(auditBefore);
        assertThat(local.requests()).isEqualTo(requestsBefore);
    }

    /**
     * A path or query that is not valid percent-encoding is refused with a 400 before any function
     * runs. Escapes that are not hex ({@code %ZZ}) never reach the gateway's code: the JDK's HTTP
     * server refuses to parse the request target and answers its own plain 400.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"/requests?state=%ZZ, false", "/requests/%ZZ, false",
            "/requests/%C3%28, true", "/requests?user=%C3%28, true"})
    void brokenPercentEscapes_are400(String target, boolean problemJson) {
        String bob = api.token("bob");
        TableSnapshot auditBefore = local.audit();

        Api.Reply reply = api.rawGet(target, bob);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        if (problemJson) {
            assertThat(reply.isProblem(400)).as(reply.toString()).isTrue();
        }
        assertThat(local.audit()).isEqualTo(auditBefore);
        assertThat(api.rawGet("/requests?state=PENDING", bob).status()).as("control").isEqualTo(200);
    }

    /**
     * A JSON array body stays a body: Spring Cloud Function used to put it in a "payload" header and
     * apply the function to each element (a 500 here as in Lambda); the HTTP functions now take the raw
     * event (airlock-functions' RawEventFunction).
     */
    @Test
    void jsonArrayBody_isA400() {
        TableSnapshot auditBefore = local.audit();
        TableSnapshot requestsBefore = local.requests();

        Api.Reply reply = api.postJson("/requests", api.token("bob"), "[\"dba\"]");

        assertThat(reply.isProblem(400)).as(reply.toString()).isTrue();
        assertThat(local.audit()).isEqualTo(auditBefore);
        assertThat(local.requests()).isEqualTo(requestsBefore);
    }

    @Test
    void weakOrBrokenPublicKeysFromSshKeygen_areRefused() throws Exception {
        ExternalCommand.run(List.of(SshKeygen.SSH_KEYGEN, "-q", "-t", "rsa", "-b", "1024", "-N", "", "-C", "weak",
                "-f", keys.resolve("weak").toString())).requireSuccess("ssh-keygen -t rsa -b 1024");
        String rsa1024 = Files.readString(keys.resolve("weak.pub")).trim();
        String ok = Files.readString(SshKeygen.generate(keys, "ok", "ed25519", 0).publicKeyFile()).trim();
        String truncated = ok.substring(0, ok.indexOf(' ') + 20);
        String bob = api.token("bob");
        TableSnapshot auditBefore = local.audit();

        assertThat(api.sign(bob, rsa1024, null).isProblem(400)).isTrue();
        assertThat(api.sign(bob, truncated, null).isProblem(400)).isTrue();

        assertThat(local.audit()).isEqualTo(auditBefore);
        assertThat(api.sign(bob, ok, null).status()).as("control: a good key is signed").isEqualTo(201);
        assertThat(local.audit().count()).isEqualTo(auditBefore.count() + 1);
    }

    @Test
    void bodyLargerThanApiGatewayAccepts_is413FromTheGateway() {
        TableSnapshot auditBefore = local.audit();

        Api.Reply reply = api.post("/requests", api.token("bob"), "application/json",
                "{\"reason\":\"" + "x".repeat(ApiEndpoint.MAX_BODY_BYTES) + "\"}");

        assertThat(reply.isProblem(413)).as(reply.status() + "").isTrue();
        assertThat(local.audit()).isEqualTo(auditBefore);
    }
}
