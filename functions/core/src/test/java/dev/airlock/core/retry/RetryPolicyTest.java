package dev.airlock.core.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private final List<Long> pauses = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(25),
            pauses::add, bound -> bound); // jitter at its upper bound, so the bounds show

    @Test
    void run_shouldReturnTheFirstResultWithoutPausing() {
        String result = policy.run(n -> Optional.of("won at " + n), IllegalStateException::new);

        assertThat(result).isEqualTo("won at 1");
        assertThat(pauses).isEmpty();
    }

    @Test
    void run_shouldRetryLostRacesWithGrowingCappedPauses() {
        String result = policy.run(n -> n < 4 ? Optional.empty() : Optional.of("won at " + n), IllegalStateException::new);

        assertThat(result).isEqualTo("won at 4");
        assertThat(pauses).containsExactly(10L, 20L, 25L);
    }

    @Test
    void run_shouldThrowTheExhaustedErrorAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> policy.run(n -> {
            attempts.incrementAndGet();
            return Optional.empty();
        }, () -> new IllegalStateException("gave up"))).hasMessage("gave up");
        assertThat(attempts).hasValue(4);
        assertThat(pauses).hasSize(3);
    }

    @Test
    void run_shouldPropagateWhatAnAttemptThrowsAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> policy.run(n -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("not a race");
        }, IllegalStateException::new)).hasMessage("not a race");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void lostRace_shouldJitterWithinTheBound() {
        List<Long> seen = new ArrayList<>();
        RetryPolicy real = RetryPolicy.LOST_RACE.with(seen::add, bound -> bound / 2);

        real.run(n -> n < real.maxAttempts() ? Optional.empty() : Optional.of(n), IllegalStateException::new);

        assertThat(seen).hasSize(real.maxAttempts() - 1).allSatisfy(p -> assertThat(p).isBetween(0L, 100L));
        assertThat(RetryPolicy.LOST_RACE.bound(1)).isEqualTo(5);
        assertThat(RetryPolicy.LOST_RACE.bound(30)).isEqualTo(100);
    }
}
