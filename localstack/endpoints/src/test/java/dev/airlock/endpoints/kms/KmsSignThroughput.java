package dev.airlock.endpoints.kms;

import dev.airlock.endpoints.EmbeddedAwsServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * On-demand benchmark, not a test: Sign operations per second per key spec through the AWS SDK v2
 * against the embedded server on loopback, with a number of client threads sharing one client.
 * Prints one line per key spec. Run from the repository root (see docs/ENDPOINTS-KMS.md):
 *
 * <pre>
 * mvn -B -q -pl localstack/endpoints test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.airlock.endpoints.kms.KmsSignThroughput -Dexec.args="4 10"
 * </pre>
 *
 * Arguments: client threads (default 4), seconds measured per key spec (default 10); every spec is
 * warmed up for a third of that before any is measured. The JDK HTTP server the embedded endpoints
 * use waits for delayed ACKs unless {@code -Dsun.net.httpserver.nodelay=true} is set (see the docs).
 */
public final class KmsSignThroughput {

    private record Case(KeySpec spec, SigningAlgorithmSpec algorithm, MessageType type) {
    }

    private static final List<Case> CASES = List.of(
            new Case(KeySpec.ECC_NIST_P256, SigningAlgorithmSpec.ECDSA_SHA_256, MessageType.DIGEST),
            new Case(KeySpec.ECC_NIST_P384, SigningAlgorithmSpec.ECDSA_SHA_384, MessageType.DIGEST),
            new Case(KeySpec.RSA_2048, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, MessageType.DIGEST),
            new Case(KeySpec.RSA_3072, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256, MessageType.DIGEST),
            new Case(KeySpec.RSA_4096, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512, MessageType.DIGEST),
            new Case(KeySpec.ECC_NIST_EDWARDS25519, SigningAlgorithmSpec.ED25519_SHA_512, MessageType.RAW));

    private KmsSignThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        System.out.printf(Locale.ROOT, "Sign through the AWS SDK v2 (URL-connection client) against the embedded "
                + "server: %d client threads, %d s per key spec, %d CPUs, JDK %s%n",
                threads, seconds, Runtime.getRuntime().availableProcessors(), Runtime.version());
        try (EmbeddedAwsServer server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults());
             KmsClient kms = KmsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                     .httpClientBuilder(UrlConnectionHttpClient.builder())
                     .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                     .build()) {
            List<SignRequest> requests = new ArrayList<>();
            for (Case benchmark : CASES) {
                requests.add(request(kms, benchmark));
            }
            for (SignRequest request : requests) {
                run(kms, request, threads, Math.max(1, seconds / 3) * 1000L);
            }
            for (int i = 0; i < CASES.size(); i++) {
                long count = run(kms, requests.get(i), threads, seconds * 1000L);
                System.out.printf(Locale.ROOT, "%-22s %-26s %-6s %9.1f ops/s%n", CASES.get(i).spec(),
                        CASES.get(i).algorithm(), CASES.get(i).type(), count / (double) seconds);
            }
        }
    }

    private static SignRequest request(KmsClient kms, Case benchmark) throws Exception {
        String keyId = kms.createKey(r -> r.keyUsage(KeyUsageType.SIGN_VERIFY).keySpec(benchmark.spec()))
                .keyMetadata().keyId();
        byte[] certificateBody = new byte[1024];
        String algorithm = benchmark.algorithm().toString();
        byte[] message = benchmark.type() == MessageType.RAW ? certificateBody
                : MessageDigest.getInstance("SHA-" + algorithm.substring(algorithm.length() - 3)).digest(certificateBody);
        return SignRequest.builder().keyId(keyId).message(SdkBytes.fromByteArray(message))
                .messageType(benchmark.type()).signingAlgorithm(benchmark.algorithm()).build();
    }

    /** Signs from {@code threads} threads until {@code millis} have passed; returns the signatures made. */
    private static long run(KmsClient kms, SignRequest request, int threads, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    long done = 0;
                    while (System.nanoTime() < deadline) {
                        kms.sign(request);
                        done++;
                    }
                    return done;
                }));
            }
            long total = 0;
            for (Future<Long> result : results) {
                total += result.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
