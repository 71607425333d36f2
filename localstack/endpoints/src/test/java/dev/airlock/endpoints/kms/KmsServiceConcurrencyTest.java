package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Many threads at once: every signature valid, every conflicting change decided exactly once. */
class KmsServiceConcurrencyTest {

    private static final int THREADS = 16;
    private static final int SIGNATURES_PER_THREAD = 25;

    @TempDir
    Path directory;

    @Test
    void concurrentSignCalls_onSeveralKeys_allProduceValidSignatures() throws Exception {
        KmsCalls kms = new KmsCalls(new KmsService(Optional.empty()));
        List<String> keys = List.of(kms.createKey("ECC_NIST_P256"), kms.createKey("ECC_NIST_EDWARDS25519"),
                kms.createKey("RSA_2048"));
        List<String> algorithms = List.of("ECDSA_SHA_256", "ED25519_SHA_512", "RSASSA_PKCS1_V1_5_SHA_256");
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(() -> {
                int valid = 0;
                for (int i = 0; i < SIGNATURES_PER_THREAD; i++) {
                    int k = (thread + i) % keys.size();
                    byte[] message = ("thread " + thread + " message " + i).getBytes(StandardCharsets.UTF_8);
                    byte[] signature = kms.sign(keys.get(k), message, "RAW", algorithms.get(k));
                    if (JcaVerifier.verify(kms.publicKey(keys.get(k)), algorithms.get(k), message, signature)) {
                        valid++;
                    }
                }
                return valid;
            });
        }

        int valid = 0;
        for (Future<Integer> result : runTogether(workers)) {
            valid += result.get();
        }

        assertThat(valid).isEqualTo(THREADS * SIGNATURES_PER_THREAD);
    }

    @Test
    void concurrentCreateAlias_ofOneName_succeedsExactlyOnce_andPersistsThatOne() throws Exception {
        KmsCalls kms = new KmsCalls(new KmsService(Optional.of(directory)));
        String keyId = kms.createKey("ECC_NIST_P256");
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(() -> {
                try {
                    kms.call("CreateAlias", "{\"AliasName\":\"alias/race\",\"TargetKeyId\":\"" + keyId + "\"}");
                    return 1;
                } catch (AwsServiceException e) {
                    assertThat(e.type()).isEqualTo("AlreadyExistsException");
                    return 0;
                }
            });
        }

        int created = 0;
        for (Future<Integer> result : runTogether(workers)) {
            created += result.get();
        }
        KmsCalls restarted = new KmsCalls(new KmsService(Optional.of(directory)));

        assertThat(created).isEqualTo(1);
        assertThat(restarted.call("ListAliases", "{}").get("Aliases")).hasSize(1);
    }

    private static <T> List<Future<T>> runTogether(List<Callable<T>> workers) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (Callable<T> worker : workers) {
                results.add(pool.submit(() -> {
                    start.await();
                    return worker.call();
                }));
            }
            start.countDown();
            return results;
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).as("workers finished").isTrue();
        }
    }
}
