package dev.airlock.core.usecase;

import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.StoredRecord;
import dev.airlock.core.audit.StreamChange;
import dev.airlock.core.testing.InMemoryAuditLog;
import dev.airlock.core.testing.InMemoryCheckpoints;
import dev.airlock.domain.request.AuditHead;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream batch is redelivered from its first failed change (Lambda's partial batch response), so
 * {@link TakeCheckpoints} must take a change it has already staged without calling it tampering.
 */
class TakeCheckpointsRedeliveryTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryCheckpoints checkpoints = new InMemoryCheckpoints();
    private final InMemoryAuditLog audit = new InMemoryAuditLog(clock);
    private final TakeCheckpoints take = new TakeCheckpoints(checkpoints, checkpoints, checkpoints, audit, clock,
            Duration.ofMinutes(5));

    @Test
    void check_shouldSkipAnInsertOfTheKnownHead_andStageNoCheckpoint() {
        AuditRecord first = AuditRecord.next(AuditHead.GENESIS, "user#bob", clock.instant(), "bob",
                AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "1"));

        TakeCheckpoints.Outcome once = take.check(List.of(insert(first)));
        TakeCheckpoints.Outcome again = take.check(List.of(insert(first)));

        assertThat(once.appended()).isEqualTo(1);
        assertThat(once.checkpoint()).isEmpty();
        assertThat(checkpoints.latest()).isEmpty();
        assertThat(again.appended()).isZero();
        assertThat(again.tampered()).isEmpty();
        assertThat(audit.read(AuditChains.TAMPER)).isEmpty();
        assertThat(checkpoints.staged().heads()).containsEntry("user#bob", first.head());
    }

    @Test
    void check_shouldStillCallAnotherRecordAtTheHeadsSeqTampering() {
        AuditRecord first = AuditRecord.next(AuditHead.GENESIS, "user#bob", clock.instant(), "bob",
                AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "1"));
        AuditRecord other = AuditRecord.next(AuditHead.GENESIS, "user#bob", clock.instant(), "mallory",
                AuditAction.CERTIFICATE_ISSUED, Map.of("serial", "1"));
        take.check(List.of(insert(first)));

        TakeCheckpoints.Outcome outcome = take.check(List.of(insert(other)));

        assertThat(outcome.tampered()).hasSize(1);
        assertThat(audit.read(AuditChains.TAMPER)).hasSize(1);
    }

    private static StreamChange insert(AuditRecord record) {
        return new StreamChange(record.chain() + "/" + record.seq(), StreamChange.Event.INSERT, record.chain(),
                record.seq(), Optional.of(StoredRecord.readable(record)));
    }
}
