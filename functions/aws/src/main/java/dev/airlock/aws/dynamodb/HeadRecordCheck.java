package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.RequestReplay;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.storage.Tables;
import dev.airlock.domain.error.InternalException;
import dev.airlock.domain.request.AccessRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.airlock.aws.dynamodb.Attr.n;
import static dev.airlock.aws.dynamodb.Attr.s;

/**
 * The {@code ConditionCheck} on a request chain's head record that rides in every update's
 * transaction: the record the request item names as its head ({@code seq - 1} of the new record)
 * must exist with that hash, so the item's head is the chain's last record at the moment of the write
 * (the new record's own {@code attribute_not_exists} says nothing follows it). Before a
 * {@code certificate.issued} record, the head record must also leave the request APPROVED
 * ({@link RequestReplay#leavesApproved}): the approving review or an earlier certificate. So an item
 * set to APPROVED behind Airlock's back, with no record, gets no certificate, and the check needs no
 * read permission on the audit table (ConditionCheckItem, as an item of TransactWriteItems only).
 */
final class HeadRecordCheck {

    static final String AUDIT_MISMATCH = AccessRequestStore.AUDIT_MISMATCH;

    private HeadRecordCheck() {
    }

    static TransactWriteItem of(String auditTable, AuditRecord next) {
        Map<String, String> names = new HashMap<>(Map.of("#hash", AuditItemMapper.HASH));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":prevHash", s(next.prevHash())));
        String condition = "#hash = :prevHash";
        if (next.knownAction().equals(Optional.of(AuditAction.CERTIFICATE_ISSUED))) {
            condition += " AND (" + keepsApproved(names, values) + " OR (#action = :reviewApproved"
                    + " AND #details.#resolution = :approved))";
            names.putAll(Map.of("#action", AuditItemMapper.ACTION, "#details", AuditItemMapper.DETAILS,
                    "#resolution", RequestReplay.RESOLUTION));
            values.putAll(Map.of(":reviewApproved", s(AuditAction.REVIEW_APPROVED.wire()),
                    ":approved", s(AuditAction.REQUEST_APPROVED.wire())));
        }
        ConditionCheck check = ConditionCheck.builder().tableName(auditTable)
                .key(Map.of(Tables.AUDIT_CHAIN, s(next.chain()), Tables.AUDIT_SEQ, n(next.seq() - 1)))
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .build();
        return TransactWriteItem.builder().conditionCheck(check).build();
    }

    private static String keepsApproved(Map<String, String> names, Map<String, AttributeValue> values) {
        int i = 0;
        StringBuilder in = new StringBuilder();
        for (AuditAction action : RequestReplay.KEEP_APPROVED.stream().sorted().collect(Collectors.toList())) {
            values.put(":keep" + i, s(action.wire()));
            in.append(i == 0 ? "" : ", ").append(":keep").append(i++);
        }
        return "#action IN (" + in + ")";
    }

    /** The request item names a head the chain does not hold, or one that does not leave it approved. */
    static InternalException failure(AccessRequest updated, AuditRecord next, Exception cause) {
        return new InternalException(AUDIT_MISMATCH, "request " + updated.id() + " does not match its audit chain: "
                + "record " + (next.seq() - 1) + " of " + next.chain() + " is missing, altered"
                + (next.knownAction().equals(Optional.of(AuditAction.CERTIFICATE_ISSUED))
                ? ", or does not approve the request" : "") + "; refusing to write (run audit verify)", cause);
    }
}
