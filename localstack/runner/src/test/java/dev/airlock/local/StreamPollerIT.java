package dev.airlock.local;

import dev.airlock.core.testing.MutableClock;
import dev.airlock.endpoints.EmbeddedAwsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local event source mapping on the embedded DynamoDB Streams, through the AWS SDK: batches in
 * commit order as {@code DynamodbEvent} JSON, redelivery from the first failed record of a partial
 * batch response, a restart resuming after the last record handled, and no invocation while idle
 * except the periodic empty one.
 */
class StreamPollerIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EmbeddedAwsServer server;
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;
    private final String table = "stream-poller-" + System.nanoTime();
    private final List<JsonNode> events = new ArrayList<>();
    private Function<JsonNode, String> respond = event -> "{\"batchItemFailures\":[]}";
    private final MutableClock clock = MutableClock.at(MutableClock.DEFAULT_START);

    @BeforeEach
    void start() {
        server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        dynamoDb = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        dynamoDb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("chain").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("seq").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("chain").keyType(KeyType.HASH),
                        k -> k.attributeName("seq").keyType(KeyType.RANGE))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    @AfterEach
    void stop() {
        streams.close();
        dynamoDb.close();
        server.close();
    }

    private final FunctionHost host = new FunctionHost() {
        @Override
        public byte[] invoke(String name, byte[] payload) {
            JsonNode event = JSON.readTree(payload);
            events.add(event);
            return respond.apply(event).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
        }
    };

    private StreamPoller poller(StreamPositions positions) {
        return new StreamPoller(streams, table, host, "checkpoint", positions, clock, 100,
                Optional.of(Duration.ofSeconds(5)));
    }

    private void put(long seq) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("chain", AttributeValue.fromS("c"),
                "seq", AttributeValue.fromN(Long.toString(seq)))));
    }

    private static List<String> seqs(JsonNode event) {
        List<String> out = new ArrayList<>();
        event.get("Records").forEach(r -> out.add(r.get("dynamodb").get("NewImage").get("seq").get("N").asString()));
        return out;
    }

    @Test
    void aBatch_shouldArriveAsDynamodbEventJson_inCommitOrder() {
        put(1);
        put(2);
        dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of("chain", AttributeValue.fromS("c"),
                "seq", AttributeValue.fromN("1"))));

        assertThat(poller(new StreamPositions(Optional.empty())).pollOnce()).isEqualTo(StreamPoller.Step.DELIVERED);

        JsonNode records = events.get(0).get("Records");
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get("eventName").asString()).isEqualTo("INSERT");
        assertThat(records.get(2).get("eventName").asString()).isEqualTo("REMOVE");
        assertThat(records.get(2).get("dynamodb").get("OldImage").get("seq").get("N").asString()).isEqualTo("1");
        assertThat(records.get(2).get("dynamodb").has("NewImage")).isFalse();
        assertThat(records.get(0).get("eventSource").asString()).isEqualTo("aws:dynamodb");
        assertThat(records.get(0).get("eventSourceARN").asString()).contains(":table/" + table + "/stream/");
        assertThat(records.get(0).get("dynamodb").get("Keys").get("chain").get("S").asString()).isEqualTo("c");
        assertThat(records.get(0).get("dynamodb").get("StreamViewType").asString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(records.get(0).get("dynamodb").get("SequenceNumber").asString()).matches("[0-9]+");
    }

    @Test
    void aPartialBatchFailure_shouldBeDeliveredAgainFromTheFirstFailedRecord() {
        put(1);
        put(2);
        put(3);
        StreamPoller poller = poller(new StreamPositions(Optional.empty()));
        respond = event -> "{\"batchItemFailures\":[{\"itemIdentifier\":\""
                + event.get("Records").get(2).get("dynamodb").get("SequenceNumber").asString()
                + "\"},{\"itemIdentifier\":\""
                + event.get("Records").get(1).get("dynamodb").get("SequenceNumber").asString() + "\"}]}";

        assertThat(poller.pollOnce()).isEqualTo(StreamPoller.Step.FAILED);
        respond = event -> "{\"batchItemFailures\":[]}";
        assertThat(poller.pollOnce()).isEqualTo(StreamPoller.Step.DELIVERED);
        assertThat(poller.pollOnce()).isEqualTo(StreamPoller.Step.IDLE);

        assertThat(events).extracting(StreamPollerIT::seqs).containsExactly(List.of("1", "2", "3"), List.of("2", "3"));
    }

    @Test
    void anInvocationError_shouldDeliverTheWholeBatchAgain() {
        put(1);
        StreamPoller poller = poller(new StreamPositions(Optional.empty()));
        respond = event -> {
            throw new IllegalStateException("function error");
        };

        assertThat(poller.pollOnce()).isEqualTo(StreamPoller.Step.FAILED);
        respond = event -> "";
        assertThat(poller.pollOnce()).isEqualTo(StreamPoller.Step.DELIVERED);

        assertThat(events).extracting(StreamPollerIT::seqs).containsExactly(List.of("1"), List.of("1"));
    }

    @Test
    void aRestart_shouldResumeAfterTheLastRecordHandled_andWithoutAPositionFromTheStart(@TempDir Path home) {
        put(1);
        put(2);
        assertThat(poller(new StreamPositions(Optional.of(home))).pollOnce()).isEqualTo(StreamPoller.Step.DELIVERED);
        put(3);

        assertThat(poller(new StreamPositions(Optional.of(home))).pollOnce()).isEqualTo(StreamPoller.Step.DELIVERED);
        assertThat(poller(new StreamPositions(Optional.empty())).pollOnce()).isEqualTo(StreamPoller.Step.DELIVERED);

        assertThat(events).extracting(StreamPollerIT::seqs)
                .containsExactly(List.of("1", "2"), List.of("3"), List.of("1", "2", "3"));
    }

    @Test
    void anIdleStream_shouldInvokeNothing_untilTheIdleInvocationIsDue() {
        StreamPoller poller = poller(new StreamPositions(Optional.empty()));

        assertThat(poller.pollOnce()).isEqualTo(StreamPoller.Step.IDLE);
        clock.advance(Duration.ofSeconds(4));
        assertThat(poller.pollOnce()).isEqualTo(StreamPoller.Step.IDLE);
        assertThat(events).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(poller.pollOnce()).isEqualTo(StreamPoller.Step.IDLE);

        assertThat(events).singleElement().satisfies(event -> assertThat(event.get("Records")).isEmpty());
    }
}
