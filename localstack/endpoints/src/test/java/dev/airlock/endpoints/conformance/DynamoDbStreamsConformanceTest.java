package dev.airlock.endpoints.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.util.ArrayList;
import java.util.List;

import static dev.airlock.endpoints.conformance.DynamoDbFixtures.item;
import static dev.airlock.endpoints.conformance.DynamoDbFixtures.n;
import static dev.airlock.endpoints.conformance.DynamoDbFixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DynamoDB Streams as the DynamoDB Streams API reference and the Developer Guide (Streams.html)
 * describe them: a stream per table, records for INSERT, MODIFY and REMOVE with the images the
 * view type keeps, in the order of the writes; none for a write that fails its condition or
 * leaves the item unchanged; iterators from TRIM_HORIZON, LATEST or a sequence number; paging.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbStreamsConformanceTest {

    /** DynamoDB Streams is eventually consistent: a reader polls until what it expects has arrived. */
    private static final int POLLS = 20;

    private final ConformanceTarget target = ConformanceTarget.current();
    private DynamoDbClient dynamo;
    private DynamoDbStreamsClient streams;
    private final List<String> tables = new ArrayList<>();

    @BeforeAll
    void clients() {
        dynamo = target.dynamoDb();
        streams = target.dynamoDbStreams();
    }

    @AfterAll
    void deleteTables() {
        tables.forEach(table -> DynamoDbFixtures.deleteQuietly(dynamo, table));
    }

    private String streamTable(StreamViewType viewType) {
        String table = DynamoDbFixtures.table(target.uniqueName("streams")).hash("chain", ScalarAttributeType.S)
                .range("seq", ScalarAttributeType.N).stream(viewType).create(dynamo);
        tables.add(table);
        return table;
    }

    private String streamArn(String table) {
        return dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    }

    private String shardId(String streamArn) {
        return streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
    }

    private String iterator(String streamArn, ShardIteratorType type, String sequenceNumber) {
        return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId(streamArn))
                .shardIteratorType(type).sequenceNumber(sequenceNumber)).shardIterator();
    }

    /** Reads from {@code iterator} until {@code expected} records have arrived (or the polls run out). */
    private List<Record> read(String iterator, int expected) {
        List<Record> records = new ArrayList<>();
        String next = iterator;
        for (int poll = 0; poll < POLLS && records.size() < expected && next != null; poll++) {
            String current = next;
            GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current));
            records.addAll(page.records());
            next = page.nextShardIterator();
        }
        return records;
    }

    private void put(String table, String chain, long seq, String event) {
        dynamo.putItem(r -> r.tableName(table).item(item("chain", s(chain), "seq", n(seq), "event", s(event))));
    }

    @Test
    void describeTable_shouldNameTheStream_andListStreamsAndDescribeStreamShouldFindIt() {
        String table = streamTable(StreamViewType.NEW_AND_OLD_IMAGES);

        TableDescription description = dynamo.describeTable(r -> r.tableName(table)).table();
        StreamDescription stream = streams.describeStream(r -> r.streamArn(description.latestStreamArn()))
                .streamDescription();

        assertThat(description.streamSpecification().streamEnabled()).isTrue();
        assertThat(description.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(description.latestStreamArn()).startsWith(description.tableArn() + "/stream/")
                .endsWith(description.latestStreamLabel());
        assertThat(streams.listStreams(r -> r.tableName(table)).streams())
                .anySatisfy(s -> assertThat(s.streamArn()).isEqualTo(description.latestStreamArn()));
        assertThat(stream.streamStatus()).isEqualTo(StreamStatus.ENABLED);
        assertThat(stream.tableName()).isEqualTo(table);
        assertThat(stream.streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(stream.keySchema()).hasSize(2);
        assertThat(stream.shards()).isNotEmpty();
        assertThat(stream.shards().get(0).shardId()).startsWith("shardId-");
        assertThat(stream.shards().get(0).sequenceNumberRange().startingSequenceNumber()).matches("[0-9]+");
    }

    @Test
    void insertModifyRemove_shouldBeRecorded_withBothImages() {
        String table = streamTable(StreamViewType.NEW_AND_OLD_IMAGES);
        String arn = streamArn(table);
        put(table, "request#1", 1, "created");
        dynamo.updateItem(r -> r.tableName(table).key(item("chain", s("request#1"), "seq", n(1)))
                .updateExpression("SET event = :e").expressionAttributeValues(item(":e", s("approved"))));
        dynamo.deleteItem(r -> r.tableName(table).key(item("chain", s("request#1"), "seq", n(1))));

        List<Record> records = read(iterator(arn, ShardIteratorType.TRIM_HORIZON, null), 3);

        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        Record insert = records.get(0);
        assertThat(insert.eventSource()).isEqualTo("aws:dynamodb");
        assertThat(insert.awsRegion()).isEqualTo("us-east-1");
        assertThat(insert.eventID()).isNotBlank();
        assertThat(insert.eventVersion()).isNotBlank();
        assertThat(insert.dynamodb().keys()).isEqualTo(item("chain", s("request#1"), "seq", n(1)));
        assertThat(insert.dynamodb().hasOldImage()).isFalse();
        assertThat(insert.dynamodb().newImage().get("event")).isEqualTo(s("created"));
        Record modify = records.get(1);
        assertThat(modify.dynamodb().oldImage().get("event")).isEqualTo(s("created"));
        assertThat(modify.dynamodb().newImage().get("event")).isEqualTo(s("approved"));
        assertThat(modify.dynamodb().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(modify.dynamodb().sizeBytes()).isPositive();
        assertThat(modify.dynamodb().approximateCreationDateTime()).isNotNull();
        Record remove = records.get(2);
        assertThat(remove.dynamodb().oldImage().get("event")).isEqualTo(s("approved"));
        assertThat(remove.dynamodb().hasNewImage()).isFalse();
        assertThat(records).extracting(r -> new java.math.BigInteger(r.dynamodb().sequenceNumber()))
                .isSorted().doesNotHaveDuplicates();
    }

    @Test
    void transactions_shouldAppearInCommitOrder_andFailedOrNoOpWritesNotAtAll() {
        String table = streamTable(StreamViewType.NEW_AND_OLD_IMAGES);
        String arn = streamArn(table);
        for (long seq = 1; seq <= 3; seq++) {
            long current = seq;
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table)
                            .item(item("chain", s("c"), "seq", n(current), "event", s("e" + current)))
                            .conditionExpression("attribute_not_exists(seq)").build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(item("chain", s("head"), "seq", n(0))).updateExpression("SET lastSeq = :s")
                            .expressionAttributeValues(item(":s", n(current))).build()).build()));
        }
        assertThatThrownBy(() -> dynamo.putItem(r -> r.tableName(table)
                .item(item("chain", s("c"), "seq", n(1), "event", s("forged")))
                .conditionExpression("attribute_not_exists(seq)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        put(table, "c", 2, "e2");   // identical to the stored item: changes nothing
        put(table, "c", 4, "e4");   // a marker after the writes that must leave no record

        List<Record> records = read(iterator(arn, ShardIteratorType.TRIM_HORIZON, null), 7);

        assertThat(records).hasSize(7);
        List<String> chainWrites = records.stream().filter(r -> r.dynamodb().keys().get("chain").s().equals("c"))
                .map(r -> r.eventNameAsString() + " " + r.dynamodb().newImage().get("seq").n()).toList();
        assertThat(chainWrites).containsExactly("INSERT 1", "INSERT 2", "INSERT 3", "INSERT 4");
        List<String> headWrites = records.stream().filter(r -> r.dynamodb().keys().get("chain").s().equals("head"))
                .map(r -> r.eventNameAsString() + " " + r.dynamodb().newImage().get("lastSeq").n()).toList();
        assertThat(headWrites).containsExactly("INSERT 1", "MODIFY 2", "MODIFY 3");
        for (int tx = 0; tx < 3; tx++) {
            // the two writes of transaction tx come before every write of transaction tx + 1
            AttributeValue number = n(tx + 1);
            assertThat(records.subList(2 * tx, 2 * tx + 2)).allSatisfy(r -> assertThat(r.dynamodb().newImage().values())
                    .contains(number));
        }
    }

    @Test
    void latest_shouldSkipEarlierRecords_andSequenceNumberIteratorsShouldStartThere() {
        String table = streamTable(StreamViewType.NEW_AND_OLD_IMAGES);
        String arn = streamArn(table);
        put(table, "a", 1, "before");
        put(table, "a", 2, "before");
        List<Record> early = read(iterator(arn, ShardIteratorType.TRIM_HORIZON, null), 2);
        String latest = iterator(arn, ShardIteratorType.LATEST, null);
        put(table, "a", 3, "after");

        assertThat(read(latest, 1)).extracting(r -> r.dynamodb().keys().get("seq").n()).containsExactly("3");
        String second = early.get(1).dynamodb().sequenceNumber();
        assertThat(read(iterator(arn, ShardIteratorType.AT_SEQUENCE_NUMBER, second), 2))
                .extracting(r -> r.dynamodb().keys().get("seq").n()).containsExactly("2", "3");
        assertThat(read(iterator(arn, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second), 1))
                .extracting(r -> r.dynamodb().keys().get("seq").n()).containsExactly("3");
    }

    @Test
    void getRecords_shouldPageWithLimit_andAlwaysGiveANextIteratorOnAnOpenShard() {
        String table = streamTable(StreamViewType.NEW_AND_OLD_IMAGES);
        String arn = streamArn(table);
        for (long seq = 1; seq <= 5; seq++) {
            put(table, "p", seq, "x");
        }
        List<String> seen = new ArrayList<>();
        String next = iterator(arn, ShardIteratorType.TRIM_HORIZON, null);
        for (int poll = 0; poll < POLLS && seen.size() < 5; poll++) {
            String current = next;
            GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(current).limit(2));
            assertThat(page.records()).hasSizeLessThanOrEqualTo(2);
            page.records().forEach(r -> seen.add(r.dynamodb().keys().get("seq").n()));
            assertThat(page.nextShardIterator()).isNotNull();
            next = page.nextShardIterator();
        }
        assertThat(seen).containsExactly("1", "2", "3", "4", "5");
        String end = next;
        assertThat(streams.getRecords(r -> r.shardIterator(end)).records()).isEmpty();
    }

    @Test
    void keysOnly_shouldCarryNoImages() {
        String table = streamTable(StreamViewType.KEYS_ONLY);
        put(table, "k", 1, "x");

        Record record = read(iterator(streamArn(table), ShardIteratorType.TRIM_HORIZON, null), 1).get(0);

        assertThat(record.dynamodb().keys()).isEqualTo(item("chain", s("k"), "seq", n(1)));
        assertThat(record.dynamodb().hasNewImage()).isFalse();
        assertThat(record.dynamodb().hasOldImage()).isFalse();
        assertThat(record.dynamodb().streamViewTypeAsString()).isEqualTo("KEYS_ONLY");
    }

    @Test
    void updateTable_shouldEnableAStreamOnAnExistingTable() {
        String table = DynamoDbFixtures.table(target.uniqueName("streams")).hash("id", ScalarAttributeType.S)
                .create(dynamo);
        tables.add(table);
        assertThat(dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn()).isNull();

        dynamo.updateTable(r -> r.tableName(table)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
        dynamo.putItem(r -> r.tableName(table).item(item("id", s("x"), "v", n(1))));

        String arn = streamArn(table);
        Record record = read(iterator(arn, ShardIteratorType.TRIM_HORIZON, null), 1).get(0);
        assertThat(record.dynamodb().newImage()).isEqualTo(item("id", s("x"), "v", n(1)));
        assertThat(record.dynamodb().hasOldImage()).isFalse();
    }

    @Test
    void unknownStream_shouldBeResourceNotFound() {
        String table = streamTable(StreamViewType.NEW_IMAGE);
        String unknown = streamArn(table).replace("/stream/", "/stream/1999-");

        assertThatThrownBy(() -> streams.describeStream(r -> r.streamArn(unknown)))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
