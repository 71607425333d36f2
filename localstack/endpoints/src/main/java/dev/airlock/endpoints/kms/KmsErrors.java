package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsServiceException;

/**
 * The KMS error codes the embedded KMS raises, each with the HTTP status the AWS SDK v2 model of
 * KMS (2014-11-01) gives it: 400 for every client error, 500 for {@code KMSInternalException}.
 * The SDK picks its exception class from the code alone, so the code must be exact.
 */
final class KmsErrors {

    private KmsErrors() {
    }

    /** A request that breaks a constraint of the API model (length, range, enum, required member). */
    static AwsServiceException validation(String message) {
        return AwsServiceException.validation(message);
    }

    /** A member of the wrong JSON type, or a blob that is not base64: the request cannot be read. */
    static AwsServiceException serialization(String message) {
        return new AwsServiceException("SerializationException", message, 400);
    }

    /** The key or alias does not exist (in this account and Region). */
    static AwsServiceException notFound(String message) {
        return new AwsServiceException("NotFoundException", message, 400);
    }

    /** The key is {@code Disabled}: Sign, Verify and GetPublicKey refuse it. */
    static AwsServiceException disabled(String keyArn) {
        return new AwsServiceException("DisabledException", keyArn + " is disabled.", 400);
    }

    /** The key state does not allow the operation (see "Key states of KMS keys"). */
    static AwsServiceException invalidState(String message) {
        return new AwsServiceException("KMSInvalidStateException", message, 400);
    }

    /** The signing algorithm is not one the key supports, or the key usage does not fit the operation. */
    static AwsServiceException invalidKeyUsage(String message) {
        return new AwsServiceException("InvalidKeyUsageException", message, 400);
    }

    /** Verify: the signature does not verify. KMS raises this instead of answering {@code SignatureValid=false}. */
    static AwsServiceException invalidSignature() {
        return new AwsServiceException("KMSInvalidSignatureException",
                "The signature is not valid for this message, key and signing algorithm.", 400);
    }

    static AwsServiceException alreadyExists(String message) {
        return new AwsServiceException("AlreadyExistsException", message, 400);
    }

    static AwsServiceException invalidAliasName(String message) {
        return new AwsServiceException("InvalidAliasNameException", message, 400);
    }

    static AwsServiceException invalidMarker() {
        return new AwsServiceException("InvalidMarkerException", "The marker is not valid.", 400);
    }

    static AwsServiceException tag(String message) {
        return new AwsServiceException("TagException", message, 400);
    }

    static AwsServiceException malformedPolicy(String message) {
        return new AwsServiceException("MalformedPolicyDocumentException", message, 400);
    }

    /** {@code DryRun=true} on a request that would have succeeded. */
    static AwsServiceException dryRun() {
        return new AwsServiceException("DryRunOperationException",
                "The request would have succeeded, but the DryRun option is set.", 400);
    }

    /**
     * A real KMS feature or operation that the embedded KMS does not implement. KMS models this
     * error ("a specified parameter is not supported"), so the SDK raises its
     * {@code UnsupportedOperationException}; the message names what is missing.
     */
    static AwsServiceException unsupported(String feature) {
        return new AwsServiceException("UnsupportedOperationException",
                "The embedded KMS does not support " + feature + ". See docs/ENDPOINTS-KMS.md.", 400);
    }

    /** An operation name KMS does not have at all. */
    static AwsServiceException unknownOperation(String operation) {
        return new AwsServiceException("UnknownOperationException",
                "Unknown operation TrentService." + operation, 400);
    }

    static AwsServiceException internal(String message) {
        return new AwsServiceException("KMSInternalException", message, 500);
    }
}
