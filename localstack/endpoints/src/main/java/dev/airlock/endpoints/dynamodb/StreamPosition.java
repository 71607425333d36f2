package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.table.StreamSettings;
import dev.airlock.endpoints.dynamodb.table.TableDefinition;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * A shard iterator: where in which stream the next GetRecords starts, and when the iterator was
 * issued. It is opaque to clients (base64url text) and, as in DynamoDB Streams, "expires 15
 * minutes after it is returned to the requester" (API_streams_GetShardIterator).
 */
record StreamPosition(String streamArn, long nextSequenceNumber, Instant issued) {

    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final String SEPARATOR = "|";

    String encode() {
        String text = streamArn + SEPARATOR + nextSequenceNumber + SEPARATOR + issued.toEpochMilli();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static StreamPosition decode(String iterator) throws AwsServiceException {
        try {
            String text = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8);
            int last = text.lastIndexOf(SEPARATOR);
            int middle = text.lastIndexOf(SEPARATOR, last - 1);
            if (middle <= 0) {
                throw invalid();
            }
            return new StreamPosition(text.substring(0, middle), Long.parseLong(text.substring(middle + 1, last)),
                    Instant.ofEpochMilli(Long.parseLong(text.substring(last + 1))));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** {@code ExpiredIteratorException} once the iterator is older than {@link #LIFETIME}. */
    void checkNotExpired(Instant now) throws AwsServiceException {
        if (Duration.between(issued, now).compareTo(LIFETIME) > 0) {
            throw new AwsServiceException("ExpiredIteratorException", "Iterator expired. The iterator was created at "
                    + issued + " while right now it is " + now + " which is further in the future than the tolerated "
                    + "delay of " + LIFETIME.toMillis() + " milliseconds.", 400);
        }
    }

    /**
     * The id of a stream's only shard, in DynamoDB's shape
     * ({@code shardId-<20 digits>-<8 hex>}): the stream's creation time, then a hash of its ARN.
     */
    static String shardId(TableDefinition table, StreamSettings stream) {
        long created = LocalDateTime.parse(stream.label()).toInstant(ZoneOffset.UTC).toEpochMilli();
        String hash = UUID.nameUUIDFromBytes(stream.arn(table.arn()).getBytes(StandardCharsets.UTF_8)).toString();
        return "shardId-" + String.format("%020d", created) + "-" + hash.substring(0, 8);
    }

    private static AwsServiceException invalid() {
        return AwsServiceException.validation("Invalid ShardIterator");
    }
}
