package dev.airlock.bench.checkpoint;

import dev.airlock.domain.request.AuditHead;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CountingCheckpointStoreTest {

    private static final AuditHead HEAD = new AuditHead(1, "a".repeat(64));

    @Test
    void readsAreCountedPerChainAskedFor_perStagedHead_andPerLookAtTheNewest() {
        CountingCheckpointStore store = new CountingCheckpointStore(new MemoryCheckpointStore());
        store.stage(Map.of("user#a", HEAD, "user#b", HEAD), 2);

        assertThat(store.heads(Set.of("user#a", "user#b", "user#unknown"))).containsOnlyKeys("user#a", "user#b");
        assertThat(store.staged().records()).isEqualTo(2);
        assertThat(store.latest()).isEmpty();

        assertThat(store.headReads()).isEqualTo(3);
        assertThat(store.stagedReads()).isEqualTo(2);
        assertThat(store.latestReads()).isEqualTo(1);
        store.reset();
        assertThat(store.headReads() + store.stagedReads() + store.latestReads()).isZero();
    }
}
