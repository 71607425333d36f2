package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.EmbeddedAwsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInternalException;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The embedded KMS's own limits, seen through the AWS SDK v2 on the embedded server: what it does not
 * implement raises the SDK's KMS {@code UnsupportedOperationException} naming the feature, and keys
 * survive a restart of the server on the same data directory.
 */
class KmsServiceSdkTest {

    @TempDir
    Path dataDirectory;

    @Test
    void featuresOutsideTheSubset_raiseTheSdksUnsupportedOperationException_namingThem() {
        try (EmbeddedAwsServer server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults());
             KmsClient kms = client(server)) {
            UnsupportedOperationException symmetric = catchThrowableOfType(UnsupportedOperationException.class,
                    () -> kms.createKey(r -> r.description("symmetric")));
            UnsupportedOperationException secp256k1 = catchThrowableOfType(UnsupportedOperationException.class,
                    () -> kms.createKey(r -> r.keyUsage(KeyUsageType.SIGN_VERIFY).keySpec(KeySpec.ECC_SECG_P256_K1)));
            UnsupportedOperationException encrypt = catchThrowableOfType(UnsupportedOperationException.class,
                    () -> kms.encrypt(r -> r.keyId("alias/any").plaintext(SdkBytes.fromUtf8String("x"))));

            assertThat(symmetric.getMessage()).contains("KeyUsage ENCRYPT_DECRYPT");
            assertThat(secp256k1.getMessage()).contains("KeySpec ECC_SECG_P256K1");
            assertThat(encrypt.getMessage()).contains("the operation Encrypt");
            assertThat(encrypt.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void anInjectedServerFault_isTheSdksKmsInternalException() {
        try (EmbeddedAwsServer server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults());
             KmsClient kms = client(server)) {
            server.faults().serverError("TrentService.ListKeys", 1);

            KmsException thrown = catchThrowableOfType(KmsException.class, kms::listKeys);

            assertThat(thrown).isInstanceOf(KmsInternalException.class);
            assertThat(thrown.statusCode()).isEqualTo(500);
        }
    }

    @Test
    void keysAndAliases_surviveAServerRestart_onTheSameDataDirectory() throws Exception {
        EmbeddedAwsServer.Options options = EmbeddedAwsServer.Options.defaults().withDataDirectory(dataDirectory);
        String keyId;
        byte[] publicKey;
        try (EmbeddedAwsServer server = EmbeddedAwsServer.start(options); KmsClient kms = client(server)) {
            keyId = kms.createKey(r -> r.keyUsage(KeyUsageType.SIGN_VERIFY).keySpec(KeySpec.ECC_NIST_EDWARDS25519))
                    .keyMetadata().keyId();
            kms.createAlias(r -> r.aliasName("alias/ssh-ca").targetKeyId(keyId));
            publicKey = kms.getPublicKey(r -> r.keyId(keyId)).publicKey().asByteArray();
        }

        try (EmbeddedAwsServer server = EmbeddedAwsServer.start(options); KmsClient kms = client(server)) {
            byte[] signature = kms.sign(r -> r.keyId("alias/ssh-ca").message(SdkBytes.fromUtf8String("cert body"))
                    .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.ED25519_SHA_512))
                    .signature().asByteArray();

            assertThat(kms.describeKey(r -> r.keyId("alias/ssh-ca")).keyMetadata().keyId()).isEqualTo(keyId);
            assertThat(JcaVerifier.verify(publicKey, "ED25519_SHA_512", "cert body".getBytes(), signature)).isTrue();
        }
    }

    private static KmsClient client(EmbeddedAwsServer server) {
        return KmsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }
}
