package dev.airlock.aws.admin;

import dev.airlock.aws.dynamodb.DynamoDbAuditLog;
import dev.airlock.aws.dynamodb.TableNames;
import dev.airlock.aws.kms.KmsCertificateAuthority;
import dev.airlock.core.audit.AuditRecord;
import dev.airlock.core.audit.CaKeyRecords.CaKey;
import dev.airlock.core.usecase.RegisterCaKey;
import dev.airlock.domain.error.InvalidRequestException;
import dev.airlock.ssh.SshPublicKey;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

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

    /**
     * The fingerprint of the CA public key the deployment serves: with {@code --ca-key}, KMS GetPublicKey of
     * that key (what {@code GET /ca} returns; the stack's key policy lets only the {@code sign} role call
     * it), else with {@code --ca-url} the public {@code GET <url>/ca} itself; empty with neither.
     */
    static Optional<String> servedFingerprint(AdminOptions options, AwsCredentialsProvider credentials) {
        if (options.caKeyId().isPresent()) {
            return Optional.of(withCaKey(options, credentials, ca -> ca.publicKey().fingerprint()));
        }
        return options.caUrl().map(CaKeyCommand::fetch);
    }

    private static String fetch(URI api) {
        URI ca = URI.create(api.toString().replaceAll("/+$", "") + "/ca");
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(ca).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + ca + " answered HTTP " + response.statusCode());
            }
            return SshPublicKey.parse(response.body().strip()).fingerprint();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + ca + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + ca);
        } catch (InvalidRequestException e) {
            throw new IllegalStateException("GET " + ca + " did not answer with one SSH public key");
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
