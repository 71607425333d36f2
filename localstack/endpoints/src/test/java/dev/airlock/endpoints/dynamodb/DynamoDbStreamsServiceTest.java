package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the SDK-level conformance suite cannot reach: iterator expiry on an injected clock, record
 * times, and streams that survive a restart (from the snapshot and from the journal).
 */
class DynamoDbStreamsServiceTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Instant START = Instant.parse("2026-12-06T01:00:00.250Z");

    @TempDir
    Path root;

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static void createTable(DynamoDbService dynamo) throws AwsServiceException {
        dynamo.handle("CreateTable", json("""
                {"TableName":"audit","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"chain","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"chain","KeyType":"HASH"}],
                 "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}}"""));
    }

    private static void put(DynamoDbService dynamo, String chain, String value) throws AwsServiceException {
        dynamo.handle("PutItem", json("{\"TableName\":\"audit\",\"Item\":{\"chain\":{\"S\":\"" + chain
                + "\"},\"v\":{\"S\":\"" + value + "\"}}}"));
    }

    private static String trimHorizon(DynamoDbService dynamo) throws AwsServiceException {
        DynamoDbStreamsService streams = dynamo.streams();
        String arn = dynamo.handle("DescribeTable", json("{\"TableName\":\"audit\"}")).path("Table")
                .path("LatestStreamArn").asString();
        String shard = streams.handle("DescribeStream", json("{\"StreamArn\":\"" + arn + "\"}"))
                .path("StreamDescription").path("Shards").get(0).path("ShardId").asString();
        return streams.handle("GetShardIterator", json("{\"StreamArn\":\"" + arn + "\",\"ShardId\":\"" + shard
                + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}")).path("ShardIterator").asString();
    }

    private static List<JsonNode> records(DynamoDbService dynamo) throws AwsServiceException {
        JsonNode response = dynamo.streams().handle("GetRecords",
                json("{\"ShardIterator\":\"" + trimHorizon(dynamo) + "\"}"));
        List<JsonNode> records = new ArrayList<>();
        response.path("Records").forEach(records::add);
        return records;
    }

    @Test
    void getRecords_shouldRefuseAnIteratorOlderThanFifteenMinutes() throws Exception {
        MovableClock clock = new MovableClock();
        try (DynamoDbService dynamo = new DynamoDbService(Optional.empty(), clock)) {
            createTable(dynamo);
            put(dynamo, "a", "1");
            String iterator = trimHorizon(dynamo);
            clock.advance(Duration.ofMinutes(15));
            ObjectNode request = json("{\"ShardIterator\":\"" + iterator + "\"}");
            assertThat(dynamo.streams().handle("GetRecords", request).path("Records")).hasSize(1);

            clock.advance(Duration.ofMillis(1));
            AwsServiceException expired = catchThrowableOfType(AwsServiceException.class,
                    () -> dynamo.streams().handle("GetRecords", request));

            assertThat(expired.type()).isEqualTo("ExpiredIteratorException");
            assertThat(expired.status()).isEqualTo(400);
        }
    }

    @Test
    void records_shouldCarryTheCommitTime_roundedDownToTheSecond() throws Exception {
        MovableClock clock = new MovableClock();
        try (DynamoDbService dynamo = new DynamoDbService(Optional.empty(), clock)) {
            createTable(dynamo);
            clock.advance(Duration.ofSeconds(42));
            put(dynamo, "a", "1");

            JsonNode record = records(dynamo).get(0);

            assertThat(record.path("dynamodb").path("ApproximateCreationDateTime").asLong())
                    .isEqualTo(START.getEpochSecond() + 42);
            assertThat(record.path("dynamodb").path("SequenceNumber").asString()).isEqualTo("000000000000000000001");
        }
    }

    @Test
    void streams_shouldSurviveARestart_fromTheJournalAndFromTheSnapshot() throws Exception {
        Path live = root.resolve("live");
        Path crashed = root.resolve("crashed");
        List<JsonNode> before;
        try (DynamoDbService dynamo = new DynamoDbService(Optional.of(live), new MovableClock())) {
            createTable(dynamo);
            put(dynamo, "a", "1");
            put(dynamo, "a", "2");
            before = records(dynamo);
            copy(live, crashed);   // what the disk holds now: the journal, not yet a snapshot
        }
        for (Path directory : List.of(crashed, live)) {
            try (DynamoDbService dynamo = new DynamoDbService(Optional.of(directory), new MovableClock())) {
                assertThat(records(dynamo)).isEqualTo(before);
                put(dynamo, "b", "3");
                List<JsonNode> after = records(dynamo);
                assertThat(after).hasSize(3);
                assertThat(after.get(2).path("dynamodb").path("SequenceNumber").asString())
                        .isEqualTo("000000000000000000003");
            }
        }
        assertThat(before).extracting(r -> r.path("eventName").asString()).containsExactly("INSERT", "MODIFY");
    }

    @Test
    void updateTable_shouldRefuseWhatTheEmbeddedTableCannotChange_namingIt() throws Exception {
        try (DynamoDbService dynamo = new DynamoDbService(Optional.empty(), new MovableClock())) {
            createTable(dynamo);

            AwsServiceException refused = catchThrowableOfType(AwsServiceException.class, () -> dynamo.handle(
                    "UpdateTable", json("{\"TableName\":\"audit\",\"BillingMode\":\"PROVISIONED\"}")));
            AwsServiceException twice = catchThrowableOfType(AwsServiceException.class, () -> dynamo.handle(
                    "UpdateTable", json("{\"TableName\":\"audit\",\"StreamSpecification\":"
                            + "{\"StreamEnabled\":true,\"StreamViewType\":\"KEYS_ONLY\"}}")));

            assertThat(refused.type()).isEqualTo("ValidationException");
            assertThat(refused.getMessage()).contains("BillingMode");
            assertThat(twice.getMessage()).contains("already has an enabled stream");
        }
    }

    @Test
    void disablingTheStream_shouldCloseTheShard_afterItsLastRecord() throws Exception {
        try (DynamoDbService dynamo = new DynamoDbService(Optional.empty(), new MovableClock())) {
            createTable(dynamo);
            put(dynamo, "a", "1");
            dynamo.handle("UpdateTable", json("{\"TableName\":\"audit\",\"StreamSpecification\":{\"StreamEnabled\":false}}"));
            put(dynamo, "a", "2");

            JsonNode page = dynamo.streams().handle("GetRecords", json("{\"ShardIterator\":\"" + trimHorizon(dynamo) + "\"}"));

            assertThat(page.path("Records")).hasSize(1);
            assertThat(page.has("NextShardIterator")).isFalse();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}
