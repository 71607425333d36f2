package dev.airlock.local.cli;

import dev.airlock.local.cli.StubAirlock.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI against canned server replies: list paging (a page may be short, even empty, while
 * {@code nextCursor} is set), ambiguous prefixes, status → exit code mapping with the problem detail,
 * throttling retries, the token sources, configuration from {@code local.env}, and a server that is
 * not there.
 */
class AccessAgainstStubIT {

    private static final String TOKEN = "stub.token-value_1";
    private static final String REQUEST_B = "bc8ca931-0000-4b15-9d5c-1f1d4b0e7a22";

    private StubAirlock stub;
    private AccessCli cli;

    @BeforeEach
    void start(@TempDir Path home) {
        stub = StubAirlock.start()
                .on("GET /requests", Reply.json(200, StubAirlock.resource("page-1.json")))
                .on("GET /requests?cursor=c1%2B%2F%3D", Reply.json(200, StubAirlock.resource("page-2-empty.json")))
                .on("GET /requests?cursor=c2", Reply.json(200, StubAirlock.resource("page-3.json")))
                .on("GET /requests/" + REQUEST_B, Reply.json(200, StubAirlock.resource("request.json")))
                .on("GET /ca", new Reply(200, "text/plain", "ecdsa-sha2-nistp256 AAAAE2VjZHNh airlock-ca\n", java.util.Map.of()));
        cli = AccessCli.forHome(home).with("AIRLOCK_URL", stub.url().toString()).with("AIRLOCK_TOKEN", TOKEN)
                .with("AIRLOCK_HOME", home.resolve("no-local-up").toString());
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void ls_followsNextCursorThroughShortAndEmptyPages_untilItIsNull() {
        AccessCli.Result ls = cli.run("request", "ls");

        assertThat(ls.exitCode()).as(ls.toString()).isZero();
        assertThat(ls.stdoutLines()).containsExactly(
                "ID        REQUESTOR  ROLES          REASON                                    CREATED (UTC)     STATE",
                "bc8ca931  bob        dba            INC-4211: slow queries                    2026-11-07 19:38  PENDING",
                "bc8ca931  carol      dba,cluster-a  a reason that is much longer than for...  2026-11-07 19:40  PENDING",
                "0a1b2c3d  dan        sudo-admin                                               2026-11-07 18:00  DENIED");
        assertThat(stub.routes()).containsExactly("GET /requests", "GET /requests?cursor=c1%2B%2F%3D", "GET /requests?cursor=c2");
        assertThat(stub.received()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));

        AccessCli.Result json = cli.run("request", "ls", "--json");
        assertThat(Jq.eval(json.stdout(), "map(.user) | join(\",\")")).isEqualTo("bob,carol,dan");
    }

    @Test
    void ls_filters_areSentAsQueryParameters() {
        stub.on("GET /requests?state=PENDING&user=bob%20smith", Reply.json(200, "{\"items\": [], \"nextCursor\": null}"));

        AccessCli.Result ls = cli.run("request", "ls", "--state", "pending", "--user", "bob smith");

        assertThat(ls.exitCode()).as(ls.toString()).isZero();
        assertThat(ls.stdout()).isEqualTo("No access requests in state PENDING by bob smith.\n");
    }

    @Test
    void ambiguousPrefix_exits1ListingTheCandidates_longerPrefixResolves() {
        AccessCli.Result ambiguous = cli.run("request", "show", "bc8c");

        assertThat(ambiguous.exitCode()).as(ambiguous.toString()).isEqualTo(1);
        assertThat(ambiguous.stderr()).isEqualTo("access: error: request id prefix 'bc8c' is ambiguous; it matches 2 "
                + "requests: bc8ca931-0000-4b15-9d5c-1f1d4b0e7a22 bc8ca931-fec9-4b15-9d5c-1f1d4b0e7a11; give more characters\n");
        assertThat(stub.routes()).doesNotContain("GET /requests/" + REQUEST_B);

        AccessCli.Result unique = cli.run("request", "show", "BC8CA931-0", "--json");
        assertThat(unique.exitCode()).as(unique.toString()).isZero();
        assertThat(Jq.eval(unique.stdout(), ".user")).isEqualTo("carol");
        assertThat(stub.routes()).endsWith("GET /requests/" + REQUEST_B);
    }

    @ParameterizedTest(name = "HTTP {0} → exit {1}")
    @CsvSource({
            "400, 1, access: error: bad thing",
            "401, 2, access: error: bad thing",
            "403, 2, access: error: bad thing",
            "404, 3, access: error: bad thing",
            "409, 4, access: error: bad thing",
            "413, 1, access: error: bad thing",
            "500, 5, access: error: the server failed (correlation id 7f3a)",
            "502, 5, access: error: HTTP 502: <html>bad gateway</html>"})
    void httpErrors_mapToDocumentedExitCodes_withTheProblemDetailOnOneLine(int status, int exit, String message) {
        Reply reply = switch (status) {
            case 500 -> new Reply(500, "application/problem+json", "{\"status\":500,\"title\":\"Internal\",\"correlationId\":\"7f3a\"}", java.util.Map.of());
            case 502 -> new Reply(502, "text/html", "<html>bad gateway</html>", java.util.Map.of());
            default -> Reply.problem(status, "bad thing");
        };
        stub.on("POST /requests/" + REQUEST_B + "/reviews", reply);

        AccessCli.Result result = cli.run("request", "approve", REQUEST_B, "--reason", "ok");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exit);
        assertThat(result.stderr()).isEqualTo(message + "\n");
        assertThat(result.stdout()).isEmpty();
        assertThat(stub.received()).last().satisfies(r ->
                assertThat(Jq.test(r.body(), ". == {\"verdict\": \"APPROVE\", \"reason\": \"ok\"}")).isTrue());
    }

    @Test
    void throttled_isRetriedAfterRetryAfter_thenSucceeds() {
        stub.on("POST /requests/" + REQUEST_B + "/reviews",
                Reply.problem(503, "throttled").withHeader("Retry-After", "0"),
                Reply.json(200, StubAirlock.resource("request.json")));

        AccessCli.Result result = cli.run("request", "deny", REQUEST_B);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(stub.routes()).containsExactly("POST /requests/" + REQUEST_B + "/reviews", "POST /requests/" + REQUEST_B + "/reviews");
        assertThat(Jq.test(stub.received().get(0).body(), ". == {\"verdict\": \"DENY\"}")).isTrue();
    }

    @Test
    void tokenCommand_suppliesTheBearerToken_andItsFailureExits2() {
        AccessCli viaCommand = cli.with("AIRLOCK_TOKEN", null).with("AIRLOCK_TOKEN_COMMAND", "printf 'cmd.token\\n'");
        assertThat(viaCommand.run("ca").exitCode()).isZero();
        assertThat(stub.received()).last().extracting(StubAirlock.Received::authorization).isEqualTo("Bearer cmd.token");
        assertThat(viaCommand.run("token").stdout()).isEqualTo("cmd.token\n");

        AccessCli.Result failing = cli.with("AIRLOCK_TOKEN", null)
                .with("AIRLOCK_TOKEN_COMMAND", "echo 'idp says no' >&2; exit 3").run("request", "ls");
        assertThat(failing.exitCode()).isEqualTo(2);
        assertThat(failing.stderr()).isEqualTo("access: error: AIRLOCK_TOKEN_COMMAND failed with exit code 3: idp says no\n");
    }

    @Test
    void credentials_missingOrMalformed_exit2WithoutContactingTheServer_andNeverEchoTheToken() {
        AccessCli.Result none = cli.with("AIRLOCK_TOKEN", null).run("request", "ls");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.stderr()).startsWith("access: error: not signed in:");

        AccessCli.Result malformed = cli.with("AIRLOCK_TOKEN", "secret with spaces").run("request", "ls");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.stderr()).isEqualTo(
                "access: error: the token from AIRLOCK_TOKEN is not a bearer token (empty, or unexpected characters)\n");
        assertThat(stub.received()).isEmpty();

        stub.on("GET /requests", Reply.problem(401, "a valid bearer token from the configured issuer is required"));
        AccessCli.Result refused = cli.run("request", "ls");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stdout() + refused.stderr()).doesNotContain(TOKEN);
        assertThat(cli.run("token").stdout()).isEqualTo(TOKEN + "\n");
    }

    @Test
    void user_againstAServerWithoutTheDevelopmentIssuer_exits2SayingWhatToUseInstead() {
        AccessCli.Result result = cli.run("--user", "bob", "request", "ls");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo("access: error: " + stub.url() + " has no development issuer (--user works "
                + "only against scripts/local-up); set AIRLOCK_TOKEN or AIRLOCK_TOKEN_COMMAND instead\n");
        assertThat(stub.routes()).containsExactly("POST /dev/token");
    }

    @Test
    void url_comesFromLocalEnvWhenAirlockUrlIsUnset_andUrlOptionWins(@TempDir Path airlockHome) throws IOException {
        Files.writeString(airlockHome.resolve("local.env"), "# Written by scripts/local-up\nAIRLOCK_URL='" + stub.url()
                + "'\nAWS_REGION='us-east-1'\n");
        AccessCli fromFile = cli.with("AIRLOCK_URL", null).with("AIRLOCK_HOME", airlockHome.toString());

        AccessCli.Result ca = fromFile.run("ca");
        assertThat(ca.exitCode()).as(ca.toString()).isZero();
        assertThat(ca.stdout()).isEqualTo("ecdsa-sha2-nistp256 AAAAE2VjZHNh airlock-ca\n");

        int closed = closedPort();
        AccessCli.Result overridden = fromFile.run("--url", "http://127.0.0.1:" + closed, "ca");
        assertThat(overridden.exitCode()).isEqualTo(5);
        assertThat(overridden.stderr()).startsWith("access: error: cannot reach Airlock at http://127.0.0.1:" + closed + ":");
    }

    @Test
    void serverDown_exits5WithOneClearLine() throws IOException {
        int closed = closedPort();
        for (List<String> args : List.of(List.of("request", "ls"), List.of("--user", "bob", "request", "ls"),
                List.of("ca"))) {
            AccessCli.Result result = cli.with("AIRLOCK_URL", "http://127.0.0.1:" + closed).run(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
            assertThat(result.stderrLines()).hasSize(1);
            assertThat(result.stderr()).startsWith("access: error: cannot reach Airlock at http://127.0.0.1:" + closed + ": ")
                    .endsWith("; is scripts/local-up running?\n");
            assertThat(result.stdout()).isEmpty();
        }
    }

    @Test
    void unexpectedReply_exits5() {
        stub.on("GET /requests/" + REQUEST_B, new Reply(200, "text/html", "<html>login page</html>", java.util.Map.of()));

        AccessCli.Result result = cli.run("request", "show", REQUEST_B);

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.stderr()).isEqualTo("access: error: unexpected reply from " + stub.url() + "/requests/"
                + REQUEST_B + " (HTTP 200, not a JSON object)\n");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
