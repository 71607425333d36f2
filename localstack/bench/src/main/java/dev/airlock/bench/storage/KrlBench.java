package dev.airlock.bench.storage;

import dev.airlock.aws.dynamodb.DynamoDbRevocationStore;
import dev.airlock.aws.kms.KmsCertificateAuthority;
import dev.airlock.bench.LocalBackend;
import dev.airlock.bench.Progress;
import dev.airlock.bench.Stats;
import dev.airlock.core.port.KrlEntry;
import dev.airlock.core.usecase.BuildKrl;
import dev.airlock.ssh.Krl;
import dev.airlock.ssh.KrlCheck;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * KRL build cost (issue 15): a fresh embedded DynamoDB holding {@code revoked} unexpired certificate
 * revocations (random 64-bit serials, as issued) and a fifth as many expired ones the sweep has not
 * yet dropped; then {@code GET /krl}'s use case, {@link BuildKrl}, over the DynamoDB adapter with an
 * {@link ItemReadCounter} on the client. Items read per revoked serial (target ≤ 1.1) and the build
 * time (median and worst of several builds, the KMS GetPublicKey of the CA made once before).
 */
public final class KrlBench {

    public static final double TARGET_READS_PER_SERIAL = 1.1;
    private static final int BUILDS = 7;

    private final Progress progress;

    public KrlBench(Progress progress) {
        this.progress = progress;
    }

    public Map<String, Object> run(int revoked) {
        try (LocalBackend backend = LocalBackend.start("ECC_NIST_P256"); KmsClient kms = backend.kms()) {
            Clock clock = Clock.systemUTC();
            Instant now = clock.instant();
            int expired = revoked / 5;
            populate(backend, revoked, expired, now);
            ItemReadCounter counter = new ItemReadCounter();
            try (DynamoDbClient client = backend.dynamoDb(List.of(counter))) {
                DynamoDbRevocationStore store = new DynamoDbRevocationStore(client, backend.tables(),
                        backend.store(client, clock));
                KmsCertificateAuthority ca = new KmsCertificateAuthority(kms, LocalBackend.CA_ALIAS);
                BuildKrl build = new BuildKrl(store, ca, clock);
                ca.publicKey(); // the CA key is fetched once per process, not per KRL
                List<Double> millis = new ArrayList<>();
                BuildKrl.Result last = null;
                long itemsRead = 0;
                for (int i = 0; i < BUILDS; i++) {
                    counter.reset();
                    long start = System.nanoTime();
                    last = build.handle();
                    millis.add(Stats.millis(System.nanoTime() - start));
                    itemsRead = counter.itemsRead();
                }
                Krl krl = KrlCheck.requireUsable(last.bytes(), ca.publicKey());
                if (krl.serialCount() != revoked) {
                    throw new IllegalStateException("the KRL lists " + krl.serialCount() + " of " + revoked + " serials");
                }
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("revokedSerials", revoked);
                figures.put("expiredEntriesNotRead", expired);
                figures.put("itemsRead", itemsRead);
                figures.put("readsPerSerial", Stats.round((double) itemsRead / revoked, 4));
                figures.put("target", TARGET_READS_PER_SERIAL);
                figures.put("calls", counter.calls());
                figures.put("krlBytes", last.bytes().length);
                figures.put("buildMillisMedian", Stats.round(Stats.median(millis), 1));
                figures.put("buildMillisMax", Stats.round(millis.stream().mapToDouble(Double::doubleValue).max()
                        .orElse(0), 1));
                figures.put("builds", BUILDS);
                progress.step("krl " + revoked + ": " + figures);
                return figures;
            }
        }
    }

    /** Writes the revocations through the adapter, as the functions write them (one transaction each). */
    private void populate(LocalBackend backend, int revoked, int expired, Instant now) {
        SplittableRandom random = new SplittableRandom(15);
        try (DynamoDbClient client = backend.dynamoDb(List.of())) {
            DynamoDbRevocationStore store = new DynamoDbRevocationStore(client, backend.tables(),
                    backend.store(client, Clock.systemUTC()));
            for (int i = 0; i < revoked + expired; i++) {
                long serial;
                do {
                    serial = random.nextLong();
                } while (serial == 0);
                Instant until = i < revoked ? now.plus(Duration.ofHours(1 + random.nextInt(8)))
                        : now.minus(Duration.ofMinutes(1 + random.nextInt(60)));
                store.revoke(KrlEntry.forCertificate(Long.toUnsignedString(serial), until));
                if ((i + 1) % 2000 == 0) {
                    progress.step("krl: " + (i + 1) + " revocations written");
                }
            }
        }
    }
}
