package dev.airlock.endpoints;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedAwsMainTest {

    @Test
    void parse_readsPortAndDataDirectory() {
        EmbeddedAwsServer.Options options = EmbeddedAwsMain.parse(new String[] {"--port", "4566", "--data-dir", "/tmp/x"});

        assertThat(options.port()).isEqualTo(4566);
        assertThat(options.dataDirectory()).contains(Path.of("/tmp/x"));
    }

    @Test
    void parse_withoutArguments_isAnEphemeralInMemoryServer() {
        assertThat(EmbeddedAwsMain.parse(new String[0])).isEqualTo(new EmbeddedAwsServer.Options(0, Optional.empty()));
    }

    @Test
    void parse_refusesUnknownOrIncompleteArguments() {
        assertThatThrownBy(() -> EmbeddedAwsMain.parse(new String[] {"--verbose"})).hasMessageContaining("--verbose");
        assertThatThrownBy(() -> EmbeddedAwsMain.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> EmbeddedAwsMain.parse(new String[] {"--port", "x"})).hasMessageContaining("number");
        assertThatThrownBy(() -> EmbeddedAwsMain.parse(new String[] {"--port", "70000"})).hasMessageContaining("0..65535");
    }
}
