package dev.airlock.core.testing;

import dev.airlock.core.audit.Checkpoint;
import dev.airlock.core.audit.SignedCheckpoint;
import dev.airlock.core.port.CheckpointAnchor;
import dev.airlock.core.port.CheckpointSigner;
import dev.airlock.core.port.CheckpointStore;
import dev.airlock.domain.error.ConflictException;
import dev.airlock.domain.request.AuditHead;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * TEST ONLY: the checkpoint ports in memory — a store, a write-once anchor (a second put of the same
 * n fails, as S3 Object Lock refuses an overwrite in COMPLIANCE mode), and an ECDSA P-256 signer with
 * a key generated at run time.
 */
public final class InMemoryCheckpoints implements CheckpointStore, CheckpointAnchor, CheckpointSigner {

    private final KeyPair auditKey;
    private Optional<Checkpoint> latest = Optional.empty();
    private final Map<String, AuditHead> checkpointed = new HashMap<>();
    private final Map<String, AuditHead> staged = new HashMap<>();
    private long stagedRecords;
    private final TreeMap<Long, SignedCheckpoint> anchored = new TreeMap<>();

    public InMemoryCheckpoints() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            auditKey = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is standard on every Java platform", e);
        }
    }

    public PublicKey publicKey() {
        return auditKey.getPublic();
    }

    @Override
    public synchronized Optional<Checkpoint> latest() {
        return latest;
    }

    @Override
    public synchronized Map<String, AuditHead> heads(Set<String> chains) {
        Map<String, AuditHead> heads = new HashMap<>();
        for (String chain : chains) {
            Optional.ofNullable(staged.getOrDefault(chain, checkpointed.get(chain))).ifPresent(h -> heads.put(chain, h));
        }
        return heads;
    }

    @Override
    public synchronized Staged staged() {
        return new Staged(staged, stagedRecords);
    }

    @Override
    public synchronized void stage(Map<String, AuditHead> moved, long records) {
        staged.putAll(moved);
        stagedRecords += records;
    }

    @Override
    public synchronized void commit(Checkpoint checkpoint) {
        if (checkpoint.n() != latest.map(c -> c.n() + 1).orElse(1L)) {
            throw new ConflictException("checkpoint_conflict", "checkpoint " + checkpoint.n() + " is not next");
        }
        checkpointed.putAll(checkpoint.heads());
        checkpoint.heads().forEach((chain, head) -> staged.remove(chain, head));
        stagedRecords = 0;
        latest = Optional.of(checkpoint);
    }

    @Override
    public synchronized void put(SignedCheckpoint checkpoint) {
        if (anchored.putIfAbsent(checkpoint.n(), checkpoint) != null) {
            throw new IllegalStateException("checkpoints/" + checkpoint.n() + ".json is locked");
        }
    }

    @Override
    public synchronized List<SignedCheckpoint> from(long fromN) {
        return List.copyOf(anchored.tailMap(fromN, true).values());
    }

    /** Replaces an anchored object, as no one can in S3 under COMPLIANCE retention (to test the verifier). */
    public synchronized void forgeAnchored(SignedCheckpoint checkpoint) {
        anchored.put(checkpoint.n(), checkpoint);
    }

    public synchronized void removeAnchored(long n) {
        anchored.remove(n);
    }

    @Override
    public String keyId() {
        return "test-only-audit-key";
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(auditKey.getPrivate());
            ecdsa.update(message);
            return ecdsa.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
