package dev.airlock.bench.checkpoint;

import dev.airlock.aws.dynamodb.DynamoDbAuditLog;
import dev.airlock.aws.kms.KmsCheckpointSigner;
import dev.airlock.bench.LocalBackend;
import dev.airlock.bench.Progress;
import dev.airlock.bench.Stats;
import dev.airlock.bench.storage.ItemReadCounter;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.Checkpoint;
import dev.airlock.core.audit.StoredRecord;
import dev.airlock.core.audit.StreamChange;
import dev.airlock.core.port.CheckpointStore;
import dev.airlock.core.usecase.TakeCheckpoints;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checkpoint cost (issue 14 item 5): a fresh embedded DynamoDB whose audit table holds {@code chains}
 * chains, all checkpointed; then {@link #APPENDED} records appended to as many distinct chains (the
 * worst case: every record touches a chain no other touches) and fed to {@link TakeCheckpoints} in
 * stream batches of {@link #BATCH} (the event source mapping's default), then the next checkpoint.
 * What the checkpoint reads: its stream records (each appended record once), the audit table (through
 * an {@link ItemReadCounter}: nothing, unless it records tampering) and its store (a
 * {@link CountingCheckpointStore}: one head per chain a batch touches, one per staged head taken into
 * the checkpoint, one look at the newest checkpoint per batch). The stream records are built from the
 * records as written, which is what a NEW_IMAGE carries.
 */
public final class CheckpointBench {

    public static final double TARGET_RECORDS_READ_PER_APPENDED = 1.1;
    static final int APPENDED = 1_000;
    static final int BATCH = 100;
    private static final Duration INTERVAL = Duration.ofMinutes(5);

    private final Progress progress;

    public CheckpointBench(Progress progress) {
        this.progress = progress;
    }

    /** The store measured. The DynamoDB store, once on main, is this one line. */
    static CheckpointStore store(DynamoDbClient dynamoDb, LocalBackend backend) {
        return new MemoryCheckpointStore();
    }

    /** Figures per chain count, e.g. {@code {"10000": {...}, "100000": {...}}}. */
    public Map<String, Object> run(List<Integer> chainCounts) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int chains : chainCounts) {
            figures.put(Integer.toString(chains), measure(chains));
        }
        return figures;
    }

    private Map<String, Object> measure(int chains) {
        try (LocalBackend backend = LocalBackend.start("ECC_NIST_P256"); KmsClient kms = backend.kms();
             DynamoDbClient writer = backend.dynamoDb(List.of())) {
            ItemReadCounter auditReads = new ItemReadCounter();
            try (DynamoDbClient counted = backend.dynamoDb(List.of(auditReads))) {
                String auditKey = kms.createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY))
                        .keyMetadata().keyId();
                SteppedClock clock = new SteppedClock(Clock.systemUTC().instant());
                CheckpointStore measured = store(counted, backend);
                CountingCheckpointStore store = new CountingCheckpointStore(measured);
                TakeCheckpoints checkpoints = new TakeCheckpoints(store, new KmsCheckpointSigner(kms, auditKey),
                        new MemoryAnchor(), new DynamoDbAuditLog(counted, backend.tables(), clock), clock, INTERVAL);
                DynamoDbAuditLog log = new DynamoDbAuditLog(writer, backend.tables(), Clock.systemUTC());
                AtomicLong streamIds = new AtomicLong();

                long seedStart = System.nanoTime();
                List<AuditRecord> seeded = AuditAppends.append(log, chains, AuditAppends::chain);
                double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
                progress.step(String.format("checkpoint %,d: %,d chains written in %.0f s", chains, chains, seedSeconds));
                feed(checkpoints, seeded, streamIds);
                clock.step(INTERVAL);
                checkpoints.checkpointIfDue().orElseThrow();

                SplittableRandom random = new SplittableRandom(14);
                int[] touched = random.ints(0, chains).distinct().limit(APPENDED).toArray();
                List<AuditRecord> appended = AuditAppends.append(log, APPENDED, i -> AuditAppends.chain(touched[i]));
                store.reset();
                auditReads.reset();
                long start = System.nanoTime();
                feed(checkpoints, appended, streamIds);
                long consumed = System.nanoTime();
                clock.step(INTERVAL);
                Checkpoint checkpoint = checkpoints.checkpointIfDue().orElseThrow();
                long done = System.nanoTime();
                if (checkpoint.heads().size() != APPENDED || checkpoint.records() != APPENDED) {
                    throw new IllegalStateException("the checkpoint covers " + checkpoint.heads().size() + " heads and "
                            + checkpoint.records() + " records, not " + APPENDED);
                }
                return figures(chains, seedSeconds, measured.getClass().getSimpleName(), store, auditReads, Stats.millis(consumed - start),
                        Stats.millis(done - consumed));
            }
        }
    }

    /** The records as the stream delivers them: INSERTs in write order per chain, in batches. */
    private static void feed(TakeCheckpoints checkpoints, List<AuditRecord> records, AtomicLong streamIds) {
        for (int from = 0; from < records.size(); from += BATCH) {
            List<StreamChange> batch = new ArrayList<>(BATCH);
            for (AuditRecord record : records.subList(from, Math.min(records.size(), from + BATCH))) {
                batch.add(new StreamChange(Long.toString(streamIds.incrementAndGet()), StreamChange.Event.INSERT,
                        record.chain(), record.seq(), Optional.of(StoredRecord.readable(record))));
            }
            TakeCheckpoints.Outcome outcome = checkpoints.consume(batch);
            if (!outcome.tampered().isEmpty()) {
                throw new IllegalStateException(outcome.tampered().size() + " honest appends were taken for tampering");
            }
        }
    }

    private Map<String, Object> figures(int chains, double seedSeconds, String storeName, CountingCheckpointStore store,
                                        ItemReadCounter auditReads, double consumeMillis, double checkpointMillis) {
        long streamRecords = APPENDED;
        long recordsRead = streamRecords + auditReads.itemsRead();
        long storeReads = store.headReads() + store.stagedReads() + store.latestReads();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("chains", chains);
        f.put("appended", APPENDED);
        f.put("batches", (APPENDED + BATCH - 1) / BATCH);
        f.put("streamRecordsRead", streamRecords);
        f.put("auditItemsRead", auditReads.itemsRead());
        f.put("recordsReadPerAppended", Stats.round((double) recordsRead / APPENDED, 4));
        f.put("target", TARGET_RECORDS_READ_PER_APPENDED);
        f.put("storeHeadReads", store.headReads());
        f.put("storeStagedReads", store.stagedReads());
        f.put("storeLatestReads", store.latestReads());
        f.put("storeReadsPerAppended", Stats.round((double) storeReads / APPENDED, 4));
        f.put("store", storeName);
        f.put("consumeMillis", Stats.round(consumeMillis, 1));
        f.put("checkpointMillis", Stats.round(checkpointMillis, 1));
        f.put("seedSeconds", Stats.round(seedSeconds, 1));
        progress.step("checkpoint " + chains + ": " + f);
        return f;
    }
}
