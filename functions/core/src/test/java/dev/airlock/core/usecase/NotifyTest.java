package dev.airlock.core.usecase;

import dev.airlock.core.api.StreamConsumer;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.StoredRecord;
import dev.airlock.core.audit.StreamChange;
import dev.airlock.core.notify.DeliveryException;
import dev.airlock.core.notify.EventType;
import dev.airlock.core.notify.NotificationEvent;
import dev.airlock.core.notify.NotificationTarget;
import dev.airlock.core.retry.RetryPolicy;
import dev.airlock.core.testing.InMemoryNotificationConfigStore;
import dev.airlock.core.testing.TestAirlock;
import dev.airlock.core.testing.TestIdentities;
import dev.airlock.domain.request.AccessRequest;
import dev.airlock.domain.request.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyTest {

    static final String ROUTING = """
            targets:
              ops:
                type: webhook
                url_secret: ops-url
                signing_secret: ops-key
              chat:
                type: slack
                url_secret: chat-url
            routes:
              - events: [request.created, break_glass.opened]
                targets: [chat]
              - events: ["*"]
                targets: [ops]
            """;

    private final TestAirlock t = TestAirlock.demo();
    private final Revocations r = new Revocations(t);
    private final InMemoryNotificationConfigStore configs = new InMemoryNotificationConfigStore(t.audit(), t.clock());
    private final List<Sent> sent = new ArrayList<>();
    private final Deque<DeliveryException> failures = new ArrayDeque<>();
    private final List<Long> pauses = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    // the pauses are recorded, and pass on the test's clock, as a real sleep would
    private final RetryPolicy policy = Delivery.POLICY.with(millis -> {
        pauses.add(millis);
        t.clock().advance(Duration.ofMillis(millis));
    }, bound -> bound);
    private final Notify notify = new Notify(configs, t.store(), new Delivery(this::send, policy, log::add), log::add,
            t.clock(), Notify.BATCH_BUDGET);
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    record Sent(String target, NotificationEvent event) {
    }

    private void send(NotificationTarget target, NotificationEvent event) throws DeliveryException {
        sent.add(new Sent(target.name(), event));
        DeliveryException next = failures.poll();
        if (next != null) {
            throw next;
        }
    }

    @BeforeEach
    void applyRouting() {
        new ApplyNotifications(configs).apply(ROUTING, "admin");
        newChanges();
    }

    /** The audit records written since the last call, as the stream would deliver them (in order per chain). */
    private List<StreamChange> newChanges() {
        List<StreamChange> changes = t.audit().all().stream()
                .filter(rec -> seen.add(rec.chain() + "/" + rec.seq()))
                .map(rec -> new StreamChange("seq-" + rec.chain() + "-" + rec.seq(), StreamChange.Event.INSERT,
                        rec.chain(), rec.seq(), Optional.of(StoredRecord.readable(rec))))
                .toList();
        return changes;
    }

    private AccessRequest bobAsks() {
        return t.airlock().requestAccess().handle(TestIdentities.bob(),
                NewRequest.of(List.of("dba"), "INC-16 <!channel> & co"), Optional.empty()).request();
    }

    @Test
    void consume_shouldSendACreatedRequestToReviewersTargets_withTheFullSchema() {
        AccessRequest pending = bobAsks();

        StreamConsumer.Result result = notify.consume(newChanges());

        assertThat(result.complete()).isTrue();
        assertThat(sent).extracting(Sent::target).containsExactly("chat", "ops");
        NotificationEvent event = sent.get(0).event();
        assertThat(event.type()).isEqualTo(EventType.REQUEST_CREATED);
        assertThat(event.type().audience()).isEqualTo(EventType.Audience.REVIEWERS);
        assertThat(event.id()).isEqualTo(pending.id());
        assertThat(event.user()).isEqualTo("bob");
        assertThat(event.roles()).containsExactly("dba");
        assertThat(event.reason()).isEqualTo("INC-16 <!channel> & co");
        assertThat(event.state()).isEqualTo("PENDING");
        assertThat(event.review()).isEqualTo("access request approve " + pending.id());
        assertThat(event.key()).isEqualTo(new NotificationEvent.IdempotencyKey(AuditChains.forRequest(pending.id()), 1));
        assertThat(event.times().createdAt()).isEqualTo(pending.createdAt());
        assertThat(event.times().accessExpiresAt()).isEmpty();
        assertThat(sent.get(1).event()).isEqualTo(event);
    }

    @Test
    void consume_shouldTellTheRequesterOfApproval_withTheReviewersComment() {
        AccessRequest pending = bobAsks();
        notify.consume(newChanges());
        sent.clear();

        t.airlock().reviewRequest().handle(TestIdentities.alice(), pending.id(), Verdict.APPROVE, "go ahead");
        notify.consume(newChanges());

        assertThat(sent).extracting(Sent::target).containsExactly("ops");
        NotificationEvent event = sent.get(0).event();
        assertThat(event.type()).isEqualTo(EventType.REQUEST_APPROVED);
        assertThat(event.state()).isEqualTo("APPROVED");
        assertThat(event.actor()).isEqualTo("alice");
        assertThat(event.comment()).contains("go ahead");
        assertThat(event.review()).isEqualTo("access request show " + pending.id());
        assertThat(event.times().accessExpiresAt()).isPresent();
        assertThat(event.key().seq()).isEqualTo(2);
    }

    @Test
    void consume_shouldMapEveryRequestOutcome() {
        AccessRequest denied = bobAsks();
        t.airlock().reviewRequest().handle(TestIdentities.alice(), denied.id(), Verdict.DENY, "no");
        AccessRequest withdrawn = bobAsks();
        t.airlock().withdrawRequest().handle(TestIdentities.bob(), withdrawn.id());
        AccessRequest approved = r.approved("dba");
        r.issue(Optional.of(approved.id()));
        r.revokeRequest.handle(TestIdentities.alice(), approved.id(), "done");
        AccessRequest expiring = bobAsks();
        t.clock().advance(Duration.ofDays(2));
        r.sweep.run();

        assertThat(notify.consume(newChanges()).complete()).isTrue();

        assertThat(typesOf(denied)).containsExactly(EventType.REQUEST_CREATED, EventType.REQUEST_DENIED);
        assertThat(typesOf(withdrawn)).containsExactly(EventType.REQUEST_CREATED, EventType.REQUEST_WITHDRAWN);
        assertThat(typesOf(approved)).containsExactly(EventType.REQUEST_CREATED, EventType.REQUEST_APPROVED,
                EventType.CERTIFICATE_ISSUED, EventType.REQUEST_REVOKED);
        assertThat(typesOf(expiring)).containsExactly(EventType.REQUEST_CREATED, EventType.REQUEST_EXPIRED);
        NotificationEvent issued = sent.stream().map(Sent::event)
                .filter(e -> e.type() == EventType.CERTIFICATE_ISSUED).findFirst().orElseThrow();
        assertThat(issued.serial()).isPresent();
        assertThat(issued.id()).isEqualTo(approved.id());
        assertThat(sent.stream().map(Sent::event).filter(e -> e.type() == EventType.REQUEST_REVOKED)
                .findFirst().orElseThrow().comment()).contains("done");
    }

    private List<EventType> typesOf(AccessRequest request) {
        return sent.stream().filter(s -> s.target().equals("ops")).map(Sent::event)
                .filter(e -> e.id().equals(request.id())).map(NotificationEvent::type).toList();
    }

    @Test
    void consume_shouldSendBreakGlassLoudly_toReviewers() {
        BreakGlassAccess breakGlass = new BreakGlassAccess(t.store(), t.roles(), t.clock(), BreakGlassSettings.DEFAULTS);
        AccessRequest opened = breakGlass.handle(TestIdentities.bob(), NewRequest.of(List.of("dba"), "db down"),
                Optional.empty()).request();

        notify.consume(newChanges());

        assertThat(sent).extracting(Sent::target).containsExactly("chat", "ops");
        NotificationEvent event = sent.get(0).event();
        assertThat(event.type()).isEqualTo(EventType.BREAK_GLASS_OPENED);
        assertThat(event.type().priority()).isEqualTo(EventType.Priority.URGENT);
        assertThat(event.state()).isEqualTo("APPROVED");
        assertThat(event.times().postReviewDueAt()).isEqualTo(opened.postReview().map(p -> p.dueAt()));
        assertThat(event.review()).isEqualTo("access request approve " + opened.id());
    }

    @Test
    void consume_shouldRemindReviewersOnceOfAnOverduePostReview() {
        BreakGlassAccess breakGlass = new BreakGlassAccess(t.store(), t.roles(), t.clock(), BreakGlassSettings.DEFAULTS);
        AccessRequest opened = breakGlass.handle(TestIdentities.bob(), NewRequest.of(List.of("dba"), "db down"),
                Optional.empty()).request();
        notify.consume(newChanges());
        sent.clear();
        PostReviewQueue queue = new PostReviewQueue(t.store());
        t.clock().set(opened.postReview().orElseThrow().dueAt().plusSeconds(30));

        queue.recordOverdue(t.clock().instant());
        queue.recordOverdue(t.clock().instant());
        notify.consume(newChanges());

        assertThat(sent).extracting(Sent::target).containsExactly("ops");
        NotificationEvent event = sent.get(0).event();
        assertThat(event.type()).isEqualTo(EventType.POST_REVIEW_OVERDUE);
        assertThat(event.type().priority()).isEqualTo(EventType.Priority.URGENT);
        assertThat(event.state()).isEqualTo("EXPIRED");
        assertThat(event.actor()).isEqualTo("system");
        assertThat(event.review()).isEqualTo("access request approve " + opened.id());
        assertThat(event.key().seq()).isEqualTo(2);
    }

    @Test
    void consume_shouldIgnoreModifyRemoveUnreadableAndNonRequestRecords() {
        AccessRequest pending = bobAsks();
        AuditRecord created = t.audit().read(AuditChains.forRequest(pending.id())).get(0);
        AuditRecord config = t.audit().read(AuditChains.CONFIG).get(0);
        List<StreamChange> changes = List.of(
                new StreamChange("1", StreamChange.Event.MODIFY, created.chain(), 1,
                        Optional.of(StoredRecord.readable(created))),
                new StreamChange("2", StreamChange.Event.REMOVE, created.chain(), 1, Optional.empty()),
                new StreamChange("3", StreamChange.Event.INSERT, created.chain(), 1,
                        Optional.of(StoredRecord.malformed(created.chain(), 1, "no hash"))),
                new StreamChange("4", StreamChange.Event.INSERT, config.chain(), config.seq(),
                        Optional.of(StoredRecord.readable(config))));

        assertThat(notify.consume(changes).complete()).isTrue();
        assertThat(sent).isEmpty();
    }

    @Test
    void consume_shouldSendNothingBeforeARoutingFileIsApplied() {
        Notify unconfigured = new Notify(new InMemoryNotificationConfigStore(t.audit(), t.clock()), t.store(),
                new Delivery(this::send, policy, log::add), log::add, t.clock(), Notify.BATCH_BUDGET);
        bobAsks();

        assertThat(unconfigured.consume(newChanges()).complete()).isTrue();
        assertThat(sent).isEmpty();
    }

    @Test
    void consume_shouldRetryInsideTheBatch_withBackoff_andTheSameIdempotencyKey() {
        bobAsks();
        // chat answers 500 three times, then accepts
        for (int i = 0; i < 3; i++) {
            failures.add(new DeliveryException("HTTP 500", true));
        }

        StreamConsumer.Result result = notify.consume(newChanges());

        assertThat(result.complete()).isTrue();
        List<NotificationEvent> toChat = sent.stream().filter(s -> s.target().equals("chat")).map(Sent::event).toList();
        assertThat(toChat).hasSize(4);
        assertThat(toChat).allSatisfy(e -> assertThat(e.key()).isEqualTo(toChat.get(0).key()));
        assertThat(pauses).containsExactly(500L, 1000L, 2000L);
    }

    @Test
    void consume_shouldReportTheChangeAndAllLaterOnesFailed_afterTheLastAttempt() {
        bobAsks();
        bobAsks();
        List<StreamChange> changes = newChanges();
        String first = AuditChains.requestIdOf(changes.get(0).chain()).orElseThrow();
        for (int i = 0; i < Delivery.POLICY.maxAttempts(); i++) {
            failures.add(new DeliveryException("HTTP 503", true));
        }

        StreamConsumer.Result result = notify.consume(changes);

        assertThat(result.failedIds()).containsExactly(changes.get(0).id(), changes.get(1).id());
        assertThat(sent.stream().filter(s -> s.target().equals("chat"))).hasSize(Delivery.POLICY.maxAttempts());
        // the other target still got it; the second change was left for redelivery
        assertThat(sent.stream().filter(s -> s.target().equals("ops")).map(s -> s.event().id()))
                .containsExactly(first);
        assertThat(log).anyMatch(line -> line.contains("gave up on request.created"));
    }

    @Test
    void consume_shouldStopStartingCallsOnceTheBatchBudgetIsSpent_andLeaveTheRestForRedelivery() {
        bobAsks();
        bobAsks();
        List<StreamChange> changes = newChanges();
        // each failed call takes 3 s of the 10 s budget; the pauses (0.5 s, 1 s, 2 s) take their share
        Notify slow = new Notify(configs, t.store(), new Delivery((target, event) -> {
            sent.add(new Sent(target.name(), event));
            t.clock().advance(Duration.ofSeconds(3));
            throw new DeliveryException("timed out", true);
        }, policy, log::add), log::add, t.clock(), Notify.BATCH_BUDGET);

        StreamConsumer.Result result = slow.consume(changes);

        assertThat(result.failedIds()).containsExactly(changes.get(0).id(), changes.get(1).id());
        // chat: calls at 0 s, 3.5 s, 7.5 s (then 12.5 s is past the budget); ops: none started
        assertThat(sent).extracting(Sent::target).containsExactly("chat", "chat", "chat");
        assertThat(log).anyMatch(line -> line.contains("out of time for this batch before attempt 4"));
    }

    @Test
    void consume_shouldNotRetryARefusal() {
        bobAsks();
        failures.add(new DeliveryException("HTTP 404", false));

        StreamConsumer.Result result = notify.consume(newChanges());

        assertThat(result.complete()).isFalse();
        assertThat(sent.stream().filter(s -> s.target().equals("chat"))).hasSize(1);
        assertThat(pauses).isEmpty();
    }
}
