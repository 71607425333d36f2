package dev.airlock.local;

import dev.airlock.core.api.FunctionSpec;
import dev.airlock.core.api.Route;
import dev.airlock.core.api.Trigger;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalTriggersTest {

    private final FunctionHost host = new FunctionHost() {
        @Override
        public byte[] invoke(String name, byte[] payload) {
            return new byte[0];
        }

        @Override
        public void close() {
        }
    };

    @Test
    void start_shouldRunOneTimerPerScheduledFunction_andNoneForHttp() {
        List<FunctionSpec> functions = List.of(
                new FunctionSpec("web", new Trigger.HttpRoutes(List.of(new Route("GET", "/x", "web")))),
                new FunctionSpec("sweep", new Trigger.Schedule(Duration.ofMinutes(1))),
                new FunctionSpec("checkpoint", new Trigger.Schedule(Duration.ofMinutes(15))));

        try (LocalTriggers triggers = LocalTriggers.start(functions, host, Clock.systemUTC(), "us-east-1",
                Optional.empty())) {
            assertThat(triggers.schedules()).isEqualTo(2);
            assertThat(triggers.streams()).isZero();
        }
    }

    @Test
    void start_withoutAStreamSource_shouldRefuseATableStreamClearly() {
        List<FunctionSpec> functions = List.of(new FunctionSpec("notify", new Trigger.TableStream("audit")));

        assertThatThrownBy(() -> LocalTriggers.start(functions, host, Clock.systemUTC(), "us-east-1", Optional.empty()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("notify").hasMessageContaining("stream source");
    }
}
