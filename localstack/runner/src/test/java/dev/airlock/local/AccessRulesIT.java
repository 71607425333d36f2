package dev.airlock.local;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.airlock.ssh.testing.SshKeygen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, through the gateway: the gateway refuses callers without a valid token (401) and
 * unknown routes (404); the functions refuse what the caller may not do (403) and what the request's
 * state forbids (409). Each refusal is checked to leave the tables exactly as they were.
 */
class AccessRulesIT {

    private static LocalAirlockFixture local;
    private static Api api;
    private static String publicKey;

    @BeforeAll
    static void start(@TempDir Path keys) throws Exception {
        local = LocalAirlockFixture.start(Clock.systemUTC());
        api = local.api();
        publicKey = Files.readString(SshKeygen.generate(keys, "user", "ed25519", 0).publicKeyFile()).trim();
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    private static void assertUnchangedBy(Runnable refused) {
        TableSnapshot auditBefore = local.audit();
        TableSnapshot requestsBefore = local.requests();
        refused.run();
        assertThat(local.audit()).isEqualTo(auditBefore);
        assertThat(local.requests()).isEqualTo(requestsBefore);
    }

    private static String pendingRequestOfBob() {
        return api.createRequest(api.token("bob"), List.of("dba"), "INC-1: pending");
    }

    private static String approvedRequestOfBob() {
        String id = pendingRequestOfBob();
        assertThat(api.review(api.token("alice"), id, "APPROVE", "ok").status()).isEqualTo(200);
        return id;
    }

    // --- 401 from the gateway ---

    @Test
    void noToken_is401() {
        assertUnchangedBy(() -> {
            Api.Reply reply = api.send(HttpRequest.newBuilder(local.airlock().url().resolve("/requests"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"roles\":[\"dba\"],\"reason\":\"x\"}"))
                    .header("Content-Type", "application/json"));
            assertThat(reply.isProblem(401)).as(reply.toString()).isTrue();
            assertThat(reply.header("WWW-Authenticate")).contains("Bearer");
        });
        assertThat(api.getWithoutToken("/requests").isProblem(401)).isTrue();
        assertThat(api.get("/requests", api.token("bob")).status()).as("control: a valid token works").isEqualTo(200);
    }

    @Test
    void forgedToken_is401() {
        DevTokenIssuer forger = DevTokenIssuer.inMemory(local.airlock().gateway().issuer().issuer(), Clock.systemUTC());
        String forged = forger.mint("alice", List.of("dba-reviewers"), Duration.ofHours(1));

        assertUnchangedBy(() -> assertThat(api.createRequestReply(forged).isProblem(401)).isTrue());
        assertThat(api.get("/requests", forged).isProblem(401)).isTrue();
    }

    @Test
    void expiredToken_is401() {
        DevTokenIssuer issuer = local.airlock().gateway().issuer();
        Instant longAgo = Instant.now().minus(Duration.ofHours(3));
        String expired = issuer.sign(issuer.claims("bob", List.of("contractors"), longAgo,
                longAgo.plus(Duration.ofHours(1))).build());

        assertUnchangedBy(() -> assertThat(api.createRequestReply(expired).isProblem(401)).isTrue());
    }

    @Test
    void wrongAudienceOrIssuer_is401() {
        DevTokenIssuer issuer = local.airlock().gateway().issuer();
        Instant now = Instant.now();
        JWTClaimsSet.Builder base = issuer.claims("bob", List.of("contractors"), now, now.plusSeconds(600));
        String otherAudience = issuer.sign(new JWTClaimsSet.Builder(base.build()).audience("other-api").build());
        String otherIssuer = issuer.sign(new JWTClaimsSet.Builder(base.build()).issuer("https://idp.example").build());

        assertThat(api.get("/requests", otherAudience).isProblem(401)).isTrue();
        assertThat(api.get("/requests", otherIssuer).isProblem(401)).isTrue();
        assertThat(api.get("/requests", issuer.sign(base.build())).status()).as("control").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/requests/", "/certificates/x", "/dev/nothing"})
    void unknownRoute_is404(String path) {
        assertThat(api.get(path, api.token("bob")).isProblem(404)).isTrue();
    }

    @Test
    void unknownMethodOnAKnownPath_is404() {
        Api.Reply reply = api.send(api.authorized("/ca", api.token("bob")).method("PUT",
                HttpRequest.BodyPublishers.noBody()));
        assertThat(reply.isProblem(404)).as(reply.toString()).isTrue();
    }

    // --- 403 from the functions ---

    @Test
    void bobApprovingHisOwnRequest_is403() {
        String id = pendingRequestOfBob();
        // bob also in dba-reviewers: he could review others' requests, never his own
        String bobAsReviewer = api.token("bob", List.of("contractors", "dba-reviewers"));

        assertUnchangedBy(() -> {
            Api.Reply reply = api.review(bobAsReviewer, id, "APPROVE", "looks fine to me");
            assertThat(reply.isProblem(403)).as(reply.toString()).isTrue();
            assertThat(reply.code()).isEqualTo("self_review");
        });
    }

    @Test
    void reviewingWithoutAReviewerRole_is403() {
        String id = pendingRequestOfBob();
        String carol = api.token("carol", List.of("contractors"));

        assertUnchangedBy(() -> assertThat(api.review(carol, id, "APPROVE", "sure").isProblem(403)).isTrue());
    }

    @Test
    void requestingARoleNoBaseRoleMayRequest_is403() {
        String alice = api.token("alice");

        assertUnchangedBy(() -> {
            Api.Reply reply = api.postJson("/requests", alice, "{\"roles\":[\"dba\"],\"reason\":\"curious\"}");
            assertThat(reply.isProblem(403)).as(reply.toString()).isTrue();
        });
    }

    @Test
    void signingSomeoneElsesRequest_is403() {
        String id = approvedRequestOfBob();
        String mallory = api.token("mallory", List.of("contractors"));

        assertUnchangedBy(() -> {
            Api.Reply reply = api.sign(mallory, publicKey, id);
            assertThat(reply.isProblem(403)).as(reply.toString()).isTrue();
        });
        assertThat(api.sign(api.token("bob"), publicKey, id).status()).as("control: bob may").isEqualTo(201);
    }

    // --- 409 from the functions ---

    @Test
    void approvingTwice_is409() {
        String id = approvedRequestOfBob();
        String alice = api.token("alice");
        String dave = api.token("dave", List.of("dba-reviewers"));

        assertUnchangedBy(() -> {
            assertThat(api.review(alice, id, "APPROVE", "again").isProblem(409)).isTrue();
            assertThat(api.review(dave, id, "APPROVE", "me too").isProblem(409)).isTrue();
        });
    }

    @Test
    void signingAPendingRequest_is409() {
        String id = pendingRequestOfBob();

        assertUnchangedBy(() -> {
            Api.Reply reply = api.sign(api.token("bob"), publicKey, id);
            assertThat(reply.isProblem(409)).as(reply.toString()).isTrue();
        });
    }

    @Test
    void signingADeniedRequest_is409() {
        String id = pendingRequestOfBob();
        Api.Reply denied = api.review(api.token("alice"), id, "DENY", "not during the freeze");
        assertThat(denied.json().path("state").asString()).isEqualTo("DENIED");

        assertUnchangedBy(() -> assertThat(api.sign(api.token("bob"), publicKey, id).isProblem(409)).isTrue());
    }

    @Test
    void unknownRequest_is404() {
        String id = "00000000-0000-4000-8000-000000000000";

        assertUnchangedBy(() -> {
            assertThat(api.get("/requests/" + id, api.token("bob")).isProblem(404)).isTrue();
            assertThat(api.review(api.token("alice"), id, "APPROVE", "?").isProblem(404)).isTrue();
        });
    }
}
