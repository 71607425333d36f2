package dev.airlock.aws.dynamodb;

import dev.airlock.core.audit.Checkpoint;
import dev.airlock.core.port.CheckpointStore;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AuditHead;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checkpoint function's store on the embedded DynamoDB: heads and stage survive between batches
 * (a new store object reads what the last one wrote), a commit clears the stage, a stale commit is a
 * conflict, and a batch reads only the head items of the chains it touches.
 */
class DynamoDbCheckpointStoreIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    private final DynamoDbFixture fixture = DynamoDbFixture.create();
    private final CountingInterceptor counting = new CountingInterceptor();
    private final DynamoDbCheckpointStore store = new DynamoDbCheckpointStore(
            fixture.client(List.of(counting), true), fixture.tables(), CLOCK);

    @Test
    void stagedHeads_shouldBeReadBackByTheNextBatch_andCoveredByTheCommit() {
        AuditHead bob1 = head(1, "a");
        AuditHead bob2 = head(2, "b");
        AuditHead ca1 = head(1, "c");
        store.stage(Map.of("user#bob", bob1), 1);
        store.stage(Map.of("user#bob", bob2, "ca", ca1), 2);

        CheckpointStore next = new DynamoDbCheckpointStore(fixture.client(), fixture.tables(), CLOCK);
        assertThat(next.latest()).isEmpty();
        assertThat(next.heads(Set.of("user#bob", "ca", "user#nobody"))).isEqualTo(Map.of("user#bob", bob2, "ca", ca1));
        CheckpointStore.Staged staged = next.staged();
        assertThat(staged.heads()).isEqualTo(Map.of("user#bob", bob2, "ca", ca1));
        assertThat(staged.records()).isEqualTo(3);

        Checkpoint first = new Checkpoint(1, AuditHead.GENESIS.hash(), CLOCK.instant(), 3, new TreeMap<>(staged.heads()));
        next.commit(first);

        assertThat(store.latest()).contains(first);
        assertThat(store.staged().heads()).isEmpty();
        assertThat(store.staged().records()).isZero();
        assertThat(store.heads(Set.of("user#bob"))).containsEntry("user#bob", bob2);
        store.stage(Map.of("ca", head(2, "d")), 1);
        assertThat(store.staged().heads()).isEqualTo(Map.of("ca", head(2, "d")));
    }

    @Test
    void commit_shouldRefuseACheckpointThatIsNotNext() {
        store.commit(new Checkpoint(1, AuditHead.GENESIS.hash(), CLOCK.instant(), 0, new TreeMap<>()));

        assertThatThrownBy(() -> store.commit(new Checkpoint(1, AuditHead.GENESIS.hash(), CLOCK.instant(), 0,
                new TreeMap<>()))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.commit(new Checkpoint(3, "ab".repeat(32), CLOCK.instant(), 0,
                new TreeMap<>()))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aBatch_shouldReadOnlyTheHeadsOfItsChains_evenWithManyChainsStaged() {
        Map<String, AuditHead> many = new HashMap<>();
        for (int i = 0; i < DynamoDbCheckpointStore.HEADS_PER_STAGE_ITEM + 5; i++) {
            many.put("user#u" + i, head(1, Integer.toString(i)));
        }
        store.stage(many, many.size());
        counting.reset();

        Map<String, AuditHead> heads = store.heads(Set.of("user#u7", "user#u1003"));

        assertThat(heads).containsOnlyKeys("user#u7", "user#u1003");
        assertThat(counting.totalCalls()).isEqualTo(1);
        assertThat(store.staged().heads()).hasSize(many.size());
        assertThat(store.staged().records()).isEqualTo(many.size());
    }

    private static AuditHead head(long seq, String seed) {
        return new AuditHead(seq, (seed + "0".repeat(64)).substring(0, 64).replaceAll("[^0-9a-f]", "e"));
    }
}
