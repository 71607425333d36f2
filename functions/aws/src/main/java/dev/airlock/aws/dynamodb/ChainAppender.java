package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.retry.RetryPolicy;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.error.InternalException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Appends to a chain no request owns ({@code ca}, {@code config}, {@code user#<name>}): read the
 * chain's head item, compute the next record from it, and commit one {@code TransactWriteItems} of the
 * record (a Put that never overwrites), the head item (version check) and whatever the caller writes
 * with it. Two writers racing for the same seq cannot both commit; the loser starts again under
 * {@link RetryPolicy#LOST_RACE}, then gets a conflict.
 */
final class ChainAppender {

    /** What one attempt writes besides the record: prepared afresh for each attempt (it may read). */
    interface Companion<T> {
        /** The record's details. */
        Map<String, String> details();

        /** Writes committed with the record, each conditional on what this attempt read. */
        List<TransactWriteItem> writes(Instant at);

        /** What the append returns once committed. */
        T result(AuditRecord record);
    }

    private final DynamoDbClient dynamoDb;
    private final TableNames tables;
    private final Clock clock;
    private final ChainHeads heads;

    ChainAppender(DynamoDbClient dynamoDb, TableNames tables, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.heads = new ChainHeads(dynamoDb, tables.requests());
    }

    /** Appends one record with nothing written beside it. */
    AuditRecord append(String chain, String actor, AuditAction action, Map<String, String> details,
                       Supplier<ConflictException> exhausted) {
        return append(chain, actor, action, () -> new Companion<>() {
            @Override
            public Map<String, String> details() {
                return details;
            }

            @Override
            public List<TransactWriteItem> writes(Instant at) {
                return List.of();
            }

            @Override
            public AuditRecord result(AuditRecord record) {
                return record;
            }
        }, exhausted);
    }

    /**
     * @param prepare   called once per attempt
     * @param exhausted thrown after the last lost race
     */
    <T> T append(String chain, String actor, AuditAction action, Supplier<Companion<T>> prepare,
                 Supplier<ConflictException> exhausted) {
        return RetryPolicy.LOST_RACE.run(attempt -> {
            Companion<T> companion = prepare.get();
            ChainHeads.Current current = heads.read(chain);
            Instant now = clock.instant();
            AuditRecord record = AuditRecord.next(current.head(), chain, now, actor, action, companion.details());
            List<TransactWriteItem> items = new ArrayList<>(List.of(Writes.auditPut(tables.audit(), record),
                    heads.advance(current, record.head())));
            items.addAll(companion.writes(now));
            return commit(items) ? Optional.of(companion.result(record)) : Optional.empty();
        }, exhausted);
    }

    /** Whether it committed; false when it lost a race (a condition failed or another transaction won). */
    private boolean commit(List<TransactWriteItem> items) {
        try {
            Writes.transact(dynamoDb, items);
            return true;
        } catch (TransactionCanceledException e) {
            Cancellation cancellation = Cancellation.of(e);
            if (cancellation.throttled()) {
                throw DynamoDbErrors.throttled("TransactWriteItems", e);
            }
            boolean lostRace = cancellation.conflicted();
            for (int i = 0; i < items.size(); i++) {
                lostRace |= cancellation.conditionFailed(i);
            }
            if (!lostRace) {
                throw new InternalException("storage_rejected",
                        "DynamoDB cancelled the audit append with reasons " + cancellation.codes(), e);
            }
            return false;
        }
    }
}
