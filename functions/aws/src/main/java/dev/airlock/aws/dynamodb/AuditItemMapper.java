package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.storage.Tables;
import dev.airlock.core.usecase.IssueCertificate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.airlock.aws.dynamodb.Attr.m;
import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * Maps an {@link AuditRecord} to an audit-table item and back; private to the adapter. {@code at} is
 * stored as {@link java.time.Instant#toString()}, the exact text the canonical form hashes. The
 * by-day and by-serial index attributes are derived, not hashed: the verifier never trusts them.
 */
final class AuditItemMapper {

    static final String AT = "at";
    static final String ACTOR = "actor";
    static final String ACTION = "action";
    static final String DETAILS = "details";
    static final String PREV_HASH = "prevHash";
    static final String HASH = "hash";

    private AuditItemMapper() {
    }

    static Map<String, AttributeValue> toItem(AuditRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Tables.AUDIT_CHAIN, s(record.chain()));
        item.put(Tables.AUDIT_SEQ, n(record.seq()));
        item.put(AT, s(record.at().toString()));
        item.put(ACTOR, s(record.actor()));
        item.put(ACTION, s(record.action()));
        Map<String, AttributeValue> details = new LinkedHashMap<>();
        record.details().forEach((k, v) -> details.put(k, s(v)));
        item.put(DETAILS, m(details));
        item.put(PREV_HASH, s(record.prevHash()));
        item.put(HASH, s(record.hash()));
        item.put(Tables.AUDIT_DAY, s(SortableTime.day(record.at())));
        item.put(Tables.AUDIT_AT_KEY, s(SortableTime.nanos(record.at()) + "#" + record.chain() + "#" + record.seq()));
        String serial = record.details().get("serial");
        if (record.is(IssueCertificate.ACTION) && serial != null) {
            item.put(Tables.AUDIT_SERIAL, s(serial)); // derived like day/atKey: the by-serial index only
            putHolderKey(item, record);
        }
        return item;
    }

    /**
     * The by-holder index's key: the holder (the record's actor, who asked for the certificate) and
     * the certificate's expiry in epoch seconds. Derived and not hashed, like the other index keys.
     */
    private static void putHolderKey(Map<String, AttributeValue> item, AuditRecord record) {
        String validBefore = record.details().get("validBefore");
        if (validBefore != null) {
            item.put(Tables.AUDIT_CERT_HOLDER, s(record.actor()));
            item.put(Tables.AUDIT_CERT_UNTIL, n(Instant.parse(validBefore).getEpochSecond()));
        }
    }

    /**
     * The record stored in {@code item}, exactly as stored (its hash is not checked here).
     *
     * @throws MalformedItemException when an attribute is missing or mistyped
     */
    static AuditRecord fromItem(Map<String, AttributeValue> item) {
        Map<String, String> details = new LinkedHashMap<>();
        Attr.map(item, DETAILS).forEach((k, v) -> details.put(k, Attr.element(v, DETAILS)));
        try {
            return new AuditRecord(
                    Attr.str(item, Tables.AUDIT_CHAIN),
                    Attr.num(item, Tables.AUDIT_SEQ),
                    Attr.instant(item, AT),
                    Attr.str(item, ACTOR),
                    Attr.str(item, ACTION),
                    details,
                    Attr.str(item, PREV_HASH),
                    Attr.str(item, HASH));
        } catch (IllegalArgumentException e) {
            throw new MalformedItemException("stored audit record is invalid: " + e.getMessage(), e);
        }
    }

    /** The audit table key of one record. */
    static Map<String, AttributeValue> key(String chain, long seq) {
        return Map.of(Tables.AUDIT_CHAIN, s(chain), Tables.AUDIT_SEQ, n(seq));
    }
}
