package dev.airlock.local;

import dev.airlock.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduledInvokerTest {

    @Test
    void runOnce_shouldInvokeExpireWithAnEventBridgeScheduledEvent() {
        List<String> calls = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        FunctionHost host = new FunctionHost() {
            @Override
            public byte[] invoke(String name, byte[] payload) {
                calls.add(name);
                payloads.add(payload);
                return "{\"expired\":3}".getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public void close() {
            }
        };
        ScheduledInvoker invoker = new ScheduledInvoker(host, "expire", MutableClock.at(Instant.parse("2026-11-07T19:39:00.500Z")),
                "eu-central-1");

        String result = invoker.runOnce();

        assertThat(result).isEqualTo("{\"expired\":3}");
        assertThat(calls).containsExactly("expire");
        JsonNode event = Api.JSON.readTree(payloads.get(0));
        assertThat(event.path("detail-type").asString()).isEqualTo("Scheduled Event");
        assertThat(event.path("source").asString()).isEqualTo("aws.events");
        assertThat(event.path("time").asString()).isEqualTo("2026-11-07T19:39:00Z");
        assertThat(event.path("region").asString()).isEqualTo("eu-central-1");
        assertThat(event.path("resources").get(0).asString())
                .isEqualTo("arn:aws:events:eu-central-1:000000000000:rule/airlock-expire");
        assertThat(event.path("detail").isObject()).isTrue();
        assertThat(event.path("id").asString()).hasSize(36);
    }
}
