package dev.airlock.core.api;

import dev.airlock.core.audit.StreamChange;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Trigger.TableStream} function does with one batch of its table's stream, in stream
 * order. The app's one stream adapter turns the raw {@code DynamodbEvent} into {@link StreamChange}s and
 * the {@link Result} into Lambda's partial batch response ({@code batchItemFailures}), so the event
 * source mapping redelivers from the first change that was not handled; the local runner's stream
 * poller does the same.
 */
@FunctionalInterface
public interface StreamConsumer {

    Result consume(List<StreamChange> changes);

    /**
     * @param failedIds the {@link StreamChange#id()}s not handled, in stream order (empty: the whole
     *                  batch is done). Redelivery starts at the first, so later ones may be seen twice:
     *                  consumers are idempotent per change.
     */
    record Result(List<String> failedIds) {
        public Result {
            failedIds = List.copyOf(Objects.requireNonNull(failedIds, "failedIds"));
        }

        public static Result done() {
            return new Result(List.of());
        }

        public boolean complete() {
            return failedIds.isEmpty();
        }
    }
}
