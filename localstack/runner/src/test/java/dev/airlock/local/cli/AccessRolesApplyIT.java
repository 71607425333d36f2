package dev.airlock.local.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code access roles apply} (AdminMain apply-roles, in the CLI's process) against the tables named
 * in {@code local.env}: a valid file becomes a new audited version and the chains stay intact; an
 * invalid one is refused with exit 1 and writes nothing.
 */
@ExtendWith(CliAirlock.Shared.class)
class AccessRolesApplyIT {

    @Test
    void apply_storesANewVersion_auditVerifyStaysIntact_anInvalidFileExits1(CliAirlock airlock, @TempDir Path home)
            throws IOException {
        AccessCli cli = airlock.cli(home).with("AIRLOCK_URL", null);
        Path roles = AccessCli.repoRoot().resolve("localstack/config/roles.yaml");

        AccessCli.Result applied = cli.run("roles", "apply", roles.toString(), "--actor", "ops-test");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.stdout()).startsWith("applied role configuration version ");

        AccessCli.Result verify = cli.run("audit", "verify");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();

        Path invalid = Files.writeString(home.resolve("bad.yaml"), "kind: role\nversion: v7\nmetadata: [\n");
        AccessCli.Result refused = cli.run("roles", "apply", invalid.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.stderr()).contains("error:");
        assertThat(refused.stdout()).isEmpty();
    }
}
