package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.AwsJsonService;
import dev.airlock.endpoints.AwsServiceException;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Embedded KMS (AWS JSON 1.1, target prefix {@code TrentService}): asymmetric signing keys
 * (ECC_NIST_P256, ECC_NIST_P384, RSA_2048/3072/4096, ECC_NIST_EDWARDS25519) with CreateKey,
 * DescribeKey, ListKeys, ListResourceTags, GetPublicKey, Sign, Verify, EnableKey, DisableKey,
 * ScheduleKeyDeletion, CancelKeyDeletion, CreateAlias, UpdateAlias, DeleteAlias and ListAliases.
 * Every other KMS operation raises UnsupportedOperationException naming it; an operation KMS does not
 * have raises UnknownOperationException. What is covered and what is not: {@code docs/ENDPOINTS-KMS.md}.
 *
 * <p>One account ({@code 000000000000}) in one Region. Thread-safe: reads and signatures run in
 * parallel on an immutable snapshot; changes are serialized and, with a data directory, written
 * atomically before they take effect, so keys and aliases survive a restart.
 */
public final class KmsService implements AwsJsonService {

    /** The Region of ARNs when none is given (the one the conformance suite and local tools use). */
    public static final String DEFAULT_REGION = "us-east-1";

    /** Every operation of the KMS API (2014-11-01), implemented or not. */
    private static final Set<String> KMS_OPERATIONS = Set.of(
            "CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias", "CreateCustomKeyStore", "CreateGrant",
            "CreateKey", "Decapsulate", "Decrypt", "DeleteAlias", "DeleteCustomKeyStore", "DeleteImportedKeyMaterial",
            "DeriveSharedSecret", "DescribeCustomKeyStores", "DescribeKey", "DisableKey", "DisableKeyRotation",
            "DisconnectCustomKeyStore", "EnableKey", "EnableKeyRotation", "Encapsulate", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext",
            "GenerateMac", "GenerateRandom", "GetKeyLastUsage", "GetKeyPolicy", "GetKeyRotationStatus",
            "GetParametersForImport", "GetPublicKey", "ImportKeyMaterial", "ListAliases", "ListGrants",
            "ListKeyPolicies", "ListKeyRotations", "ListKeys", "ListResourceTags", "ListRetirableGrants",
            "PutKeyPolicy", "ReEncrypt", "ReplicateKey", "RetireGrant", "RevokeGrant", "RotateKeyOnDemand",
            "ScheduleKeyDeletion", "Sign", "TagResource", "UntagResource", "UpdateAlias", "UpdateCustomKeyStore",
            "UpdateKeyDescription", "UpdatePrimaryRegion", "Verify", "VerifyMac");

    @FunctionalInterface
    private interface Operation {
        ObjectNode apply(KmsRequest request) throws AwsServiceException;
    }

    private final Map<String, Operation> operations;

    /** An embedded KMS in {@value #DEFAULT_REGION}; with a data directory, its keys and aliases persist there. */
    public KmsService(Optional<Path> dataDirectory) {
        this(dataDirectory, DEFAULT_REGION, Clock.systemUTC());
    }

    /**
     * An embedded KMS whose ARNs name {@code region}, on {@code clock} (deletion dates fall due by it).
     *
     * @throws IllegalStateException when the data directory holds a state file that cannot be read
     */
    public KmsService(Optional<Path> dataDirectory, String region, Clock clock) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        KmsNames names = new KmsNames(region);
        KmsStore store = new KmsStore(dataDirectory.map(KmsStateFile::new), clock);
        KeyResolver resolver = new KeyResolver(names);
        KeyCreation creation = new KeyCreation(store, names);
        KeyQueries queries = new KeyQueries(store, names, resolver);
        KeyLifecycle lifecycle = new KeyLifecycle(store, names, resolver);
        AliasOperations aliases = new AliasOperations(store, names, resolver);
        SigningOperations signing = new SigningOperations(store, names, resolver);
        this.operations = Map.ofEntries(
                Map.entry("CreateKey", creation::createKey),
                Map.entry("DescribeKey", queries::describeKey),
                Map.entry("ListKeys", queries::listKeys),
                Map.entry("ListResourceTags", queries::listResourceTags),
                Map.entry("EnableKey", lifecycle::enableKey),
                Map.entry("DisableKey", lifecycle::disableKey),
                Map.entry("ScheduleKeyDeletion", lifecycle::scheduleKeyDeletion),
                Map.entry("CancelKeyDeletion", lifecycle::cancelKeyDeletion),
                Map.entry("CreateAlias", aliases::createAlias),
                Map.entry("UpdateAlias", aliases::updateAlias),
                Map.entry("DeleteAlias", aliases::deleteAlias),
                Map.entry("ListAliases", aliases::listAliases),
                Map.entry("GetPublicKey", signing::getPublicKey),
                Map.entry("Sign", signing::sign),
                Map.entry("Verify", signing::verify));
    }

    @Override
    public String targetPrefix() {
        return "TrentService";
    }

    @Override
    public String contentType() {
        return "application/x-amz-json-1.1";
    }

    @Override
    public ObjectNode handle(String operation, ObjectNode request) throws AwsServiceException {
        Operation implementation = operations.get(operation);
        if (implementation == null) {
            throw KMS_OPERATIONS.contains(operation)
                    ? KmsErrors.unsupported("the operation " + operation)
                    : KmsErrors.unknownOperation(operation);
        }
        return implementation.apply(new KmsRequest(request));
    }

    /** KMS reports an internal failure as {@code KMSInternalException} (HTTP 500). */
    @Override
    public AwsServiceException internalError(String operation) {
        return KmsErrors.internal("The request processing has failed because of an unknown error, exception or failure.");
    }
}
