package dev.airlock.app.stream;

import dev.airlock.core.api.StreamConsumer;
import dev.airlock.core.audit.StreamChange;
import dev.airlock.core.usecase.Notify;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/**
 * The {@code notify} function ({@link Notify}, docs/NOTIFICATIONS.md) as the app's table-stream adapter
 * calls it. A batch whose routing cannot be read (the table unavailable, a stored file this build cannot
 * parse) fails whole, so the event source mapping redelivers it; delivery outcomes are logged one line
 * each, with target names and statuses only.
 */
public final class NotifyFunction implements StreamConsumer {

    static final Logger LOG = LoggerFactory.getLogger(NotifyFunction.class);

    private final Notify notify;

    public NotifyFunction(Notify notify) {
        this.notify = Objects.requireNonNull(notify, "notify");
    }

    /** The log line sink {@link Notify} and its delivery write to. */
    public static void log(String line) {
        LOG.info(line);
    }

    @Override
    public Result consume(List<StreamChange> changes) {
        try {
            Result result = notify.consume(changes);
            if (!result.complete()) {
                LOG.warn("notify: {} of {} changes left for redelivery", result.failedIds().size(), changes.size());
            }
            return result;
        } catch (RuntimeException e) {
            // the exception's class and message only: no adapter puts a URL, key or signature in one
            LOG.warn("notify: the batch of {} changes failed: {}: {}", changes.size(), e.getClass().getName(),
                    e.getMessage());
            return new Result(changes.stream().map(StreamChange::id).toList());
        }
    }
}
