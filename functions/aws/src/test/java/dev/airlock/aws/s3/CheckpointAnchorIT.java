package dev.airlock.aws.s3;

import dev.airlock.aws.kms.KmsCheckpointSigner;
import dev.airlock.core.audit.AuditBreak;
import dev.airlock.core.audit.Checkpoint;
import dev.airlock.core.audit.CheckpointVerifier;
import dev.airlock.core.audit.SignedCheckpoint;
import dev.airlock.domain.request.AuditHead;
import dev.airlock.endpoints.EmbeddedAwsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The checkpoint adapters against the embedded endpoints, on the real wire protocols: the audit key
 * (KMS, ECC_NIST_P256) signs, the bucket with Object Lock keeps {@code checkpoints/<n>.json} under
 * COMPLIANCE retention, the verifier checks what it reads back with the key's public key, and a
 * delete of the locked version is refused as S3 refuses it.
 */
class CheckpointAnchorIT {

    private static EmbeddedAwsServer server;
    private static KmsClient kms;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults());
        StaticCredentialsProvider local = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        kms = KmsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).credentialsProvider(local)
                .httpClient(UrlConnectionHttpClient.create()).build();
        s3 = S3Client.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1).credentialsProvider(local)
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            kms.close();
            s3.close();
            server.close();
        }
    }

    @Test
    void signedAnchoredCheckpoints_shouldVerifyWithTheAuditKeysPublicKey_andResistDeletion() {
        String keyId = kms.createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY)
                .description("airlock test audit key")).keyMetadata().keyId();
        String bucket = "airlock-checkpoints-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        KmsCheckpointSigner signer = new KmsCheckpointSigner(kms, keyId);
        S3CheckpointAnchor anchor = new S3CheckpointAnchor(s3, bucket, Duration.ofDays(400), Clock.systemUTC());
        Checkpoint first = new Checkpoint(1, AuditHead.GENESIS.hash(), Instant.now(), 2,
                new TreeMap<>(java.util.Map.of("user#bob", new AuditHead(2, "ab".repeat(32)))));
        Checkpoint second = new Checkpoint(2, first.hash(), Instant.now(), 0, new TreeMap<>());
        for (Checkpoint c : List.of(first, second)) {
            anchor.put(new SignedCheckpoint(c.n(), c.body(), signer.keyId(),
                    signer.sign(c.body().getBytes(StandardCharsets.UTF_8))));
        }

        List<SignedCheckpoint> read = anchor.from(1);
        CheckpointVerifier.Anchored anchored = new CheckpointVerifier(KmsCheckpointSigner.publicKey(kms, keyId))
                .verifySequence(read, 1, AuditHead.GENESIS.hash());

        assertThat(read).extracting(SignedCheckpoint::n).containsExactly(1L, 2L);
        assertThat(anchored.breaks()).isEmpty();
        assertThat(anchored.heads()).containsEntry("user#bob", new AuditHead(2, "ab".repeat(32)));
        String version = s3.headObject(b -> b.bucket(bucket).key(S3CheckpointAnchor.key(1))).versionId();
        S3Exception refused = catchThrowableOfType(S3Exception.class,
                () -> s3.deleteObject(b -> b.bucket(bucket).key(S3CheckpointAnchor.key(1)).versionId(version)));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(s3.headObject(b -> b.bucket(bucket).key(S3CheckpointAnchor.key(1))).objectLockModeAsString())
                .isEqualTo("COMPLIANCE");
    }

    @Test
    void aCheckpointSignedByAnotherKey_shouldNotVerify() {
        String auditKey = kms.createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata().keyId();
        String otherKey = kms.createKey(b -> b.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata().keyId();
        Checkpoint first = new Checkpoint(1, AuditHead.GENESIS.hash(), Instant.now(), 0, new TreeMap<>());
        SignedCheckpoint forged = new SignedCheckpoint(1, first.body(), auditKey,
                new KmsCheckpointSigner(kms, otherKey).sign(first.body().getBytes(StandardCharsets.UTF_8)));

        CheckpointVerifier.Anchored anchored = new CheckpointVerifier(KmsCheckpointSigner.publicKey(kms, auditKey))
                .verifySequence(List.of(forged), 1, AuditHead.GENESIS.hash());

        assertThat(anchored.breaks()).extracting(AuditBreak::kind).containsExactly(AuditBreak.Kind.CHECKPOINT_SIGNATURE);
    }
}
