package dev.airlock.aws.dynamodb;

import dev.airlock.core.storage.Tables;
import dev.airlock.domain.request.AuditHead;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.Map;

import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * Heads of the chains no request owns ({@code ca}, {@code config}, {@code user#<name>}), kept in the
 * requests table as {@code id = "chainhead#<chain>"} with the head's seq and hash and a version. A
 * chain head plays the part the request item plays for a request chain: it is advanced in the same
 * transaction as each append, under a version check, so concurrent appends serialize and a deleted
 * tail record is detectable. It carries no {@code state}, {@code user} or {@code expiryShard}, so it
 * never appears in the listing or expiry indexes.
 */
final class ChainHeads {

    static final String PREFIX = "chainhead#";
    static final String CHAIN = "chain";

    /** The head as read, and the version of the head item (0 when there is none yet). */
    record Current(String chain, AuditHead head, long version) {
    }

    private final DynamoDbClient dynamoDb;
    private final String table;

    ChainHeads(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    static String itemId(String chain) {
        return PREFIX + chain;
    }

    /** Strongly consistent read of the head; genesis at version 0 for a chain never written. */
    Current read(String chain) {
        Map<String, AttributeValue> item = ItemReads.consistentGet(dynamoDb, table, itemId(chain));
        if (item.isEmpty()) {
            return new Current(chain, AuditHead.GENESIS, 0);
        }
        return fromItem(item);
    }

    static Current fromItem(Map<String, AttributeValue> item) {
        try {
            return new Current(Attr.str(item, CHAIN),
                    new AuditHead(Attr.num(item, RequestItemMapper.AUDIT_SEQ), Attr.str(item, RequestItemMapper.AUDIT_HASH)),
                    Attr.num(item, RequestItemMapper.VERSION));
        } catch (IllegalArgumentException e) {
            throw new MalformedItemException("chain head item is invalid: " + e.getMessage(), e);
        }
    }

    /** Moves the head from {@code current} to {@code next}, only if nobody moved it since it was read. */
    TransactWriteItem advance(Current current, AuditHead next) {
        Map<String, AttributeValue> item = Map.of(
                Tables.REQ_ID, s(itemId(current.chain())),
                CHAIN, s(current.chain()),
                RequestItemMapper.AUDIT_SEQ, n(next.seq()),
                RequestItemMapper.AUDIT_HASH, s(next.hash()),
                RequestItemMapper.VERSION, n(current.version() + 1));
        if (current.version() == 0) {
            return Writes.item(Writes.put(table, item, "attribute_not_exists(#id)", Map.of("#id", Tables.REQ_ID), Map.of()));
        }
        return Writes.item(Writes.put(table, item, "#version = :expected",
                Map.of("#version", RequestItemMapper.VERSION), Map.of(":expected", n(current.version()))));
    }
}
