package dev.airlock.local.cli;

import dev.airlock.core.testing.MutableClock;
import dev.airlock.local.DemoUsers;
import dev.airlock.local.DevTokenIssuer;
import dev.airlock.local.FunctionHost;
import dev.airlock.local.LocalGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code access sso login --headless} when nobody signs in before the device code expires: the
 * provider (with a clock the test moves past the code's 10 minutes) answers {@code expired_token} and
 * the CLI says so, exits 2 and caches nothing. The deployment's settings come from a stub.
 */
class SsoDeviceExpiryIT {

    @Test
    void headless_deviceCodeExpires_isRefusedClearly(@TempDir Path home, @TempDir Path browserDir) throws IOException {
        MutableClock clock = MutableClock.at(Instant.parse("2026-11-07T19:38:02Z"));
        FunctionHost none = new FunctionHost() {
            @Override
            public byte[] invoke(String name, byte[] payload) {
                throw new IllegalStateException("no function is called while signing in");
            }

            @Override
            public void close() {
            }
        };
        try (LocalGateway provider = LocalGateway.start(0, none, url -> DevTokenIssuer.inMemory(url, clock),
                DemoUsers.of(Map.of("bob", List.of("contractors"))), clock);
             StubDeployment deployment = StubDeployment.serving(provider.issuer().issuer(), "airlock-cli", "airlock-local")) {
            AccessCli shell = AccessCli.forHome(home).with("AIRLOCK_URL", deployment.url().toString())
                    .with("BROWSER", SignInBrowser.in(browserDir).command());
            AccessCli.Running login = shell.start("sso", "login", "--headless");
            login.awaitStderr(Pattern.compile("(To sign in, visit \\S+ and enter the code [A-Z-]+)\n"));
            clock.advance(Duration.ofMinutes(11));

            AccessCli.Result result = login.await();
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
            assertThat(result.stderr()).endsWith("access: error: the device code expired before the sign-in was "
                    + "completed; run the command again\n");
        }
        Path sessions = home.resolve(".config/airlock/sessions");
        if (Files.isDirectory(sessions)) {
            try (Stream<Path> files = Files.list(sessions)) {
                assertThat(files.filter(file -> file.toString().endsWith(".json"))).isEmpty();
            }
        }
    }
}
