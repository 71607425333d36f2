package dev.airlock.app.stream;

import dev.airlock.app.logging.EmbeddedMetric;
import dev.airlock.core.api.StreamConsumer;
import dev.airlock.core.audit.StreamChange;
import dev.airlock.core.usecase.TakeCheckpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The {@code checkpoint} function: checks and stages each batch of the audit table's stream
 * ({@link TakeCheckpoints#check}), counts its tampering changes as the {@value TakeCheckpoints#TAMPER_METRIC}
 * metric, then takes a checkpoint if one is due. A batch that cannot be staged fails whole (redelivered
 * from its first change); a checkpoint that cannot be signed or anchored does not fail the batch, which
 * is staged: the next batch tries again.
 */
public final class CheckpointFunction implements StreamConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointFunction.class);

    private final TakeCheckpoints take;
    private final EmbeddedMetric metrics;
    private final Clock clock;

    public CheckpointFunction(TakeCheckpoints take, EmbeddedMetric metrics, Clock clock) {
        this.take = Objects.requireNonNull(take, "take");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Result consume(List<StreamChange> changes) {
        TakeCheckpoints.Outcome outcome;
        try {
            outcome = take.check(changes);
        } catch (RuntimeException e) {
            LOG.warn("checkpoint: staging {} changes failed: {}: {}", changes.size(), e.getClass().getName(),
                    e.getMessage());
            return new Result(changes.stream().map(StreamChange::id).toList());
        }
        if (!outcome.tampered().isEmpty()) {
            metrics.count(TakeCheckpoints.TAMPER_METRIC, outcome.tampered().size(), clock.instant());
            LOG.warn("checkpoint: {} tampering changes on the audit table, recorded on the tamper chain",
                    outcome.tampered().size());
        }
        try {
            take.checkpointIfDue().ifPresent(c -> {
                metrics.count(TakeCheckpoints.CHECKPOINT_METRIC, 1, clock.instant());
                LOG.info("checkpoint {} anchored: {} records, {} chains moved", c.n(), c.records(), c.heads().size());
            });
        } catch (RuntimeException e) {
            LOG.warn("checkpoint: taking a checkpoint failed (the batch is staged; the next one retries): {}: {}",
                    e.getClass().getName(), e.getMessage());
        }
        return Result.done();
    }
}
