package dev.airlock.local.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code access request ls|show|approve|deny} against a local Airlock: human and {@code --json}
 * output (checked with jq), filters, and each server refusal mapped to its documented exit code with
 * the server's problem detail on stderr.
 */
@ExtendWith(CliAirlock.Shared.class)
class AccessRequestsIT {

    @Test
    void ls_json_isEveryVisibleRequest_andFiltersByStateAndUser(CliAirlock airlock, @TempDir Path home) {
        UserHome.withEd25519(home);  // login --nowait checks the key it would sign
        AccessCli kim = airlock.cli(home).with("AIRLOCK_USER", "kim").with("AIRLOCK_GROUPS", "contractors");
        String pending = create(kim, "dba", "first");
        String denied = create(kim, "sudo-admin", "second");
        assertThat(kim.run("--user", "alice", "request", "deny", denied, "--reason", "no").exitCode()).isZero();

        AccessCli.Result all = kim.run("request", "ls", "--json");
        assertThat(all.exitCode()).as(all.toString()).isZero();
        assertThat(Jq.eval(all.stdout(), "[.[] | .id] | sort | join(\" \")"))
                .isEqualTo(String.join(" ", java.util.stream.Stream.of(pending, denied).sorted().toList()));
        assertThat(Jq.test(all.stdout(), "all(.[]; .user == \"kim\" and (.roles | type) == \"array\")")).isTrue();

        AccessCli.Result onlyPending = kim.run("request", "ls", "--state", "pending", "--json");
        assertThat(Jq.eval(onlyPending.stdout(), "map(.id) | join(\" \")")).isEqualTo(pending);

        // alice reviews for everyone; --user narrows her view to kim's requests
        AccessCli.Result kims = kim.run("--user", "alice", "request", "ls", "--user", "kim", "--state", "DENIED", "--json");
        assertThat(kims.exitCode()).as(kims.toString()).isZero();
        assertThat(Jq.eval(kims.stdout(), "map(.id) | join(\" \")")).isEqualTo(denied);

        AccessCli.Result table = kim.run("request", "ls", "--state", "DENIED");
        assertThat(table.stdoutLines()).hasSize(2);
        assertThat(table.stdoutLines().get(1)).matches(denied.substring(0, 8) + " {2}kim +sudo-admin +second +\\S+ \\S+ +DENIED");

        AccessCli.Result none = kim.run("request", "ls", "--state", "REVOKED");
        assertThat(none.exitCode()).isZero();
        assertThat(none.stdout()).isEqualTo("No access requests in state REVOKED.\n");

        AccessCli.Result bad = kim.run("request", "ls", "--state", "LOST");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.stderr()).contains("--state must be one of PENDING, APPROVED, DENIED, EXPIRED, REVOKED, WITHDRAWN");
    }

    @Test
    void show_printsTheRequestForPeople(CliAirlock airlock, @TempDir Path home) {
        UserHome.withEd25519(home);
        AccessCli leo = airlock.cli(home).with("AIRLOCK_USER", "leo").with("AIRLOCK_GROUPS", "contractors");
        String id = create(leo, "dba", "INC-7: replication lag");
        assertThat(leo.run("--user", "alice", "request", "approve", id.substring(0, 8), "--reason", "go").exitCode()).isZero();

        AccessCli.Result show = leo.run("request", "show", id.substring(0, 8));

        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.stdoutLines()).contains("ID:           " + id, "Requestor:    leo", "Roles:        dba",
                "Reason:       INC-7: replication lag", "State:        APPROVED (go)", "Certificates: none");
        assertThat(show.stdoutLines()).anyMatch(line -> line.matches("  APPROVE by alice at \\S+ \\S+ UTC: go"));
        assertThat(show.stdoutLines()).anyMatch(line -> line.matches("Access: {7}4h, until \\S+ \\S+ UTC"));
    }

    @Test
    void review_refusals_mapToExitCodesWithTheServersDetail(CliAirlock airlock, @TempDir Path home) {
        UserHome.withEd25519(home);
        AccessCli mia = airlock.cli(home).with("AIRLOCK_USER", "mia").with("AIRLOCK_GROUPS", "contractors");
        String id = create(mia, "dba", "INC-9");

        // reviewing your own request is forbidden: 403 → 2
        AccessCli.Result own = mia.run("request", "approve", id);
        assertThat(own.exitCode()).as(own.toString()).isEqualTo(2);
        assertThat(own.stderr()).isEqualTo("access: error: you cannot review your own request\n");

        // a second review of a decided request is a conflict: 409 → 4
        assertThat(mia.run("--user", "alice", "request", "approve", id).exitCode()).isZero();
        AccessCli.Result twice = mia.run("--user", "alice", "request", "deny", id, "--json");
        assertThat(twice.exitCode()).as(twice.toString()).isEqualTo(4);
        assertThat(twice.stdout()).isEmpty();
        assertThat(twice.stderrLines()).hasSize(1);

        // an unknown full id: 404 → 3
        AccessCli.Result unknown = mia.run("request", "show", UUID.randomUUID().toString());
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(3);
        assertThat(unknown.stderrLines()).hasSize(1);

        // ids that are not ids, or too short to look up: usage → 1
        AccessCli.Result notAnId = mia.run("request", "show", "zzzz");
        assertThat(notAnId.exitCode()).isEqualTo(1);
        assertThat(notAnId.stderr()).startsWith("access: error: 'zzzz' is not a request id");
        AccessCli.Result tooShort = mia.run("request", "show", id.substring(0, 3));
        assertThat(tooShort.exitCode()).isEqualTo(1);
        assertThat(tooShort.stderr()).contains("too short: give at least 4 characters");
    }

    @Test
    void prefixMatchingNothingTheCallerMaySee_exits3(CliAirlock airlock, @TempDir Path home) {
        UserHome.withEd25519(home);
        AccessCli nina = airlock.cli(home).with("AIRLOCK_USER", "nina").with("AIRLOCK_GROUPS", "contractors");
        String id = create(nina, "dba", "mine");
        // another requester cannot see nina's request, so its prefix resolves to nothing for them
        AccessCli.Result other = nina.run("--user", "oscar", "--groups", "contractors", "request", "show", id.substring(0, 8));

        assertThat(other.exitCode()).as(other.toString()).isEqualTo(3);
        assertThat(other.stderr()).isEqualTo("access: error: no request with an id starting with '" + id.substring(0, 8)
                + "' (among the requests you may see)\n");
    }

    /** {@code access login --nowait}: a new pending request; returns its id. */
    static String create(AccessCli cli, String roles, String reason) {
        AccessCli.Result result = cli.run("login", "--request-roles", roles, "--reason", reason, "--nowait");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return AccessLoginIT.idOf(result.stdoutLines().get(0));
    }
}
