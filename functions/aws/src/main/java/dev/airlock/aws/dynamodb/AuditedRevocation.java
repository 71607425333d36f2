package dev.airlock.aws.dynamodb;

import dev.airlock.aws.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InternalException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A KRL entry and its audit record on a chain {@link DynamoDbAuditLog} owns ({@code user#<holder>}),
 * in ONE {@code TransactWriteItems}: the entry Put ({@code attribute_not_exists}), the KRL version
 * bump, the record Put ({@code attribute_not_exists}) and the chain head's conditional advance (as
 * {@link DynamoDbAuditLog#append} writes them). Either all four commit or none does. A lost race for
 * the chain's head re-reads it and tries again, as the audit log does; an existing entry is
 * {@code already_revoked}.
 */
final class AuditedRevocation {

    private static final int ENTRY = 0;
    private static final int RECORD = 2;
    private static final int HEAD = 3;
    private static final long BASE_PAUSE_MILLIS = 10;

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final ChainHeads heads;

    AuditedRevocation(DynamoDbClient dynamoDb, TableNames tables) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.heads = new ChainHeads(dynamoDb, tables.requests());
    }

    /**
     * @param entryPut    the KRL entry's Put, conditional on its absence
     * @param versionBump the KRL version's ADD
     */
    AuditRecord write(String entryId, TransactWriteItem entryPut, TransactWriteItem versionBump, String chain,
                      Instant at, String actor, String action, Map<String, String> details) {
        if (AuditChains.isRequestChain(chain)) {
            throw new IllegalArgumentException("request chains are written with the request (updateAndRevoke)");
        }
        for (int attempt = 1; attempt <= DynamoDbAuditLog.MAX_ATTEMPTS; attempt++) {
            ChainHeads.Current current = heads.read(chain);
            AuditRecord record = AuditRecord.next(current.head(), chain, at, actor, action, details);
            try {
                Writes.transact(dynamoDb, List.of(entryPut, versionBump, Writes.auditPut(tables.audit(), record),
                        heads.advance(current, record.head())));
                return record;
            } catch (TransactionCanceledException e) {
                Cancellation cancellation = Cancellation.of(e);
                if (cancellation.throttled()) {
                    throw DynamoDbErrors.throttled("TransactWriteItems", e);
                }
                if (cancellation.conditionFailed(ENTRY)) {
                    throw new ConflictException("already_revoked", entryId + " is already revoked", e);
                }
                boolean lostRace = cancellation.conflicted() || cancellation.conditionFailed(RECORD)
                        || cancellation.conditionFailed(HEAD);
                if (!lostRace) {
                    throw new InternalException("storage_rejected",
                            "DynamoDB cancelled the revocation with reasons " + cancellation.codes(), e);
                }
                pause(attempt);
            }
        }
        throw new ConflictException(DynamoDbAccessRequestStore.AUDIT_CONFLICT, "could not append to audit chain "
                + chain + " after " + DynamoDbAuditLog.MAX_ATTEMPTS + " attempts");
    }

    private static void pause(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(BASE_PAUSE_MILLIS * attempt + 1);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalException("interrupted", "interrupted while revoking", e);
        }
    }
}
