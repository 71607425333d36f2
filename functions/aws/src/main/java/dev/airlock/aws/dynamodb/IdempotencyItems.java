package dev.airlock.aws.dynamodb;

import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.domain.request.AccessRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * Idempotency items of request creation, kept in the requests table: {@code id = "idem#<user>#<key>"},
 * the created request's id, and a TTL 24 hours out. They carry no {@code state}, {@code user} or
 * {@code expiryShard}, so they never appear in the listing or expiry indexes. DynamoDB deletes expired
 * items only eventually (up to a few days later, "Using time to live"), so an item past its TTL is
 * treated as absent both by the write condition and by the read.
 */
final class IdempotencyItems {

    static final String PREFIX = "idem#";
    static final String REQUEST_ID = "requestId";
    static final Duration LIFETIME = Duration.ofHours(24);
    static final int MAX_KEY_LENGTH = 128;
    /** Printable ASCII without '#', so the item id splits unambiguously at its last '#'. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x22\\x24-\\x7e]{1," + MAX_KEY_LENGTH + "}");

    private final String table;
    private final Clock clock;

    IdempotencyItems(String table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /**
     * The item id for {@code user}'s key.
     *
     * @throws InvalidRequestException code {@code invalid_idempotency_key} for an empty, over-long or
     *                                 non-printable key, or one containing '#'
     */
    static String itemId(String user, String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidRequestException("invalid_idempotency_key", "an idempotency key is 1-" + MAX_KEY_LENGTH
                    + " printable ASCII characters without spaces or '#'");
        }
        return PREFIX + user + "#" + key;
    }

    /** Creates the item unless a live one exists: {@code attribute_not_exists(id) OR ttl < now}. */
    Put put(String itemId, AccessRequest request) {
        long now = clock.instant().getEpochSecond();
        Map<String, AttributeValue> item = Map.of(
                Tables.REQ_ID, s(itemId),
                REQUEST_ID, s(request.id()),
                Tables.REQ_TTL, n(now + LIFETIME.toSeconds()));
        return Writes.put(table, item, "attribute_not_exists(#id) OR #ttl < :now",
                Map.of("#id", Tables.REQ_ID, "#ttl", Tables.REQ_TTL), Map.of(":now", n(now)));
    }

    /** The request id a live idempotency item points to (strongly consistent read). */
    Optional<String> requestIdOf(DynamoDbClient dynamoDb, String itemId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                .key(Map.of(Tables.REQ_ID, s(itemId))).consistentRead(true)).item();
        if (item == null || item.isEmpty() || Attr.num(item, Tables.REQ_TTL) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(Attr.str(item, REQUEST_ID));
    }
}
