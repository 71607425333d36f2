package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;
import tools.jackson.databind.node.ObjectNode;

import java.security.GeneralSecurityException;
import java.util.Set;

/**
 * GetPublicKey, Sign and Verify, following their API reference pages: the key must be Enabled
 * (Disabled: DisabledException; PendingDeletion: KMSInvalidStateException); the signing algorithm
 * must be one the key spec supports (else InvalidKeyUsageException); a RAW message is 1..4096 bytes;
 * a DIGEST message is exactly the algorithm's hash length; ED25519_SHA_512 takes only RAW and
 * ED25519_PH_SHA_512 only DIGEST; a signature that does not verify is KMSInvalidSignatureException.
 */
final class SigningOperations {

    private static final Set<String> MESSAGE_TYPES = Set.of("RAW", "DIGEST", "EXTERNAL_MU");
    private static final int KEY_ID_MAX = 2048;
    /** PlaintextType (Message): 1..4096 bytes. */
    private static final int MESSAGE_MAX = 4096;
    /** CiphertextType (Signature): 1..6144 bytes. */
    private static final int SIGNATURE_MAX = 6144;

    /** A Sign or Verify request checked against the key. */
    private record SigningInput(KmsKey key, SigningAlgorithm algorithm, byte[] message, boolean isDigest) {
    }

    private final KmsStore store;
    private final KmsNames names;
    private final KeyResolver resolver;

    SigningOperations(KmsStore store, KmsNames names, KeyResolver resolver) {
        this.store = store;
        this.names = names;
        this.resolver = resolver;
    }

    ObjectNode getPublicKey(KmsRequest request) throws AwsServiceException {
        String keyId = request.requiredString("KeyId", 1, KEY_ID_MAX);
        request.grantTokens();
        KmsKey key = resolver.resolve(store.read(), store.now(), keyId, KeyResolver.Accepts.KEY_OR_ALIAS);
        resolver.requireEnabled(key);
        ObjectNode response = KmsJson.object();
        response.put("KeyId", names.keyArn(key.keyId()));
        response.put("PublicKey", KmsJson.base64(key.material().publicKeyDer()));
        response.put("CustomerMasterKeySpec", key.spec().name());
        response.put("KeySpec", key.spec().name());
        response.put("KeyUsage", "SIGN_VERIFY");
        KmsJson.signingAlgorithms(response, key.spec().signingAlgorithms());
        return response;
    }

    ObjectNode sign(KmsRequest request) throws AwsServiceException {
        SigningInput input = signingInput(request);
        byte[] signature;
        try {
            signature = KmsSigner.sign(input.key().material(), input.algorithm(), input.message(), input.isDigest());
        } catch (GeneralSecurityException e) {
            throw KmsErrors.internal("Signing failed: " + e.getClass().getSimpleName());
        }
        ObjectNode response = KmsJson.object();
        response.put("KeyId", names.keyArn(input.key().keyId()));
        response.put("Signature", KmsJson.base64(signature));
        response.put("SigningAlgorithm", input.algorithm().name());
        return response;
    }

    ObjectNode verify(KmsRequest request) throws AwsServiceException {
        byte[] signature = request.requiredBlob("Signature", 1, SIGNATURE_MAX);
        SigningInput input = signingInput(request);
        boolean valid;
        try {
            valid = KmsSigner.verify(input.key().material(), input.algorithm(), input.message(), input.isDigest(),
                    signature);
        } catch (GeneralSecurityException e) {
            throw KmsErrors.internal("Verification failed: " + e.getClass().getSimpleName());
        }
        if (!valid) {
            throw KmsErrors.invalidSignature();
        }
        ObjectNode response = KmsJson.object();
        response.put("KeyId", names.keyArn(input.key().keyId()));
        response.put("SignatureValid", true);
        response.put("SigningAlgorithm", input.algorithm().name());
        return response;
    }

    /** Validates what Sign and Verify share, in the order: request shape, key, key state, algorithm, message. */
    private SigningInput signingInput(KmsRequest request) throws AwsServiceException {
        String keyId = request.requiredString("KeyId", 1, KEY_ID_MAX);
        byte[] message = request.requiredBlob("Message", 1, MESSAGE_MAX);
        String messageType = request.enumValue("MessageType", MESSAGE_TYPES).orElse("RAW");
        String algorithmName = request.requiredEnum("SigningAlgorithm", SigningAlgorithm.AWS_NAMES);
        request.grantTokens();
        boolean dryRun = request.bool("DryRun");
        KmsKey key = resolver.resolve(store.read(), store.now(), keyId, KeyResolver.Accepts.KEY_OR_ALIAS);
        resolver.requireEnabled(key);
        SigningAlgorithm algorithm = SigningAlgorithm.of(algorithmName).filter(key.spec()::supports)
                .orElseThrow(() -> KmsErrors.invalidKeyUsage("Signing algorithm " + algorithmName
                        + " is not compatible with the key spec " + key.spec() + " of " + names.keyArn(key.keyId())
                        + "; it supports " + key.spec().signingAlgorithms()));
        boolean isDigest = checkMessageType(algorithm, messageType, message);
        if (dryRun) {
            throw KmsErrors.dryRun();
        }
        return new SigningInput(key, algorithm, message, isDigest);
    }

    private static boolean checkMessageType(SigningAlgorithm algorithm, String messageType, byte[] message)
            throws AwsServiceException {
        switch (messageType) {
            case "EXTERNAL_MU":
                throw KmsErrors.validation("MessageType EXTERNAL_MU is only valid for ML-DSA keys, not with "
                        + algorithm);
            case "DIGEST":
                if (algorithm == SigningAlgorithm.ED25519_SHA_512) {
                    throw KmsErrors.validation("ED25519_SHA_512 requires MessageType RAW");
                }
                if (message.length != algorithm.digestLength()) {
                    throw KmsErrors.validation("Digest is invalid length for algorithm " + algorithm
                            + ": expected " + algorithm.digestLength() + " bytes, got " + message.length);
                }
                return true;
            default:
                if (algorithm == SigningAlgorithm.ED25519_PH_SHA_512) {
                    throw KmsErrors.validation("ED25519_PH_SHA_512 requires MessageType DIGEST");
                }
                return false;
        }
    }
}
