package dev.airlock.app.function;

import dev.airlock.app.testing.Events;
import dev.airlock.app.testing.FunctionsHarness;
import dev.airlock.app.testing.LambdaResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.CanonicalForm;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ListFunctionTest {

    private final FunctionsHarness harness = FunctionsHarness.start();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void list_ownRequests_shouldReturnThemWithNoNextCursor() {
        String id = harness.bobRequestsDba();

        LambdaResponse response = harness.invoke("list", "list-mine.json");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactly("items", "nextCursor");
        assertThat(body.get("items")).hasSize(1);
        assertThat(body.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(body.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void list_reviewQueue_withJsonArrayGroupsClaim_shouldShowPendingRequests() {
        // GIVEN alice's groups claim in JSON array form, ["dba-reviewers"]
        String id = harness.bobRequestsDba();

        LambdaResponse response = harness.invoke("list", "list-queue-json-groups.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("items").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void list_reviewQueue_withApiGatewayArrayClaim_shouldShowPendingRequests() {
        String id = harness.bobRequestsDba();
        ObjectNode event = Events.claims(Events.load("list-queue-json-groups.json"), "alice", "[dba-reviewers interns]");

        LambdaResponse response = harness.invoke("list", event);

        assertThat(response.json().get("items").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void list_reviewQueue_withoutReviewerGroup_shouldNotShowOthersRequests() {
        harness.bobRequestsDba();
        ObjectNode event = Events.claims(Events.load("list-queue-json-groups.json"), "carol", "[contractors]");

        LambdaResponse response = harness.invoke("list", event);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("items")).isEmpty();
    }

    @Test
    void list_pages_shouldFollowNextCursorWithoutRepeats() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(harness.bobRequestsDba());
            harness.airlock().clock().advance(Duration.ofSeconds(1));
        }
        List<String> seen = new ArrayList<>();
        ObjectNode event = Events.query(Events.load("list-mine.json"), "limit", "2");
        for (int page = 0; page < 10; page++) {
            JsonNode body = harness.invoke("list", event).json();
            body.get("items").forEach(item -> seen.add(item.get("id").asString()));
            if (body.get("nextCursor").isNull()) {
                break;
            }
            Events.query(event, "cursor", body.get("nextCursor").asString());
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(created);
    }

    @Test
    void list_withUnknownState_shouldBe400NamingTheParameter() {
        ObjectNode event = Events.query(Events.load("list-mine.json"), "state", "OPEN");

        LambdaResponse response = harness.invoke("list", event);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_query");
        assertThat(response.json().get("detail").asString()).contains("'state'");
    }

    @Test
    void list_withLimitOutOfRange_shouldBe400() {
        for (String limit : List.of("0", "101", "ten", "-1")) {
            ObjectNode event = Events.query(Events.load("list-mine.json"), "limit", limit);

            LambdaResponse response = harness.invoke("list", event);

            assertThat(response.status()).as("limit=" + limit).isEqualTo(400);
            assertThat(response.json().get("detail").asString()).contains("'limit'");
        }
    }

    @Test
    void get_byEligibleReviewer_shouldReturnTheRequest() {
        String id = harness.bobRequestsDba();

        LambdaResponse response = harness.invoke("list", Events.requestId(Events.load("list-one.json"), id));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asString()).isEqualTo(id);
        assertThat(response.json().get("user").asString()).isEqualTo("bob");
    }

    @Test
    void get_byUnrelatedUser_shouldBe403() {
        String id = harness.bobRequestsDba();
        ObjectNode event = Events.claims(Events.requestId(Events.load("list-one.json"), id), "mallory", "[contractors]");

        LambdaResponse response = harness.invoke("list", event);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("not_visible");
    }

    @Test
    void audit_byEligibleReviewer_shouldServeTheChainWithEverythingItsHashesCover() {
        String id = harness.bobRequestsDba();
        harness.invoke("approve", Events.requestId(Events.load("review-approve.json"), id));

        LambdaResponse response = harness.invoke("list", Events.requestId(Events.load("list-audit.json"), id));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactly("requestId", "head", "records");
        assertThat(body.get("requestId").asString()).isEqualTo(id);
        JsonNode records = body.get("records");
        assertThat(records.size()).isGreaterThanOrEqualTo(2);
        assertThat(records.get(0).get("action").asString()).isEqualTo("request.created");
        String prev = "0".repeat(64);
        for (JsonNode record : records) {
            assertThat(record.propertyNames()).containsExactly("chain", "seq", "at", "actor", "action", "details",
                    "prevHash", "hash");
            assertThat(record.get("chain").asString()).isEqualTo("request#" + id);
            assertThat(record.get("prevHash").asString()).isEqualTo(prev);
            // recomputed from the JSON alone: the representation carries exactly what the hash covers
            assertThat(CanonicalForm.hash(fromJson(record))).isEqualTo(record.get("hash").asString());
            prev = record.get("hash").asString();
        }
        assertThat(body.get("head").get("seq").asLong()).isEqualTo(records.size());
        assertThat(body.get("head").get("hash").asString()).isEqualTo(prev);
    }

    @Test
    void audit_forWhomGetRefuses_shouldBeRefusedTheSameWay() {
        String id = harness.bobRequestsDba();
        ObjectNode event = Events.claims(Events.requestId(Events.load("list-audit.json"), id), "mallory", "[contractors]");

        LambdaResponse refused = harness.invoke("list", event);
        LambdaResponse unknown = harness.invoke("list",
                Events.requestId(Events.load("list-audit.json"), "0b8e5f7e-0000-4000-8000-000000000000"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("not_visible");
        assertThat(refused.body()).doesNotContain("request.created");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("request_not_found");
    }

    private static AuditRecord fromJson(JsonNode record) {
        Map<String, String> details = new TreeMap<>();
        record.get("details").properties().forEach(e -> details.put(e.getKey(), e.getValue().asString()));
        return new AuditRecord(record.get("chain").asString(), record.get("seq").asLong(),
                Instant.parse(record.get("at").asString()), record.get("actor").asString(),
                record.get("action").asString(), details, record.get("prevHash").asString(), record.get("hash").asString());
    }

    @Test
    void get_afterPendingTtl_shouldReadAsExpiredBeforeTheSweep() {
        String id = harness.bobRequestsDba();
        harness.airlock().clock().advance(Duration.ofDays(8));

        LambdaResponse response = harness.invoke("list", Events.requestId(Events.load("list-one.json"), id));

        assertThat(response.json().get("state").asString()).isEqualTo("EXPIRED");
        assertThat(response.json().get("resolvedAt").isNull()).isFalse();
    }

    @Test
    void get_malformedId_shouldBe404() {
        LambdaResponse response = harness.invoke("list",
                Events.requestId(Events.load("list-one.json"), "..%2F..%2Fetc"));

        assertThat(response.status()).isEqualTo(404);
    }
}
