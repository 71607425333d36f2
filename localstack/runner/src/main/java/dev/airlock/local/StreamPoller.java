package dev.airlock.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One table-stream function's event source mapping, locally: reads its table's stream through the
 * DynamoDB Streams API (ListStreams, DescribeStream, GetShardIterator, GetRecords), invokes the function
 * with each batch as {@code DynamodbEvent} JSON ({@link StreamEventJson}) and, on a partial batch
 * failure or an error, delivers again from the first failed record, as Lambda does with
 * {@code ReportBatchItemFailures}. Its own iterator; its position kept in {@link StreamPositions}, so a
 * restart resumes after the last record handled (TRIM_HORIZON when there is none: the function sees
 * every record). One shard: the embedded stream has one (DynamoDB splits shards; LocalStack has one per
 * table too). Not thread-safe: {@link StreamTrigger} calls it from one thread.
 */
final class StreamPoller {

    private static final Logger LOG = LoggerFactory.getLogger(StreamPoller.class);

    /** What one {@link #pollOnce()} did. */
    enum Step { DELIVERED, IDLE, FAILED }

    private final DynamoDbStreamsClient streams;
    private final String table;
    private final FunctionHost host;
    private final String function;
    private final StreamPositions positions;
    private final Clock clock;
    private final int batchSize;
    private final Optional<Duration> idleInvoke;
    private String streamArn;
    private String shardId;
    private String iterator;
    private Instant lastInvoked;

    /**
     * @param idleInvoke when set, an idle stream still invokes the function with an empty batch this often
     *                   (the checkpoint function then takes its due checkpoint, so anchoring shows locally)
     */
    StreamPoller(DynamoDbStreamsClient streams, String table, FunctionHost host, String function,
                 StreamPositions positions, Clock clock, int batchSize, Optional<Duration> idleInvoke) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.table = Objects.requireNonNull(table, "table");
        this.host = Objects.requireNonNull(host, "host");
        this.function = Objects.requireNonNull(function, "function");
        this.positions = Objects.requireNonNull(positions, "positions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.batchSize = batchSize;
        this.idleInvoke = Objects.requireNonNull(idleInvoke, "idleInvoke");
        this.lastInvoked = clock.instant();
    }

    String function() {
        return function;
    }

    /** Reads one batch and delivers it (or, idle, an empty one when due). */
    Step pollOnce() {
        if (iterator == null) {
            open();
        }
        GetRecordsResponse page;
        try {
            String current = iterator;
            page = streams.getRecords(b -> b.shardIterator(current).limit(batchSize));
        } catch (ExpiredIteratorException e) {
            iterator = null; // reopened from the position on the next poll
            return Step.IDLE;
        }
        List<Record> records = page.records();
        if (records.isEmpty()) {
            iterator = page.nextShardIterator();
            if (iterator == null) {
                open(); // the shard closed (stream disabled or replaced)
            }
            invokeIfIdleTooLong();
            return Step.IDLE;
        }
        return deliver(records, page.nextShardIterator());
    }

    private Step deliver(List<Record> records, String next) {
        OptionalInt failed;
        try {
            lastInvoked = clock.instant();
            failed = BatchResponse.firstFailed(host.invoke(function, StreamEventJson.event(records, streamArn)), records);
        } catch (RuntimeException e) {
            LOG.warn("{}: invocation failed, the batch of {} is delivered again: {}: {}", function, records.size(),
                    e.getClass().getName(), e.getMessage());
            failed = OptionalInt.of(0);
        }
        if (failed.isEmpty()) {
            done(records.get(records.size() - 1));
            iterator = next;
            return Step.DELIVERED;
        }
        if (failed.getAsInt() > 0) {
            done(records.get(failed.getAsInt() - 1));
        }
        String from = records.get(failed.getAsInt()).dynamodb().sequenceNumber();
        iterator = iterator(ShardIteratorType.AT_SEQUENCE_NUMBER, from);
        LOG.info("{}: delivering again from stream record {}", function, from);
        return Step.FAILED;
    }

    private void invokeIfIdleTooLong() {
        if (idleInvoke.isPresent() && !clock.instant().isBefore(lastInvoked.plus(idleInvoke.get()))) {
            lastInvoked = clock.instant();
            try {
                host.invoke(function, StreamEventJson.event(List.of(), streamArn));
            } catch (RuntimeException e) {
                LOG.warn("{}: idle invocation failed: {}: {}", function, e.getClass().getName(), e.getMessage());
            }
        }
    }

    private void done(Record record) {
        positions.write(function, streamArn, record.dynamodb().sequenceNumber());
    }

    /** Finds the table's newest stream and its open shard, and an iterator after the saved position. */
    private void open() {
        streamArn = streams.listStreams(b -> b.tableName(table)).streams().stream()
                .max(Comparator.comparing(software.amazon.awssdk.services.dynamodb.model.Stream::streamLabel))
                .map(software.amazon.awssdk.services.dynamodb.model.Stream::streamArn)
                .orElseThrow(() -> new IllegalStateException("table " + table + " has no stream: enable one "
                        + "(StreamSpecification NEW_AND_OLD_IMAGES) for function " + function));
        StreamDescription description = streams.describeStream(b -> b.streamArn(streamArn)).streamDescription();
        shardId = description.shards().stream()
                .filter(s -> s.sequenceNumberRange() == null || s.sequenceNumberRange().endingSequenceNumber() == null)
                .reduce((first, second) -> second)
                .or(() -> description.shards().stream().reduce((first, second) -> second))
                .map(Shard::shardId)
                .orElseThrow(() -> new IllegalStateException("the stream of " + table + " has no shard"));
        iterator = positions.read(function, streamArn)
                .map(position -> iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, position))
                .orElseGet(() -> iterator(ShardIteratorType.TRIM_HORIZON, null));
    }

    private String iterator(ShardIteratorType type, String sequenceNumber) {
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
                .sequenceNumber(sequenceNumber)).shardIterator();
    }
}
