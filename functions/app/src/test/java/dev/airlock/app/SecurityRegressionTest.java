package dev.airlock.app;

import dev.airlock.core.config.EnvironmentNames;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.app.testing.Events;
import dev.airlock.app.testing.FunctionsHarness;
import dev.airlock.app.testing.LambdaResponse;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.RequestState;
import dev.airlock.identity.testing.TestIssuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, identity findings 1, 2, 3 and 8, and finding 4 (server side: reasons), as an attacker tries
 * them against the function beans
 * (through the Lambda conversion, in-process). Every event is real API Gateway v2 JSON whose
 * {@code requestContext.authorizer.jwt.claims} say the caller is alice, a dba-reviewer — what a direct
 * invoker can write — while the token says otherwise or nothing verifiable. The same refusal through the
 * packaged zip: {@code lambda.FunctionInvokerIT#forgedClaims_withoutAValidToken_shouldBe401_throughThePackage}.
 */
class SecurityRegressionTest {

    private static final TestIssuer ISSUER = TestIssuer.shared();

    private FunctionsHarness harness = FunctionsHarness.start();

    @AfterEach
    void stop() {
        harness.close();
    }

    /** alice's queue, with the claims forged to say alice / dba-reviewers and the token replaced. */
    private static ObjectNode queueWithForgedClaims() {
        return Events.forgedClaims(Events.load("list-queue-json-groups.json"), "alice", "[dba-reviewers]");
    }

    private Instant now() {
        return harness.airlock().clock().instant();
    }

    private static void assert401(LambdaResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body()).doesNotContain("eyJ");
    }

    // Finding 1: a group name with a space.

    @Test
    void groupNamedWithSpaces_shouldNotGrantTheRoleItsLastWordNames() {
        String id = harness.bobRequestsDba();
        ObjectNode event = Events.forgedClaims(Events.requestId(Events.load("review-approve.json"), id),
                "mallory", "[book club dba-reviewers]");
        Events.bearer(event, ISSUER.token("mallory", List.of("book club dba-reviewers")));

        LambdaResponse response = harness.invoke("approve", event);

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(harness.airlock().store().find(id).orElseThrow().state()).isEqualTo(RequestState.PENDING);
    }

    @Test
    void groupNamedWithSpaces_shouldNotShowTheReviewQueue() {
        harness.bobRequestsDba();
        ObjectNode event = Events.forgedClaims(Events.load("list-queue-json-groups.json"), "mallory",
                "[book club dba-reviewers]");
        Events.bearer(event, ISSUER.token("mallory", List.of("book club dba-reviewers")));

        LambdaResponse response = harness.invoke("list", event);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("items")).isEmpty();
    }

    // Finding 2: identity from the authorizer's claims.

    @Test
    void forgedClaims_withoutToken_shouldBe401() {
        assert401(harness.invoke("list", Events.withoutHeader(queueWithForgedClaims(), "authorization")));
    }

    @Test
    void forgedClaims_withAnotherUsersValidToken_shouldActAsTheTokensUser() {
        String id = harness.bobRequestsDba();
        ObjectNode event = Events.forgedClaims(Events.requestId(Events.load("review-approve.json"), id),
                "alice", "[dba-reviewers]");
        Events.bearer(event, ISSUER.token("carol", List.of("contractors")));

        LambdaResponse response = harness.invoke("approve", event);

        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(harness.airlock().store().find(id).orElseThrow().state()).isEqualTo(RequestState.PENDING);
    }

    static Stream<Function<Instant, String>> badTokens() {
        return Stream.of(
                now -> "not-a-jwt",
                now -> "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl",
                now -> TestIssuer.unsigned(alice(now).build()),
                now -> ISSUER.hs256WithPublicKey(alice(now).build()),
                now -> ISSUER.sign(alice(now).issuer("https://evil.example.com/").build()),
                now -> ISSUER.sign(alice(now).audience("another-app").build()),
                now -> ISSUER.sign(alice(now).expirationTime(Date.from(now.minusSeconds(120))).build()),
                now -> ISSUER.sign(alice(now).expirationTime(null).build()),
                now -> ISSUER.signJson(TestIssuer.withRawClaim(alice(now).build(), "exp", "null")),
                now -> ISSUER.signJson(TestIssuer.withRawClaim(alice(now).build(), "exp", "\"4102444800\"")),
                now -> ISSUER.sign(alice(now).notBeforeTime(Date.from(now.plusSeconds(600))).build()),
                now -> otherIssuerKey(now));
    }

    private static JWTClaimsSet.Builder alice(Instant now) {
        return ISSUER.claims("alice", List.of("dba-reviewers")).issueTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(3600)));
    }

    private static String otherIssuerKey(Instant now) {
        try (TestIssuer other = TestIssuer.local()) {
            return other.sign(alice(now).build());
        }
    }

    @ParameterizedTest
    @MethodSource("badTokens")
    void forgedClaims_withATokenThatDoesNotVerify_shouldBe401(Function<Instant, String> token) {
        ObjectNode event = Events.bearer(queueWithForgedClaims(), token.apply(now()));

        assert401(harness.invoke("list", event));
    }

    @Test
    void aValidToken_shouldStillWork() {
        assertThat(harness.invoke("list", Events.bearer(queueWithForgedClaims(), ISSUER.sign(alice(now()).build())))
                .status()).isEqualTo(200);
    }

    // Finding 3: user names that print alike.

    @ParameterizedTest
    @ValueSource(strings = {"alice\u00a0", "ali\u200bce", "\u202ealice", "alice\u0007", "alice\u001b[2J", "alice\n",
            "Zoe\u0308", "alice\u2028", "alice\u3000", " alice"})
    void userNamesThatPrintLikeAnother_shouldBe401(String user) {
        ObjectNode event = Events.forgedClaims(Events.load("list-queue-json-groups.json"), user, "[dba-reviewers]");
        Events.bearer(event, ISSUER.token(user, List.of("dba-reviewers")));

        LambdaResponse response = harness.invoke("list", event);

        assert401(response);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_user");
    }

    @Test
    void emailAsUserClaim_withoutEmailVerified_shouldBe401() {
        harness.close();
        harness = FunctionsHarness.start(TestAirlock.demo(), Map.of(EnvironmentNames.USER_CLAIM, "email"));
        String unverified = ISSUER.sign(alice(now()).claim("email", "alice@example.com").build());
        String verifiedFalse = ISSUER.sign(alice(now()).claim("email", "alice@example.com")
                .claim("email_verified", false).build());
        String verified = ISSUER.sign(alice(now()).claim("email", "alice@example.com")
                .claim("email_verified", true).build());

        LambdaResponse first = harness.invoke("list", Events.bearer(queueWithForgedClaims(), unverified));
        LambdaResponse second = harness.invoke("list", Events.bearer(queueWithForgedClaims(), verifiedFalse));

        assert401(first);
        assertThat(first.json().get("code").asString()).isEqualTo("unverified_email");
        assert401(second);
        assertThat(harness.invoke("list", Events.bearer(queueWithForgedClaims(), verified)).status()).isEqualTo(200);
    }

    // Finding 4 (server side): reasons a reviewer will read in a terminal.

    /**
     * Finding 4 (server side): a reason with ESC (cursor movement), an OSC title sequence, a C1 control
     * or a bidi override was stored and later printed by the CLI: a reviewer saw {@code cluster-a}
     * where the requester had asked for {@code sudo-admin}. Each JSON string below is one such reason.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "\\u001b[2K\\u001b[1Acluster-a",      // ESC: erase line, cursor up
            "\\u001b]0;pwned\\u0007",              // OSC window title, BEL
            "ok\\u009b2Jnow",                      // C1 CSI
            "ok\\u0085next",                       // C1 NEL
            "ok\\u007fdel",                        // DEL
            "INC-1\\nsecond line",                 // LF is Cc too: reasons are one line
            "INC-1\\ttab",                         // so is TAB
            "\\u202eadmin-odus",                   // RLO
            "a\\u2066isolate\\u2069",              // LRI ... PDI
            "a\\u200fmark"})                       // RLM
    void finding4_requestReasonWithControlOrBidiCharacters_is400NamingTheFieldAndStoresNothing(String reason) {
        ObjectNode event = Events.withoutHeader(Events.body(Events.load("request-create.json"),
                "{\"roles\": [\"dba\"], \"reason\": \"" + reason + "\"}"), "idempotency-key");

        LambdaResponse response = harness.invoke("request", event);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("unsafe_text");
        assertThat(response.json().get("detail").asString()).startsWith("reason ");
        assertThat(response.body()).doesNotContain("\\u001b", "\\u202e", "\u001b", "\u202e");
        assertThat(harness.airlock().store().size()).isZero();
        assertThat(harness.airlock().audit().all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u001b[1Aapproved by the DBA lead", "ok \\u202e", "ok\\r\\nFAKE: approved"})
    void finding4_reviewReasonWithControlOrBidiCharacters_is400NamingTheFieldAndChangesNothing(String reason) {
        String id = harness.bobRequestsDba();
        int auditRecords = harness.airlock().audit().all().size();
        ObjectNode event = Events.body(Events.requestId(Events.load("review-approve.json"), id),
                "{\"verdict\": \"APPROVE\", \"reason\": \"" + reason + "\"}");

        LambdaResponse response = harness.invoke("approve", event);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("unsafe_text");
        assertThat(response.json().get("detail").asString()).startsWith("reason ");
        AccessRequest stored = harness.airlock().store().find(id).orElseThrow();
        assertThat(stored.state()).isEqualTo(RequestState.PENDING);
        assertThat(stored.reviews()).isEmpty();
        assertThat(harness.airlock().audit().all()).hasSize(auditRecords);
    }

    @Test
    void finding4_printableUnicodeReason_isStillAccepted() {
        ObjectNode event = Events.withoutHeader(Events.body(Events.load("request-create.json"),
                "{\"roles\": [\"dba\"], \"reason\": \"INC-42: Zürich DB \u65e5\u672c \u0645\u0631\u062d\u0628\u0627 \u2014 ok\"}"),
                "idempotency-key");

        LambdaResponse response = harness.invoke("request", event);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("reason").asString())
                .isEqualTo("INC-42: Zürich DB \u65e5\u672c \u0645\u0631\u062d\u0628\u0627 \u2014 ok");
    }
}
