package dev.airlock.core.usecase;

import dev.airlock.core.api.StreamConsumer;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.StoredRecord;
import dev.airlock.core.audit.StreamChange;
import dev.airlock.core.notify.EventMapper;
import dev.airlock.core.notify.EventType;
import dev.airlock.core.notify.NotificationConfig;
import dev.airlock.core.notify.NotificationConfigParser;
import dev.airlock.core.notify.NotificationEvent;
import dev.airlock.core.notify.NotificationTarget;
import dev.airlock.core.port.AccessRequestStore;
import dev.airlock.core.port.NotificationConfigStore;
import dev.airlock.domain.request.AccessRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code notify} function: turns the audit table's new records into notifications
 * (docs/NOTIFICATIONS.md) and delivers each to the targets its type is routed to, in stream order.
 * Only INSERTs are read (the audit table is append-only; a MODIFY or REMOVE is the checkpoint
 * function's business). A change whose delivery fails after {@link Delivery}'s retries is reported
 * failed with every later one, so the event source mapping redelivers from it: at least once, with the
 * record's {@code chain}/{@code seq} as the idempotency key. It runs off the stream, so a slow or failing
 * receiver never delays a request, a review or a signing.
 */
public final class Notify implements StreamConsumer {

    /**
     * How long one batch may keep starting deliveries. The last call and pause can add one timeout and
     * one backoff ({@code 5 s + 4 s}), so a batch ends well inside the functions' 25 s Lambda timeout and
     * reports what it did not deliver instead of being cut off.
     */
    public static final Duration BATCH_BUDGET = Duration.ofSeconds(10);

    private final NotificationConfigStore configs;
    private final AccessRequestStore requests;
    private final Delivery delivery;
    private final Consumer<String> log;
    private final Clock clock;
    private final Duration budget;

    public Notify(NotificationConfigStore configs, AccessRequestStore requests, Delivery delivery,
                  Consumer<String> log, Clock clock, Duration budget) {
        this.configs = Objects.requireNonNull(configs, "configs");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** Reads the routing once per batch, so an applied change takes effect with the next batch. */
    @Override
    public Result consume(List<StreamChange> changes) {
        NotificationConfig config = configs.load()
                .map(stored -> NotificationConfigParser.parse(stored.yaml()))
                .orElse(NotificationConfig.NONE);
        Instant end = clock.instant().plus(budget);
        Delivery.Deadline deadline = () -> clock.instant().isAfter(end);
        for (int i = 0; i < changes.size(); i++) {
            if (!handle(changes.get(i), config, deadline)) {
                return new Result(changes.subList(i, changes.size()).stream().map(StreamChange::id).toList());
            }
        }
        return Result.done();
    }

    /** Whether the change is done: delivered everywhere it goes, or nothing to deliver. */
    private boolean handle(StreamChange change, NotificationConfig config, Delivery.Deadline deadline) {
        if (change.event() != StreamChange.Event.INSERT) {
            return true;
        }
        Optional<AuditRecord> record = change.newImage().flatMap(StoredRecord::record);
        if (record.isEmpty()) {
            log.accept("notify: skipped the unreadable record " + change.chain() + "/" + change.seq());
            return true;
        }
        Optional<EventType> type = EventMapper.typeOf(record.get());
        List<NotificationTarget> targets = type.map(config::targetsFor).orElse(List.of());
        if (targets.isEmpty()) {
            return true;
        }
        String id = AuditChains.requestIdOf(record.get().chain()).orElseThrow();
        Optional<AccessRequest> request = requests.find(id);
        if (request.isEmpty()) {
            log.accept("notify: skipped " + change.chain() + "/" + change.seq() + ": no request " + id);
            return true;
        }
        NotificationEvent event = EventMapper.event(type.get(), record.get(), request.get());
        boolean all = true;
        for (NotificationTarget target : targets) {
            // every target is tried even after one failed: the others get it now, not only on redelivery
            all &= delivery.deliver(target, event, deadline);
        }
        return all;
    }
}
