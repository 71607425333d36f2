package dev.airlock.aws.admin;

import dev.airlock.aws.admin.AdminOptions.AnchorOptions;
import dev.airlock.aws.kms.KmsCheckpointSigner;
import dev.airlock.aws.s3.S3CheckpointAnchor;
import dev.airlock.core.audit.AuditBreak;
import dev.airlock.core.audit.AuditSnapshot;
import dev.airlock.core.audit.Checkpoint;
import dev.airlock.core.audit.CheckpointVerifier;
import dev.airlock.core.audit.CheckpointVerifier.Anchored;
import dev.airlock.core.audit.SignedCheckpoint;
import dev.airlock.domain.request.AuditHead;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The anchored half of {@code verify}: the checkpoint sequence from the bucket (signatures with the
 * audit key's public key from KMS, links, gaps, staleness), then the table against the anchored
 * heads, and the line saying what is not yet anchored.
 */
final class AnchoredVerification {

    private final S3Client s3;
    private final KmsClient kms;
    private final AnchorOptions options;
    private final Clock clock;

    AnchoredVerification(S3Client s3, KmsClient kms, AnchorOptions options, Clock clock) {
        this.s3 = s3;
        this.kms = kms;
        this.options = options;
        this.clock = clock;
    }

    /** Runs {@code verify} with the anchor configured in {@code options}, with its own S3 and KMS clients. */
    static int run(AuditVerifyCommand command, AdminOptions options, AwsCredentialsProvider credentials, PrintStream out) {
        try (S3Client s3 = S3Client.builder().region(options.region()).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).forcePathStyle(options.endpoint().isPresent())
                .applyMutation(b -> options.endpoint().ifPresent(b::endpointOverride)).build();
             KmsClient kms = KmsClient.builder().region(options.region()).credentialsProvider(credentials)
                     .httpClient(UrlConnectionHttpClient.create())
                     .applyMutation(b -> options.endpoint().ifPresent(b::endpointOverride)).build()) {
            return command.run(out, Optional.of(new AnchoredVerification(s3, kms, options.anchor().orElseThrow(),
                    Clock.systemUTC())));
        }
    }

    /** The breaks against the anchor, and the anchoring line for the operator. */
    record Result(List<AuditBreak> breaks, String line) {
    }

    Result verify(AuditSnapshot snapshot) {
        S3CheckpointAnchor anchor = new S3CheckpointAnchor(s3, options.bucket(), Duration.ZERO, clock);
        CheckpointVerifier verifier = new CheckpointVerifier(KmsCheckpointSigner.publicKey(kms, options.auditKeyId()));
        long since = options.since();
        // Staleness is judged at the moment the bucket is listed, not after every signature is checked:
        // a long verification must not make a fresh anchor look old.
        java.time.Instant listedAt = clock.instant();
        List<SignedCheckpoint> read = anchor.from(Math.max(1, since - 1));
        Anchored anchored;
        if (since == 1) {
            anchored = verifier.verifySequence(read, 1, AuditHead.GENESIS.hash());
        } else {
            // checkpoint N - 1 gives the link: its signature is checked, its own link is not (--since)
            Optional<SignedCheckpoint> before = read.stream().filter(c -> c.n() == since - 1).findFirst();
            Anchored base = verifier.verifySequence(before.stream().toList(), since - 1, null);
            String link = base.newest().map(Checkpoint::hash).orElse(null);
            anchored = verifier.verifySequence(read.stream().filter(c -> c.n() >= since).toList(), since, link);
            List<AuditBreak> all = new ArrayList<>(base.breaks());
            all.addAll(anchored.breaks());
            anchored = new Anchored(all, anchored.heads(), anchored.newest());
        }
        List<AuditBreak> breaks = new ArrayList<>(anchored.breaks());
        breaks.addAll(CheckpointVerifier.checkTable(snapshot, anchored.heads()));
        CheckpointVerifier.staleness(anchored.newest(), listedAt, options.interval()).ifPresent(breaks::add);
        long unanchored = CheckpointVerifier.unanchored(snapshot, anchored.heads());
        String line = anchored.newest()
                .map(c -> "anchored: checkpoints " + since + "-" + c.n() + "; not yet anchored (" + unanchored
                        + " records since " + c.at() + ")")
                .orElse("anchored: no checkpoint; not yet anchored (" + unanchored + " records)");
        return new Result(breaks, line);
    }
}
