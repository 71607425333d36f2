package dev.airlock.aws.dynamodb;

import static dev.airlock.aws.dynamodb.Attr.l;
import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

import dev.airlock.core.port.BreakGlassQuota;
import dev.airlock.core.storage.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One item per user in the requests table, {@code breakglass#<user>}, holding when their break-glass
 * requests inside the quota window were opened and a version. The store writes it in the same transaction
 * as the new request, on condition of the version it read, so two concurrent break-glass requests cannot
 * both count against the same old value (docs/ARCHITECTURE.md: every change is one conditional transaction). Like the
 * idempotency items it carries no {@code state}, {@code user} or {@code dueAt}, so no index sees it, and
 * a TTL so it disappears once its newest entry leaves the window.
 */
final class BreakGlassCounters {

    static final String PREFIX = "breakglass#";
    static final String OPENED_AT = "openedAt";
    static final String COUNTER_VERSION = "counterVersion";

    /** What was read: the version (0 when the item does not exist) and the open times. */
    record Counter(long version, List<Instant> openedAt) {
    }

    private final DynamoDbClient dynamoDb;
    private final String table;

    BreakGlassCounters(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    static String itemId(String user) {
        return PREFIX + user;
    }

    /** Strongly consistent read of the user's counter. */
    Counter read(String user) {
        Map<String, AttributeValue> item = ItemReads.consistentGet(dynamoDb, table, itemId(user));
        if (item.isEmpty()) {
            return new Counter(0, List.of());
        }
        List<Instant> times = new ArrayList<>();
        AttributeValue list = item.get(OPENED_AT);
        if (list == null || !list.hasL()) {
            throw new MalformedItemException("attribute '" + OPENED_AT + "' is not a list");
        }
        for (AttributeValue v : list.l()) {
            times.add(Instant.parse(v.s()));
        }
        return new Counter(Attr.num(item, COUNTER_VERSION), times);
    }

    /** The counter after one more break-glass at {@code now}, written only if it is still at {@code read}'s version. */
    Put next(String user, Counter read, List<Instant> recent, Instant now, BreakGlassQuota quota) {
        List<AttributeValue> times = new ArrayList<>(recent.stream().map(t -> s(t.toString())).toList());
        times.add(s(now.toString()));
        Map<String, AttributeValue> item = Map.of(
                Tables.REQ_ID, s(itemId(user)),
                OPENED_AT, l(times),
                COUNTER_VERSION, n(read.version() + 1),
                Tables.REQ_TTL, n(now.plus(quota.window()).getEpochSecond() + 1));
        if (read.version() == 0) {
            return Writes.put(table, item, "attribute_not_exists(#id)", Map.of("#id", Tables.REQ_ID), Map.of());
        }
        return Writes.put(table, item, "#cv = :cv", Map.of("#cv", COUNTER_VERSION), Map.of(":cv", n(read.version())));
    }
}
