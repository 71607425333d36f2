package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;

/**
 * EnableKey, DisableKey, ScheduleKeyDeletion and CancelKeyDeletion, on the key states Enabled,
 * Disabled and PendingDeletion ("Key states of KMS keys"): a key pending deletion can only have its
 * deletion cancelled, which leaves it Disabled. Past its deletion date a key is gone.
 */
final class KeyLifecycle {

    private static final int MIN_PENDING_DAYS = 7;
    private static final int MAX_PENDING_DAYS = 30;
    private static final int KEY_ID_MAX = 2048;

    private final KmsStore store;
    private final KmsNames names;
    private final KeyResolver resolver;

    KeyLifecycle(KmsStore store, KmsNames names, KeyResolver resolver) {
        this.store = store;
        this.names = names;
        this.resolver = resolver;
    }

    ObjectNode enableKey(KmsRequest request) throws AwsServiceException {
        return setState(request, KeyState.ENABLED);
    }

    ObjectNode disableKey(KmsRequest request) throws AwsServiceException {
        return setState(request, KeyState.DISABLED);
    }

    ObjectNode scheduleKeyDeletion(KmsRequest request) throws AwsServiceException {
        String keyId = request.requiredString("KeyId", 1, KEY_ID_MAX);
        int days = request.integer("PendingWindowInDays", MIN_PENDING_DAYS, MAX_PENDING_DAYS).orElse(MAX_PENDING_DAYS);
        KmsKey scheduled = store.write((current, now) -> {
            KmsKey key = resolver.resolve(current, now, keyId, KeyResolver.Accepts.KEY_ONLY);
            requireNotPendingDeletion(key);
            Instant deletionDate = now.plus(Duration.ofDays(days));
            KmsKey changed = key.scheduledForDeletion(deletionDate);
            return new KmsStore.Result<>(current.withKey(changed), changed);
        });
        ObjectNode response = KmsJson.object();
        response.put("KeyId", names.keyArn(scheduled.keyId()));
        response.put("DeletionDate", KmsJson.epochSeconds(scheduled.deletionDate().orElseThrow()));
        response.put("KeyState", KeyState.PENDING_DELETION.wireName());
        response.put("PendingWindowInDays", days);
        return response;
    }

    ObjectNode cancelKeyDeletion(KmsRequest request) throws AwsServiceException {
        String keyId = request.requiredString("KeyId", 1, KEY_ID_MAX);
        KmsKey cancelled = store.write((current, now) -> {
            KmsKey key = resolver.resolve(current, now, keyId, KeyResolver.Accepts.KEY_ONLY);
            if (key.state() != KeyState.PENDING_DELETION) {
                throw KmsErrors.invalidState(names.keyArn(key.keyId()) + " is not pending deletion.");
            }
            KmsKey changed = key.withState(KeyState.DISABLED);
            return new KmsStore.Result<>(current.withKey(changed), changed);
        });
        ObjectNode response = KmsJson.object();
        response.put("KeyId", names.keyArn(cancelled.keyId()));
        return response;
    }

    private ObjectNode setState(KmsRequest request, KeyState target) throws AwsServiceException {
        String keyId = request.requiredString("KeyId", 1, KEY_ID_MAX);
        store.write((current, now) -> {
            KmsKey key = resolver.resolve(current, now, keyId, KeyResolver.Accepts.KEY_ONLY);
            requireNotPendingDeletion(key);
            if (key.state() == target) {
                return new KmsStore.Result<>(current, key);
            }
            return new KmsStore.Result<>(current.withKey(key.withState(target)), key);
        });
        return KmsJson.object();
    }

    private void requireNotPendingDeletion(KmsKey key) throws AwsServiceException {
        if (key.state() == KeyState.PENDING_DELETION) {
            throw KmsErrors.invalidState(names.keyArn(key.keyId()) + " is pending deletion.");
        }
    }
}
