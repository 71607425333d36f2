package dev.airlock.endpoints;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class FaultInjectorTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "*,                                    DynamoDB_20120810.PutItem,   true",
            "DynamoDB_20120810.PutItem,            DynamoDB_20120810.PutItem,   true",
            "DynamoDB_20120810.PutItem,            DynamoDB_20120810.PutItems,  false",
            "DynamoDB_20120810,                    DynamoDB_20120810.Query,     true",
            "DynamoDB_20120810,                    DynamoDB_20120810X.Query,    false",
            "DynamoDB_20120810.*,                  DynamoDB_20120810.Query,     true",
            "TrentService.Sig*,                    TrentService.Sign,           true",
            "TrentService.Sig*,                    TrentService.Verify,         false",
            "TrentService,                         DynamoDB_20120810.Query,     false",
    })
    void matches_followsTheDocumentedTargetPatterns(String pattern, String target, boolean expected) {
        assertThat(FaultInjector.matches(pattern, target)).isEqualTo(expected);
    }

    @Test
    void throttle_failsExactlyTheNextNCalls() {
        FaultInjector faults = new FaultInjector().throttle("DynamoDB_20120810.PutItem", 2);

        assertThat(faults.takeFault("DynamoDB_20120810.GetItem")).isEmpty();
        assertThat(faults.takeFault("DynamoDB_20120810.PutItem")).contains(FaultInjector.Kind.THROTTLE);
        assertThat(faults.takeFault("DynamoDB_20120810.PutItem")).contains(FaultInjector.Kind.THROTTLE);
        assertThat(faults.takeFault("DynamoDB_20120810.PutItem")).isEmpty();
    }

    @Test
    void faults_applyInTheOrderTheyWereAdded() {
        FaultInjector faults = new FaultInjector().serverError("*", 1).throttle("TrentService", 1);

        assertThat(faults.takeFault("TrentService.Sign")).contains(FaultInjector.Kind.SERVER_ERROR);
        assertThat(faults.takeFault("TrentService.Sign")).contains(FaultInjector.Kind.THROTTLE);
        assertThat(faults.takeFault("TrentService.Sign")).isEmpty();
    }

    @Test
    void latency_addsUpAndLastsUntilCleared() {
        FaultInjector faults = new FaultInjector()
                .latency("*", Duration.ofMillis(5))
                .latency("DynamoDB_20120810.Query", Duration.ofMillis(20));

        assertThat(faults.latencyFor("DynamoDB_20120810.Query")).isEqualTo(Duration.ofMillis(25));
        assertThat(faults.latencyFor("DynamoDB_20120810.Query")).isEqualTo(Duration.ofMillis(25));
        assertThat(faults.latencyFor("TrentService.Sign")).isEqualTo(Duration.ofMillis(5));

        faults.clear();

        assertThat(faults.latencyFor("DynamoDB_20120810.Query")).isZero();
    }

    @Test
    void throttle_underContention_failsExactlyNCallsInTotal() throws Exception {
        FaultInjector faults = new FaultInjector().throttle("*", 500);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(() -> {
                    int failed = 0;
                    for (int i = 0; i < 200; i++) {
                        if (faults.takeFault("DynamoDB_20120810.PutItem").isPresent()) {
                            failed++;
                        }
                    }
                    return failed;
                });
            }
            int total = 0;
            for (Future<Integer> result : pool.invokeAll(workers)) {
                total += result.get();
            }
            assertThat(total).isEqualTo(500);
        } finally {
            pool.shutdownNow();
        }
    }
}
