package dev.airlock.aws.dynamodb;

import dev.airlock.aws.admin.AdminMain;
import dev.airlock.aws.kms.KmsCheckpointSigner;
import dev.airlock.aws.s3.S3CheckpointAnchor;
import dev.airlock.core.audit.AuditAction;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.StoredRecord;
import dev.airlock.core.audit.StreamChange;
import dev.airlock.core.storage.Tables;
import dev.airlock.core.testing.InMemoryCheckpoints;
import dev.airlock.core.usecase.TakeCheckpoints;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify} against the anchor, end to end on the embedded endpoints: records appended by the
 * real adapters, checkpointed by {@link TakeCheckpoints} with the KMS audit key and the Object Lock
 * bucket, then {@code user#bob} truncated from 8 records to 1 with its head item moved back — which
 * the tables alone cannot show — is {@code ROLLED_BACK}.
 */
class AnchoredVerifyIT {

    private DynamoDbFixture fixture;
    private DynamoDbAuditLog audit;
    private String keyId;
    private String bucket;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        fixture = DynamoDbFixture.create();
        audit = new DynamoDbAuditLog(fixture.client(), fixture.tables(), Clock.systemUTC());
        for (int i = 1; i <= 8; i++) {
            audit.append("user#bob", "bob", AuditAction.CERTIFICATE_ISSUED, Map.of("serial", Integer.toString(i)));
        }
        StaticCredentialsProvider local = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        URI endpoint = URI.create(fixture.endpoint());
        KmsClient kms = KmsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(local)
                .httpClient(UrlConnectionHttpClient.create()).build();
        S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(local)
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
        keyId = kms.createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY)).keyMetadata().keyId();
        bucket = "airlock-checkpoints-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        TakeCheckpoints take = new TakeCheckpoints(new InMemoryCheckpoints(), new KmsCheckpointSigner(kms, keyId),
                new S3CheckpointAnchor(s3, bucket, Duration.ofDays(400), Clock.systemUTC()), audit, Clock.systemUTC(),
                Duration.ofMinutes(5));
        List<StreamChange> inserts = audit.read("user#bob").stream().map(AnchoredVerifyIT::insert).toList();
        assertThat(take.consume(inserts).checkpoint()).isPresent();
    }

    @Test
    void verify_shouldPassAgainstTheAnchor_andNameATruncationTheTablesCannotShow() {
        assertThat(run()).isEqualTo(AdminMain.OK);
        assertThat(stdout()).contains("anchored: checkpoints 1-1; not yet anchored (0 records since ")
                .endsWith("OK: 1 chains, 8 records, 0 breaks\n");

        List<AuditRecord> bob = audit.read("user#bob");
        for (long seq = 2; seq <= 8; seq++) {
            long key = seq;
            fixture.client().deleteItem(b -> b.tableName(fixture.tables().audit()).key(Map.of(
                    Tables.AUDIT_CHAIN, AttributeValue.fromS("user#bob"), Tables.AUDIT_SEQ, AttributeValue.fromN(Long.toString(key)))));
        }
        fixture.client().updateItem(b -> b.tableName(fixture.tables().requests())
                .key(Map.of(Tables.REQ_ID, AttributeValue.fromS(ChainHeads.itemId("user#bob"))))
                .updateExpression("SET #seq = :seq, #hash = :hash")
                .expressionAttributeNames(Map.of("#seq", RequestItemMapper.AUDIT_SEQ, "#hash", RequestItemMapper.AUDIT_HASH))
                .expressionAttributeValues(Map.of(":seq", AttributeValue.fromN("1"), ":hash", AttributeValue.fromS(bob.get(0).hash()))));

        assertThat(run(List.of("verify"))).isEqualTo(AdminMain.OK); // the tables alone agree with themselves
        assertThat(run()).isEqualTo(AdminMain.BREAKS_FOUND);
        assertThat(stdout()).startsWith("BREAK chain=user#bob seq=8 kind=ROLLED_BACK: ")
                .endsWith("FAILED: 1 chains, 1 records, 1 break\n");
    }

    private int run() {
        return run(List.of("verify", "--checkpoint-bucket", bucket, "--audit-key", keyId));
    }

    private int run(List<String> args) {
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of("--requests-table", fixture.tables().requests(), "--audit-table", fixture.tables().audit()));
        out.reset();
        return AdminMain.run(all.toArray(String[]::new), Map.of("AWS_ENDPOINT_URL", fixture.endpoint()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static StreamChange insert(AuditRecord record) {
        return new StreamChange(record.chain() + "/" + record.seq(), StreamChange.Event.INSERT, record.chain(),
                record.seq(), Optional.of(StoredRecord.readable(record)));
    }
}
