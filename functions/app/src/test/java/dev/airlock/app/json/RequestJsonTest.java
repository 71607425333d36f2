package dev.airlock.app.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.app.http.Json;
import dev.airlock.domain.policy.RequesterGuidance;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.role.Threshold;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestJsonTest {

    private static final Instant T0 = Instant.parse("2026-11-07T19:38:02.113Z");
    private static final AccessRequest PENDING = AccessRequest.create("bc8ca931-fec9-4b15-9d5c-1f1d4b0e7a11", "bob",
            List.of("dba"), "INC-4211", T0, T0.plus(Duration.ofHours(1)), Duration.ofHours(2),
            Map.of("dba", List.of(Threshold.DEFAULT)));

    @Test
    void forRequester_carriesThePromptAndTheSuggestedReviewers() {
        String json = Json.write(RequestJson.forRequester(PENDING, T0,
                new RequesterGuidance(Optional.of("Name the incident ticket"), List.of("alice", "carol"))));

        assertThat(json).contains(
                "\"version\":0,\"requestPrompt\":\"Name the incident ticket\",\"suggestedReviewers\":[\"alice\",\"carol\"],");
    }

    @Test
    void of_writesNullForBoth_outsideTheRequestersCreationResponse() {
        String json = Json.write(RequestJson.of(PENDING, T0));

        assertThat(json).contains("\"version\":0,\"requestPrompt\":null,\"suggestedReviewers\":null,");
    }
}
