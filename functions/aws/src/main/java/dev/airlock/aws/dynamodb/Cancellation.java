package dev.airlock.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The per-item reasons of a cancelled {@code TransactWriteItems}, in the order of the transaction's
 * items. Codes per the TransactWriteItems API reference: {@code None}, {@code ConditionalCheckFailed},
 * {@code TransactionConflict}, {@code ThrottlingError}, {@code ProvisionedThroughputExceeded},
 * {@code ItemCollectionSizeLimitExceeded}, {@code ValidationError}.
 */
record Cancellation(List<CancellationReason> reasons) {

    static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    static final String TRANSACTION_CONFLICT = "TransactionConflict";
    private static final Set<String> THROTTLED = Set.of("ThrottlingError", "ProvisionedThroughputExceeded");

    static Cancellation of(TransactionCanceledException e) {
        return new Cancellation(e.hasCancellationReasons() ? e.cancellationReasons() : List.of());
    }

    boolean throttled() {
        return reasons.stream().anyMatch(r -> THROTTLED.contains(r.code()));
    }

    boolean conflicted() {
        return reasons.stream().anyMatch(r -> TRANSACTION_CONFLICT.equals(r.code()));
    }

    boolean conditionFailed(int index) {
        return index < reasons.size() && CONDITIONAL_CHECK_FAILED.equals(reasons.get(index).code());
    }

    /** The item as it was when its condition failed, if the call asked for it and the service returned it. */
    Optional<Map<String, AttributeValue>> oldItem(int index) {
        if (index >= reasons.size() || !reasons.get(index).hasItem() || reasons.get(index).item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(reasons.get(index).item());
    }

    /** The codes, for a diagnostic message (codes carry no data). */
    String codes() {
        return reasons.stream().map(CancellationReason::code).toList().toString();
    }
}
