package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Finds the key a {@code KeyId} parameter names. Sign, Verify, GetPublicKey and DescribeKey accept a
 * key id, key ARN, alias name or alias ARN; the key-management operations (EnableKey, DisableKey,
 * ScheduleKeyDeletion, CancelKeyDeletion, CreateAlias/UpdateAlias TargetKeyId, ListAliases and
 * ListResourceTags KeyId) take only a key id or key ARN, as their API reference pages say.
 */
final class KeyResolver {

    /** Whether the parameter may name the key through an alias. */
    enum Accepts { KEY_OR_ALIAS, KEY_ONLY }

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final KmsNames names;

    KeyResolver(KmsNames names) {
        this.names = names;
    }

    KmsKey resolve(KmsState state, Instant now, String keyIdParameter, Accepts accepts) throws AwsServiceException {
        KmsNames.Reference reference = names.parse(keyIdParameter);
        switch (reference.kind()) {
            case KEY_ID:
                return state.key(reference.value(), now).orElseThrow(() -> KEY_ID.matcher(reference.value()).matches()
                        ? KmsErrors.notFound("Key '" + names.keyArn(reference.value()) + "' does not exist")
                        : KmsErrors.notFound("Invalid keyId '" + reference.value() + "'"));
            case ALIAS_NAME:
                if (accepts == Accepts.KEY_ONLY) {
                    throw KmsErrors.notFound("Invalid keyId '" + keyIdParameter
                            + "': this parameter takes a key ID or key ARN, not an alias");
                }
                KmsAlias alias = state.alias(reference.value(), now).orElseThrow(
                        () -> KmsErrors.notFound("Alias '" + names.aliasArn(reference.value()) + "' is not found."));
                return state.key(alias.targetKeyId(), now).orElseThrow();
            default:
                throw KmsErrors.notFound("'" + keyIdParameter + "' does not exist: the embedded KMS holds only account "
                        + KmsNames.ACCOUNT + " in " + names.region());
        }
    }

    /** Sign, Verify and GetPublicKey need an Enabled key ("Key states of KMS keys"). */
    void requireEnabled(KmsKey key) throws AwsServiceException {
        switch (key.state()) {
            case ENABLED:
                return;
            case DISABLED:
                throw KmsErrors.disabled(names.keyArn(key.keyId()));
            default:
                throw KmsErrors.invalidState(names.keyArn(key.keyId()) + " is pending deletion.");
        }
    }
}
