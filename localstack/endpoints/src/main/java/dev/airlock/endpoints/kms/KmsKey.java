package dev.airlock.endpoints.kms;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One KMS key: its metadata and key material. Transitions return a new value; the state machine is
 * the one in "Key states of KMS keys" restricted to Enabled, Disabled and PendingDeletion.
 */
record KmsKey(String keyId, KmsKeySpec spec, Instant creationDate, String description, KeyState state,
              Optional<Instant> deletionDate, List<KmsTag> tags, KeyMaterial material) {

    KmsKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(deletionDate, "deletionDate");
        Objects.requireNonNull(material, "material");
        tags = List.copyOf(tags);
        if ((state == KeyState.PENDING_DELETION) != deletionDate.isPresent()) {
            throw new IllegalArgumentException("a deletion date exactly when pending deletion");
        }
    }

    KmsKey withState(KeyState newState) {
        return new KmsKey(keyId, spec, creationDate, description, newState, Optional.empty(), tags, material);
    }

    KmsKey scheduledForDeletion(Instant when) {
        return new KmsKey(keyId, spec, creationDate, description, KeyState.PENDING_DELETION, Optional.of(when),
                tags, material);
    }

    /** Past its deletion date the key is gone, as if KMS had deleted it. */
    boolean isDeletedAt(Instant now) {
        return deletionDate.isPresent() && !now.isBefore(deletionDate.get());
    }

    @Override
    public String toString() {
        return "KmsKey[" + keyId + ", " + spec + ", " + state.wireName() + "]";
    }
}
