package dev.airlock.local.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code access cert ls} (issue 15) and {@code access status} with base roles (issue 17) against the
 * shared local Airlock, the CLI as a process. Users of their own (gina, hank, mallory), so nothing
 * another test lists changes.
 */
@ExtendWith(CliAirlock.Shared.class)
class AccessCertificatesIT {

    @Test
    void certLs_listsMyCertificatesOnly_revokedOnesMarked(CliAirlock airlock, @TempDir Path home,
                                                           @TempDir Path other) {
        UserHome.withEd25519(home);
        UserHome.withEd25519(other);
        AccessCli gina = airlock.cli(home).with("AIRLOCK_USER", "gina").with("AIRLOCK_GROUPS", "contractors");
        AccessCli hank = airlock.cli(other).with("AIRLOCK_USER", "hank").with("AIRLOCK_GROUPS", "contractors");
        String kept = serialOf(gina.run("login", "--json"));
        String lost = serialOf(gina.run("login", "--json"));
        String underRequest = requestCertificate(gina, airlock.cli(home));
        String hanks = serialOf(hank.run("login", "--json"));
        assertThat(gina.run("cert", "revoke", lost, "--reason", "lost laptop").exitCode()).isZero();
        String id = Jq.eval(gina.run("request", "ls", "--state", "APPROVED", "--json").stdout(), ".[0].id");
        assertThat(gina.run("request", "revoke", id).exitCode()).isZero();

        AccessCli.Result json = gina.run("cert", "ls", "--json");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(Jq.eval(json.stdout(), "[.[].serial] | sort | join(\" \")"))
                .isEqualTo(String.join(" ", sorted(kept, lost, underRequest)));
        assertThat(json.stdout()).doesNotContain(hanks);
        assertThat(Jq.test(json.stdout(), stateIs(kept, "VALID") + " and (.[] | select(.serial == \"" + kept
                + "\") | .revoked == false and .principals == [\"contractor\"] and .requestId == null)")).isTrue();
        assertThat(Jq.test(json.stdout(), stateIs(lost, "REVOKED"))).isTrue();
        assertThat(Jq.test(json.stdout(), stateIs(underRequest, "REVOKED") + " and (.[] | select(.serial == \""
                + underRequest + "\") | .requestId == \"" + id + "\")")).isTrue();

        AccessCli.Result table = gina.run("cert", "ls");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.stdoutLines().get(0)).startsWith("SERIAL").contains("PRINCIPALS", "VALID UNTIL (UTC)", "STATE");
        assertThat(table.stdoutLines()).hasSize(4)
                .anySatisfy(line -> assertThat(line).startsWith(lost).endsWith("REVOKED"))
                .anySatisfy(line -> assertThat(line).startsWith(kept).contains("base roles contractor").endsWith("VALID"))
                .anySatisfy(line -> assertThat(line).startsWith(underRequest).contains("request " + id.substring(0, 8)));
        assertThat(hank.run("cert", "ls", "--json").stdout()).contains(hanks).doesNotContain(kept);
    }

    @Test
    void certLs_withNothingUnexpired_saysSo_andRefusesUnknownOptions(CliAirlock airlock, @TempDir Path home) {
        AccessCli ivy = airlock.cli(home).with("AIRLOCK_USER", "ivy").with("AIRLOCK_GROUPS", "contractors");

        AccessCli.Result none = ivy.run("cert", "ls", "--all");
        assertThat(none.exitCode()).as(none.toString()).isZero();
        assertThat(none.stdout()).isEqualTo("You have no certificates.\n");
        assertThat(ivy.run("cert", "ls", "--user", "gina").exitCode()).isEqualTo(1);
        assertThat(airlock.cli(home).run("cert", "ls").exitCode()).isEqualTo(2);
    }

    @Test
    void status_showsBaseRolesTheirLoginsAndWhatIMayRequest(CliAirlock airlock, @TempDir Path home) {
        AccessCli gina = airlock.cli(home).with("AIRLOCK_USER", "gina").with("AIRLOCK_GROUPS", "contractors");

        AccessCli.Result status = gina.run("status");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.stdout()).contains("  Signed in as:  gina\n", "  Groups:        contractors\n",
                "  Base roles:    contractor (logins contractor; certificates up to 8h)\n",
                "  Logins:        contractor (certificate without a request, up to 8h)\n",
                "  May request:   cluster-a, dba, sudo-admin\n", "  May review:    (none)\n");
        AccessCli.Result json = gina.run("status", "--json");
        assertThat(Jq.test(json.stdout(), ".user == \"gina\" and .baseRoles[0].name == \"contractor\""
                + " and .requestableRoles == [\"cluster-a\", \"dba\", \"sudo-admin\"]")).isTrue();
    }

    /**
     * Groups that look like a reviewer's: a role's name, another case. (A group with spaces, which the
     * development issuer does not mint, is {@code CertificatesAndMeFunctionsTest} in functions/app.)
     */
    @Test
    void status_groupsThatLookLikeAReviewers_grantNoRole(CliAirlock airlock, @TempDir Path home) {
        AccessCli.Result roleName = airlock.cli(home).run("--user", "mallory", "--groups", "dba-reviewer", "status");
        assertThat(roleName.exitCode()).as(roleName.toString()).isZero();
        assertThat(roleName.stdout()).contains("  Groups:        dba-reviewer\n",
                "  Base roles:    (none: your token's claims map to no role)\n", "  May review:    (none)\n");

        AccessCli.Result otherCase = airlock.cli(home).run("--user", "mallory", "--groups", "DBA-Reviewers", "status",
                "--json");
        assertThat(Jq.test(otherCase.stdout(), ".baseRoles == [] and .reviewableRoles == [] and .groups == "
                + "[\"DBA-Reviewers\"]")).as(otherCase.toString()).isTrue();
    }

    private static String requestCertificate(AccessCli user, AccessCli anyone) {
        AccessCli.Result created = user.run("login", "--request-roles", "cluster-a", "--reason", "INC-15", "--nowait");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        String id = AccessLoginIT.idOf(created.stdoutLines().get(0));
        assertThat(anyone.run("--user", "alice", "request", "approve", id).exitCode()).isZero();
        return serialOf(user.run("login", "--request-id", id, "--json"));
    }

    private static String serialOf(AccessCli.Result login) {
        assertThat(login.exitCode()).as(login.toString()).isZero();
        return Jq.eval(login.stdout(), ".serial");
    }

    private static String stateIs(String serial, String state) {
        return "(.[] | select(.serial == \"" + serial + "\") | .state == \"" + state + "\")";
    }

    private static String[] sorted(String... serials) {
        java.util.Arrays.sort(serials);
        return serials;
    }
}
