package dev.airlock.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.core.port.BreakGlassQuota;
import dev.airlock.core.port.PageRequest;
import dev.airlock.domain.error.ThrottledException;
import dev.airlock.domain.request.AccessRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-user break-glass counter item, through the embedded DynamoDB endpoint. */
class BreakGlassQuotaIT {

    private static final BreakGlassQuota QUOTA = new BreakGlassQuota(3, Duration.ofHours(24));

    private DynamoDbAccessRequestStore store;

    @BeforeEach
    void setUp() {
        store = DynamoDbFixture.create().store();
    }

    private AccessRequest open(String user, Instant at) {
        AccessRequest request = TestRequests.breakGlass(user, at);
        return store.createBreakGlass(request, TestRequests.created(request), Optional.empty(), QUOTA);
    }

    @Test
    void createBreakGlass_fourthInTheWindow_isRefusedWithRetryAfter_andWritesNothing() {
        Instant t0 = TestRequests.T0;
        AccessRequest first = open("bob", t0);
        open("bob", t0.plus(Duration.ofHours(2)));
        open("bob", t0.plus(Duration.ofHours(3)));
        open("carol", t0.plus(Duration.ofHours(3)));

        assertThatThrownBy(() -> open("bob", t0.plus(Duration.ofHours(23))))
                .isInstanceOfSatisfying(ThrottledException.class, e -> {
                    assertThat(e.code()).isEqualTo("break_glass_rate_limited");
                    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                });
        assertThat(store.listByUser("bob", Optional.empty(), new PageRequest(10, Optional.empty())).items())
                .hasSize(3);
        assertThat(store.find(first.id())).contains(first);
        assertThat(open("bob", t0.plus(Duration.ofHours(24))).isBreakGlass()).isTrue();
    }

    @Test
    void createBreakGlass_tenConcurrent_limitThree_exactlyThreeStored() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    open("dave", TestRequests.T0.plusMillis(n));
                    return true;
                } catch (ThrottledException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Boolean> f : results) {
            ok += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(ok).isEqualTo(3);
        assertThat(store.listByUser("dave", Optional.empty(), new PageRequest(20, Optional.empty())).items())
                .hasSize(3);
    }
}
