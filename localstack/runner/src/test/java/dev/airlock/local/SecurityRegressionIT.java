package dev.airlock.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, identity findings 1 and 3, end to end on the local stack: tokens the gateway accepts (its
 * issuer signed them) whose group or user name must still not grant anything — the functions read the
 * token's claims as JSON and refuse names that print like another's.
 */
class SecurityRegressionIT {

    private static LocalAirlockFixture local;
    private static Api api;

    @BeforeAll
    static void start() {
        local = LocalAirlockFixture.start(Clock.systemUTC());
        api = local.api();
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
        }
    }

    private static String mint(String user, List<String> groups) {
        return local.airlock().gateway().issuer().mint(user, groups, Duration.ofMinutes(10));
    }

    @Test
    void groupNamedWithSpaces_shouldNotMakeAReviewer() {
        String id = api.createRequest(api.token("bob"), List.of("dba"), "INC-12: group names");
        TableSnapshot audit = local.audit();

        Api.Reply reply = api.review(mint("mallory", List.of("book club dba-reviewers")), id, "APPROVE", "looks fine");

        assertThat(reply.isProblem(403)).as(reply.toString()).isTrue();
        assertThat(local.audit()).isEqualTo(audit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice\u00a0", "ali\u200bce", "\u202ealice", "alice\u0007", "Zoe\u0308"})
    void userNamesThatPrintLikeAnother_shouldBe401(String user) {
        Api.Reply reply = api.get("/requests", mint(user, List.of("dba-reviewers")));

        assertThat(reply.isProblem(401)).as(reply.toString()).isTrue();
        assertThat(reply.body()).contains("invalid_user");
    }
}
