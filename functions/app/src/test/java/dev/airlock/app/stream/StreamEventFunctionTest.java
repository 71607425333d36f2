package dev.airlock.app.stream;

import dev.airlock.core.api.StreamConsumer;
import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.StreamChange;
import dev.airlock.domain.request.AuditHead;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The raw DynamoDB stream event in, {@link StreamChange}s to the consumer, Lambda's partial batch response out. */
class StreamEventFunctionTest {

    private final List<StreamChange> seen = new ArrayList<>();

    @Test
    void modifyAndRemove_shouldReachTheConsumerWithKeysAndImages_inStreamOrder() throws IOException {
        Map<String, Object> response = new StreamEventFunction(record(StreamConsumer.Result.done()))
                .apply(fixture("dynamodb-stream-modify-remove.json"));

        assertThat(response).isEqualTo(Map.of("batchItemFailures", List.of()));
        assertThat(seen).extracting(StreamChange::id, StreamChange::event, StreamChange::chain, StreamChange::seq)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("4421584500000000017450439091", StreamChange.Event.MODIFY,
                                "user#bob", 1L),
                        org.assertj.core.groups.Tuple.tuple("4421584500000000017450439092", StreamChange.Event.REMOVE,
                                "user#bob", 2L));
        assertThat(seen.get(0).newImage()).hasValueSatisfying(image -> assertThat(image.problem()).isPresent());
        assertThat(seen.get(1).newImage()).isEmpty();
    }

    @Test
    void anInsertOfAnAuditRecord_shouldCarryTheRecordAsStored() {
        AuditRecord record = AuditRecord.next(AuditHead.GENESIS, "user#bob", Instant.parse("2026-03-01T10:00:00Z"),
                "bob", AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "7"));

        new StreamEventFunction(record(StreamConsumer.Result.done()))
                .apply(new ByteArrayInputStream(AuditStreamEvent.inserts(List.of(record), 100)));

        assertThat(seen).singleElement().satisfies(change -> {
            assertThat(change.id()).isEqualTo("100");
            assertThat(change.event()).isEqualTo(StreamChange.Event.INSERT);
            assertThat(change.newImage().flatMap(i -> i.record())).contains(record);
        });
    }

    @Test
    void failedIds_shouldBecomeBatchItemFailures() throws IOException {
        Map<String, Object> response = new StreamEventFunction(record(new StreamConsumer.Result(
                List.of("4421584500000000017450439092")))).apply(fixture("dynamodb-stream-modify-remove.json"));

        assertThat(response).isEqualTo(Map.of("batchItemFailures",
                List.of(Map.of("itemIdentifier", "4421584500000000017450439092"))));
    }

    @Test
    void aScheduledHeartbeat_shouldReachTheConsumerAsAnEmptyBatch() throws IOException {
        List<List<StreamChange>> batches = new ArrayList<>();
        Map<String, Object> response = new StreamEventFunction(changes -> {
            batches.add(changes);
            return StreamConsumer.Result.done();
        }).apply(fixture("scheduled.json"));

        assertThat(batches).containsExactly(List.of());
        assertThat(response).isEqualTo(Map.of("batchItemFailures", List.of()));
    }

    @Test
    void anInputThatIsNotAStreamEvent_shouldBeRefusedWithoutEchoingIt() {
        StreamEventFunction function = new StreamEventFunction(record(StreamConsumer.Result.done()));

        assertThatThrownBy(() -> function.apply(stream("{\"secret-token\": 1}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret-token");
        assertThatThrownBy(() -> function.apply(stream("not json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("not json");
        assertThatThrownBy(() -> function.apply(stream("{\"Records\":[{\"eventName\":\"INSERT\",\"dynamodb\":{}}]}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SequenceNumber");
        assertThat(seen).isEmpty();
    }

    private StreamConsumer record(StreamConsumer.Result result) {
        return changes -> {
            seen.addAll(changes);
            return result;
        };
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream fixture(String name) throws IOException {
        InputStream in = StreamEventFunctionTest.class.getResourceAsStream("/events/" + name);
        if (in == null) {
            throw new IOException("missing test resource /events/" + name);
        }
        return in;
    }
}
