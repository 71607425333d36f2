package dev.airlock.ssh.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalCommandTest {

    @Test
    void missingToolFailsWithThePackageToInstall() {
        assertThatThrownBy(() -> ExternalCommand.requireExecutable("/nonexistent/sbin/sshd", "openssh-server"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("/nonexistent/sbin/sshd is required by this test but is not installed; install the Debian "
                        + "package 'openssh-server' (.ci/run does: apt-get install openssh-server)");
    }

    @Test
    void runCapturesExitCodeAndBothStreams() {
        ExternalCommand.Result result = ExternalCommand.run(List.of("/bin/sh", "-c", "echo out; echo err >&2; exit 3"));

        assertThat(result).isEqualTo(new ExternalCommand.Result(3, "out\n", "err\n"));
        assertThatThrownBy(() -> result.requireSuccess("sh")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("sh failed with exit code 3");
    }
}
