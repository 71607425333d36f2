package dev.airlock.app.function;

import dev.airlock.app.testing.Events;
import dev.airlock.app.testing.FunctionsHarness;
import dev.airlock.domain.request.RequestState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ExpireFunctionTest {

    private final FunctionsHarness harness = FunctionsHarness.start();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void scheduledEvent_shouldExpireOverdueRequestsOnceAndReportIt() {
        // GIVEN one request past its pending TTL and one still open
        String overdue = harness.bobRequestsDba();
        harness.airlock().clock().advance(Duration.ofDays(8));
        String fresh = harness.bobRequestsDba();

        // WHEN EventBridge's scheduled event arrives twice
        JsonNode first = Events.MAPPER.readTree(harness.functions().invokeAsLambda("expire",
                Events.bytes(Events.load("scheduled.json"))));
        JsonNode second = Events.MAPPER.readTree(harness.functions().invokeAsLambda("expire",
                Events.bytes(Events.load("scheduled.json"))));

        // THEN the first run expires the overdue one, the second finds nothing to do
        assertThat(first.get("expired").asInt()).isEqualTo(1);
        assertThat(first.get("moreWork").asBoolean()).isFalse();
        assertThat(second.get("expired").asInt()).isZero();
        assertThat(harness.airlock().store().find(overdue).orElseThrow().state()).isEqualTo(RequestState.EXPIRED);
        assertThat(harness.airlock().store().find(fresh).orElseThrow().state()).isEqualTo(RequestState.PENDING);
        long expiryRecords = harness.airlock().audit().all().stream()
                .filter(r -> r.action().equals("request.expired")).count();
        assertThat(expiryRecords).isEqualTo(1);
    }
}
