package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.StoredRecord;
import dev.airlock.core.storage.Tables;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * An audit-table item as a {@link StoredRecord}: the record as stored, or why it cannot be read. The
 * verifier reads scanned items with it and the {@code checkpoint} function its stream's new images.
 */
public final class AuditImages {

    private AuditImages() {
    }

    public static StoredRecord read(Map<String, AttributeValue> item) {
        String chain = Attr.optStr(item, Tables.AUDIT_CHAIN).orElse("?");
        try {
            return StoredRecord.readable(AuditItemMapper.fromItem(item));
        } catch (MalformedItemException e) {
            return StoredRecord.malformed(chain, seq(item), e.getMessage());
        }
    }

    /** The item the audit log writes for {@code record} (what a stream's NewImage of its INSERT holds). */
    public static Map<String, AttributeValue> item(dev.airlock.core.audit.AuditRecord record) {
        return AuditItemMapper.toItem(record);
    }

    /** The item's seq, or 0 when it has none that reads as a number. */
    public static long seq(Map<String, AttributeValue> item) {
        try {
            return Attr.num(item, Tables.AUDIT_SEQ);
        } catch (MalformedItemException unreadableSeq) {
            return 0;
        }
    }
}
