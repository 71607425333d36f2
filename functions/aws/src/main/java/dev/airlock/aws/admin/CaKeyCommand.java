package dev.airlock.aws.admin;

import dev.airlock.aws.dynamodb.DynamoDbAuditLog;
import dev.airlock.aws.dynamodb.TableNames;
import dev.airlock.aws.kms.KmsCertificateAuthority;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.CaKeyRecords.CaKey;
import dev.airlock.core.usecase.RegisterCaKey;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The CA key in KMS as the admin tool sees it: {@code ca register} records it on chain {@code ca}
 * (idempotent; what a deployment runs once the stack made the key, so that {@code verify} has a record
 * before the first certificate), and {@code verify} reads the public key the deployment serves
 * ({@code GET /ca} is KMS GetPublicKey of the same key) to compare it with the newest record.
 */
final class CaKeyCommand {

    private CaKeyCommand() {
    }

    /** The key behind {@code options.caKeyId()}, read with a KMS client of its own. */
    static <T> T withCaKey(AdminOptions options, AwsCredentialsProvider credentials,
                           Function<KmsCertificateAuthority, T> use) {
        try (KmsClient kms = KmsClient.builder().region(options.region()).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .applyMutation(b -> options.endpoint().ifPresent(b::endpointOverride)).build()) {
            return use.apply(new KmsCertificateAuthority(kms, options.caKeyId().orElseThrow()));
        }
    }

    /** {@code ca register}: records the key unless the newest record names it already. */
    static int register(DynamoDbClient dynamoDb, TableNames tables, AdminOptions options,
                        AwsCredentialsProvider credentials, PrintStream out) {
        CaKey key = withCaKey(options, credentials, KmsCertificateAuthority::describe);
        Optional<AuditRecord> written = new RegisterCaKey(new DynamoDbAuditLog(dynamoDb, tables, Clock.systemUTC()))
                .ensure(key, options.actor());
        out.println(written.map(r -> "registered at ca seq " + r.seq()).orElse("already registered (the last ca record)")
                + ": CA key " + key.keyId() + " (" + key.keySpec() + ", " + key.fingerprint() + ")");
        return AdminMain.OK;
    }
}
