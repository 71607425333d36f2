package dev.airlock.aws.admin;

import dev.airlock.core.storage.Tables;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminOptionsTest {

    @Test
    void parse_shouldPreferFlagsOverTheEnvironmentOverDefaults() throws Exception {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://env:4566", "AWS_REGION", "eu-west-1",
                "AIRLOCK_AUDIT_TABLE", "env-audit");

        AdminOptions flags = AdminOptions.parse(new String[] {"verify", "--endpoint", "http://flag:1234",
                "--region", "eu-central-1", "--requests-table", "my-requests"}, env);
        AdminOptions defaults = AdminOptions.parse(new String[] {"verify"}, Map.of());

        assertThat(flags.endpoint()).contains(URI.create("http://flag:1234"));
        assertThat(flags.region().id()).isEqualTo("eu-central-1");
        assertThat(flags.tables().requests()).isEqualTo("my-requests");
        assertThat(flags.tables().audit()).isEqualTo("env-audit");
        assertThat(defaults.endpoint()).isEmpty();
        assertThat(defaults.region().id()).isEqualTo(AdminOptions.DEFAULT_REGION);
        assertThat(defaults.tables().requests()).isEqualTo(Tables.REQUESTS.logicalName());
        assertThat(defaults.tables().audit()).isEqualTo(Tables.AUDIT.logicalName());
    }

    @Test
    void parse_shouldReadTheDynamoDbSpecificEndpointFirst() throws Exception {
        AdminOptions options = AdminOptions.parse(new String[] {"verify"},
                Map.of("AWS_ENDPOINT_URL", "http://general:1", "AWS_ENDPOINT_URL_DYNAMODB", "http://dynamo:2"));

        assertThat(options.endpoint()).contains(URI.create("http://dynamo:2"));
    }

    @Test
    void parse_shouldTakeTheRoleFileAndActorOfApplyRoles() throws Exception {
        AdminOptions options = AdminOptions.parse(new String[] {"apply-roles", "roles.yaml", "--actor", "ops"}, Map.of());

        assertThat(options.file()).contains(Path.of("roles.yaml"));
        assertThat(options.actor()).isEqualTo("ops");
    }

    @Test
    void parse_shouldTakeTheCaKeyFromTheFlagElseTheEnvironment() throws Exception {
        Map<String, String> env = Map.of("AIRLOCK_CA_KEY_ID", "alias/env-ca");

        assertThat(AdminOptions.parse(new String[] {"verify"}, Map.of()).caKeyId()).isEmpty();
        assertThat(AdminOptions.parse(new String[] {"verify"}, env).caKeyId()).contains("alias/env-ca");
        AdminOptions register = AdminOptions.parse(new String[] {"ca", "register", "--ca-key", "arn:k", "--actor", "ops"},
                env);
        assertThat(register.command()).isEqualTo(AdminOptions.CA_REGISTER);
        assertThat(register.caKeyId()).contains("arn:k");
        assertThat(register.actor()).isEqualTo("ops");
        assertThat(AdminOptions.parse(new String[] {"verify", "--ca-url", "https://api.example/"}, Map.of()).caUrl())
                .contains(URI.create("https://api.example/"));
    }

    @Test
    void parse_shouldRefuseCaRegisterWithoutAKey_orAnotherCaSubcommand() {
        for (String[] args : new String[][] {{"ca", "register"}, {"ca"}, {"ca", "rotate", "--ca-key", "k"},
                {"ca", "register", "extra", "--ca-key", "k"}, {"verify", "--ca-url", "file:///etc/passwd"}}) {
            assertThatThrownBy(() -> AdminOptions.parse(args, Map.of())).isInstanceOf(UsageException.class);
        }
    }

    @Test
    void parse_shouldRefuseBadCommandLines() {
        for (String[] args : new String[][] {
                {}, {"frobnicate"}, {"verify", "extra"}, {"apply-roles"}, {"verify", "--bogus", "x"},
                {"verify", "--endpoint"}, {"verify", "--endpoint", "ftp://x"}, {"verify", "--endpoint", "not a url"},
                {"verify", "--audit-table", "a"}}) {
            assertThatThrownBy(() -> AdminOptions.parse(args, Map.of())).isInstanceOf(UsageException.class);
        }
    }

    @Test
    void run_shouldPrintUsageAndExitTwoOnABadCommandLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = AdminMain.run(new String[] {"nonsense"}, Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(AdminMain.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'nonsense'").contains("usage:");
    }

    @Test
    void parse_shouldIgnoreBlankEnvironmentValues() throws Exception {
        AdminOptions options = AdminOptions.parse(new String[] {"verify"}, Map.of("AWS_ENDPOINT_URL", " "));

        assertThat(options.endpoint()).isEqualTo(Optional.empty());
    }
}
