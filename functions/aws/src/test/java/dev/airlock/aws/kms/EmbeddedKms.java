package dev.airlock.aws.kms;

import dev.airlock.endpoints.EmbeddedAwsServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.CreateAliasRequest;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/**
 * Test support: an AWS SDK v2 {@link KmsClient} talking the KMS wire protocol to the embedded
 * endpoint, and helpers to create CA keys there. The credentials are the usual placeholder pair for
 * local endpoints (the embedded server checks SigV4 framing, not secrets).
 */
final class EmbeddedKms {

    private EmbeddedKms() {
    }

    /** A client with the SDK's default retries (throttling and 5xx are retried a few times). */
    static KmsClient client(EmbeddedAwsServer server) {
        return builder(server).build();
    }

    /** A client that never retries, so an injected fault reaches the adapter. */
    static KmsClient clientWithoutRetries(EmbeddedAwsServer server) {
        return builder(server).overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    }

    static KeyMetadata createKey(KmsClient kms, KeySpec spec, KeyUsageType usage) {
        return kms.createKey(CreateKeyRequest.builder().keySpec(spec).keyUsage(usage)
                .description("airlock test CA " + spec).build()).keyMetadata();
    }

    static KeyMetadata createSigningKey(KmsClient kms, KeySpec spec, String aliasName) {
        KeyMetadata key = createKey(kms, spec, KeyUsageType.SIGN_VERIFY);
        kms.createAlias(CreateAliasRequest.builder().aliasName(aliasName).targetKeyId(key.keyId()).build());
        return key;
    }

    private static software.amazon.awssdk.services.kms.KmsClientBuilder builder(EmbeddedAwsServer server) {
        return KmsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create());
    }
}
