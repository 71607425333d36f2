package dev.airlock.core.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemBodyTest {

    @Test
    void of_shouldCarryTypeTitleStatusDetailAndCode() {
        assertThat(ProblemBody.of(404, "Not found", "no_route", "no such route")).containsExactly(
                org.assertj.core.api.Assertions.entry("type", "https://airlock.dev/problems/no-route"),
                org.assertj.core.api.Assertions.entry("title", "Not found"),
                org.assertj.core.api.Assertions.entry("status", 404),
                org.assertj.core.api.Assertions.entry("detail", "no such route"),
                org.assertj.core.api.Assertions.entry("code", "no_route"));
    }

    @Test
    void internal_shouldNameOnlyTheCorrelationId() {
        assertThat(ProblemBody.internal("c-1")).containsOnlyKeys("type", "title", "status", "correlationId")
                .containsEntry("status", 500).containsEntry("correlationId", "c-1");
    }
}
