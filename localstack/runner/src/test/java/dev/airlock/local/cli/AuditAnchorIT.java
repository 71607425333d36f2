package dev.airlock.local.cli;

import dev.airlock.app.aws.AwsClients;
import dev.airlock.aws.dynamodb.AuditImages;
import dev.airlock.aws.dynamodb.DynamoDbCheckpointStore;
import dev.airlock.aws.dynamodb.TableNames;
import dev.airlock.core.audit.AuditChains;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.CanonicalForm;
import dev.airlock.core.port.CheckpointStore;
import dev.airlock.domain.request.AuditHead;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #14 "Done when", end to end: a local Airlock of its own, run as {@code scripts/local-up} runs it
 * (the {@code checkpoint} function on the audit table's stream, the KMS audit key, the Object Lock bucket),
 * checkpoints new records within seconds; then each tampering an insider with DynamoDB write access
 * could do is caught by {@code access audit verify} (exit 6) by its break kind, including those only the
 * anchor can see. Each test restores what it changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditAnchorIT {

    /** Bounded polling for the stream poller and the checkpoint interval (PT5S locally). */
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private CliAirlock airlock;
    private CheckpointStore checkpoints;

    @BeforeAll
    void start() {
        airlock = CliAirlock.start();
        checkpoints = new DynamoDbCheckpointStore(airlock.dynamoDb(),
                new TableNames(airlock.requestsTable(), airlock.auditTable()), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        airlock.close();
    }

    @Test
    void newRecords_shouldBeCheckpointedWithinSeconds_andVerifyPassAgainstTheAnchor(@TempDir Path home) {
        String chain = AuditChains.forRequest(approvedWithCertificate(home, "INC-14: anchored"));

        awaitCovered(chain);
        AccessCli.Result verify = verifier(home).run("audit", "verify");

        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.stdout()).contains("anchored: checkpoints 1-").contains(" 0 breaks");

        // incrementally from the newest checkpoint the full run saw (its predecessor's hash gives the link)
        java.util.regex.Matcher newest = java.util.regex.Pattern.compile("anchored: checkpoints 1-(\\d+)")
                .matcher(verify.stdout());
        assertThat(newest.find()).as(verify.stdout()).isTrue();
        AccessCli.Result incremental = verifier(home).run("audit", "verify", "--since", newest.group(1));
        assertThat(incremental.exitCode()).as(incremental.toString()).isZero();
        assertThat(incremental.stdout()).contains("anchored: checkpoints " + newest.group(1) + "-")
                .contains(" 0 breaks");
    }

    @Test
    void aMidChainEditWithEveryLaterHashRecomputed_isRewritten_onceACheckpointCoversIt(@TempDir Path home) {
        String id = approvedWithCertificate(home, "INC-14: rewrite me");
        String chain = AuditChains.forRequest(id);
        awaitCovered(chain);
        List<Map<String, AttributeValue>> original = items(chain);
        Map<String, AttributeValue> item = requestItem(id);
        List<AuditRecord> rewritten = rehash(records(original), 2, "mallory");
        Map<String, AttributeValue> forgedItem = new HashMap<>(item);
        forgedItem.put("auditHash", AttributeValue.fromS(rewritten.get(rewritten.size() - 1).hash()));
        forgedItem.put("reviews", AttributeValue.fromL(item.get("reviews").l().stream().map(review -> {
            Map<String, AttributeValue> changed = new HashMap<>(review.m());
            changed.put("reviewer", AttributeValue.fromS("mallory"));
            return AttributeValue.fromM(changed);
        }).toList()));
        try {
            rewritten.forEach(record -> putAudit(AuditImages.item(record)));
            putRequest(forgedItem);

            AccessCli.Result verify = verifier(home).run("audit", "verify");

            assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(6);
            assertThat(verify.stdout()).contains("BREAK chain=" + chain + " seq=" + rewritten.size() + " kind=REWRITTEN");
        } finally {
            original.forEach(this::putAudit);
            putRequest(item);
        }
    }

    @Test
    void theLastRecordRemovedAndTheHeadMovedBack_isRolledBack(@TempDir Path home) {
        String id = approvedWithCertificate(home, "INC-14: truncate me");
        String chain = AuditChains.forRequest(id);
        awaitCovered(chain);
        List<Map<String, AttributeValue>> original = items(chain);
        Map<String, AttributeValue> item = requestItem(id);
        AuditRecord before = records(original).get(original.size() - 2);
        Map<String, AttributeValue> movedBack = new HashMap<>(item);
        movedBack.put("auditSeq", AttributeValue.fromN(Long.toString(before.seq())));
        movedBack.put("auditHash", AttributeValue.fromS(before.hash()));
        try {
            deleteAudit(original.get(original.size() - 1));
            putRequest(movedBack);

            AccessCli.Result verify = verifier(home).run("audit", "verify");

            assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(6);
            assertThat(verify.stdout()).contains("BREAK chain=" + chain + " seq=" + original.size() + " kind=ROLLED_BACK");
        } finally {
            putAudit(original.get(original.size() - 1));
            putRequest(item);
        }
    }

    @Test
    void aRequestDeletedWithItsWholeChain_isRolledBack(@TempDir Path home) {
        String id = approvedWithCertificate(home, "INC-14: delete me");
        String chain = AuditChains.forRequest(id);
        awaitCovered(chain);
        List<Map<String, AttributeValue>> original = items(chain);
        Map<String, AttributeValue> item = requestItem(id);
        try {
            original.forEach(this::deleteAudit);
            airlock.dynamoDb().deleteItem(b -> b.tableName(airlock.requestsTable()).key(Map.of("id", item.get("id"))));

            AccessCli.Result verify = verifier(home).run("audit", "verify");

            assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(6);
            assertThat(verify.stdout()).contains("BREAK chain=" + chain + " seq=" + original.size() + " kind=ROLLED_BACK");
        } finally {
            original.forEach(this::putAudit);
            putRequest(item);
        }
    }

    @Test
    void aModifyOnTheAuditTable_shouldBecomeATamperRecordWithinSeconds(@TempDir Path home) {
        String chain = AuditChains.forRequest(AccessRequestsIT.create(bob(home), "dba", "INC-14: modify me"));
        awaitCovered(chain);
        Map<String, AttributeValue> original = items(chain).get(0);
        Map<String, AttributeValue> altered = new HashMap<>(original);
        altered.put("actor", AttributeValue.fromS("mallory"));
        int tampersBefore = items(AuditChains.TAMPER).size();

        putAudit(altered);
        putAudit(original);

        await(() -> items(AuditChains.TAMPER).size() >= tampersBefore + 2, "two tamper records");
        List<AuditRecord> tamper = records(items(AuditChains.TAMPER));
        assertThat(tamper.subList(tampersBefore, tamper.size())).allSatisfy(record -> {
            assertThat(record.action()).isEqualTo("audit.tamper");
            assertThat(record.details()).containsEntry("event", "MODIFY").containsEntry("chain", chain)
                    .containsEntry("seq", "1");
        });
    }

    @Test
    void aLockedCheckpoint_shouldNotBeDeletable_asS3RefusesItUnderComplianceRetention(@TempDir Path home) {
        String chain = AuditChains.forRequest(AccessRequestsIT.create(bob(home), "dba", "INC-14: keep me"));
        awaitCovered(chain);
        String bucket = airlock.config().checkpoint().orElseThrow().bucket();
        try (AwsClients clients = new AwsClients(airlock.config()); S3Client s3 = clients.s3()) {
            String version = s3.headObject(b -> b.bucket(bucket).key("checkpoints/1.json")).versionId();

            S3Exception refused = org.junit.jupiter.api.Assertions.assertThrows(S3Exception.class,
                    () -> s3.deleteObject(b -> b.bucket(bucket).key("checkpoints/1.json").versionId(version)));

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(s3.headObject(b -> b.bucket(bucket).key("checkpoints/1.json").versionId(version))
                    .objectLockModeAsString()).isEqualTo("COMPLIANCE");
        }
    }

    // --- helpers -----------------------------------------------------------------------------------

    private AccessCli bob(Path home) {
        UserHome.withEd25519(home);
        return airlock.cli(home).with("AIRLOCK_USER", "bob").with("AIRLOCK_GROUPS", "contractors");
    }

    /** Only local.env says where the tables and the anchor are. */
    private AccessCli verifier(Path home) {
        return airlock.cli(home).with("AIRLOCK_URL", null);
    }

    /** bob's dba request, approved by alice, its certificate issued: created, review, approval, issue. */
    private String approvedWithCertificate(Path home, String reason) {
        AccessCli bob = bob(home);
        String id = AccessRequestsIT.create(bob, "dba", reason);
        AccessCli.Result approved = airlock.cli(home).run("--user", "alice", "request", "approve", id, "--reason", "ok");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        AccessCli.Result login = bob.run("login", "--request-id", id);
        assertThat(login.exitCode()).as(login.toString()).isZero();
        return id;
    }

    /** Waits until the chain's current head is in a committed checkpoint. */
    private void awaitCovered(String chain) {
        List<AuditRecord> records = records(items(chain));
        AuditHead head = records.get(records.size() - 1).head();
        await(() -> head.equals(checkpoints.heads(Set.of(chain)).get(chain))
                && !checkpoints.staged().heads().containsKey(chain), "a checkpoint covering " + chain);
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WITHIN);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " within " + WITHIN);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    private List<Map<String, AttributeValue>> items(String chain) {
        return airlock.dynamoDb().queryPaginator(b -> b.tableName(airlock.auditTable()).consistentRead(true)
                .keyConditionExpression("chain = :c").expressionAttributeValues(Map.of(":c", AttributeValue.fromS(chain))))
                .items().stream().toList();
    }

    private static List<AuditRecord> records(List<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> AuditImages.read(item).record().orElseThrow()).toList();
    }

    /** The records with {@code seq}'s actor replaced and every hash from there on recomputed. */
    private static List<AuditRecord> rehash(List<AuditRecord> records, long seq, String actor) {
        List<AuditRecord> out = new ArrayList<>();
        String previous = records.get(0).prevHash();
        for (AuditRecord r : records) {
            String who = r.seq() == seq ? actor : r.actor();
            AuditRecord unhashed = new AuditRecord(r.chain(), r.seq(), r.at(), who, r.action(), r.details(), previous,
                    previous);
            AuditRecord hashed = new AuditRecord(r.chain(), r.seq(), r.at(), who, r.action(), r.details(), previous,
                    CanonicalForm.hash(unhashed));
            out.add(hashed);
            previous = hashed.hash();
        }
        return out;
    }

    private Map<String, AttributeValue> requestItem(String id) {
        return airlock.dynamoDb().getItem(b -> b.tableName(airlock.requestsTable())
                .key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true)).item();
    }

    private void putAudit(Map<String, AttributeValue> item) {
        airlock.dynamoDb().putItem(b -> b.tableName(airlock.auditTable()).item(item));
    }

    private void deleteAudit(Map<String, AttributeValue> item) {
        airlock.dynamoDb().deleteItem(b -> b.tableName(airlock.auditTable())
                .key(Map.of("chain", item.get("chain"), "seq", item.get("seq"))));
    }

    private void putRequest(Map<String, AttributeValue> item) {
        airlock.dynamoDb().putItem(b -> b.tableName(airlock.requestsTable()).item(item));
    }
}
