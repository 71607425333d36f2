package dev.airlock.endpoints.bench;

import dev.airlock.endpoints.EmbeddedAwsServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-process throughput of the embedded endpoints through the real SDK wire path (URL-connection
 * client → loopback HTTP → JSON): PutItem, GetItem, a 25-item Query page on a GSI, a two-action
 * TransactWriteItems shaped like Airlock's (conditional update + conditional put). KMS Sign has
 * its own, per key spec: {@code dev.airlock.endpoints.kms.KmsSignThroughput}. Not a test: run on
 * demand (see docs/ENDPOINTS.md); the numbers depend on the machine.
 *
 * <pre>mvn -B -o -q -pl localstack/endpoints test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.airlock.endpoints.bench.ThroughputBenchmark [-Dexec.args="--seconds 5 --threads 1,4 --durable"]</pre>
 */
public final class ThroughputBenchmark {

    private static final int PRELOADED = 5_000;
    private static final int QUERY_PAGE = 25;

    private final DynamoDbClient dynamo;
    private final AtomicLong sequence = new AtomicLong();

    private ThroughputBenchmark(EmbeddedAwsServer server) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
        dynamo = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static void main(String[] args) throws Exception {
        int seconds = 5;
        List<Integer> threads = List.of(1, 4);
        boolean durable = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = java.util.Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--durable" -> durable = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        EmbeddedAwsServer.Options options = EmbeddedAwsServer.Options.defaults();
        Path data = null;
        if (durable) {
            data = Files.createTempDirectory("airlock-bench");
            options = options.withDataDirectory(data);
        }
        try (EmbeddedAwsServer server = EmbeddedAwsServer.start(options)) {
            ThroughputBenchmark bench = new ThroughputBenchmark(server);
            bench.setUp();
            System.out.printf("Embedded endpoints, %s, %d CPUs, %d s per measurement after a %d s warm-up%n",
                    durable ? "data directory (fsync per write)" : "in memory",
                    Runtime.getRuntime().availableProcessors(), seconds, Math.max(1, seconds / 2));
            System.out.printf("%-28s %8s %12s%n", "operation", "threads", "ops/s");
            for (int t : threads) {
                bench.report("PutItem", t, seconds, bench::putItem);
                bench.report("GetItem", t, seconds, bench::getItem);
                bench.report("Query page (25, GSI)", t, seconds, bench::queryPage);
                bench.report("TransactWriteItems (2)", t, seconds, bench::transaction);
            }
        }
        System.exit(0);
    }

    private void setUp() {
        dynamo.createTable(r -> r.tableName("bench-requests").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("state").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("createdKey").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .globalSecondaryIndexes(g -> g.indexName("byState").projection(p -> p.projectionType("ALL"))
                        .keySchema(k -> k.attributeName("state").keyType(KeyType.HASH),
                                k -> k.attributeName("createdKey").keyType(KeyType.RANGE))));
        dynamo.createTable(r -> r.tableName("bench-audit").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("chain").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("seq").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("chain").keyType(KeyType.HASH), k -> k.attributeName("seq").keyType(KeyType.RANGE)));
        for (int i = 0; i < PRELOADED; i++) {
            Map<String, AttributeValue> item = request("r" + i);
            dynamo.putItem(r -> r.tableName("bench-requests").item(item));
        }
    }

    private static Map<String, AttributeValue> request(String id) {
        return Map.of("id", AttributeValue.fromS(id), "state", AttributeValue.fromS("PENDING"),
                "createdKey", AttributeValue.fromS("2025-06-01T00:00:00Z#" + id), "user", AttributeValue.fromS("alice"),
                "roles", AttributeValue.fromSs(List.of("dba", "sudo")), "reason", AttributeValue.fromS("incident 4711"),
                "version", AttributeValue.fromN("1"));
    }

    private void putItem() {
        Map<String, AttributeValue> item = request("p" + sequence.incrementAndGet());
        dynamo.putItem(r -> r.tableName("bench-requests").item(item).conditionExpression("attribute_not_exists(id)"));
    }

    private void getItem() {
        String id = "r" + ThreadLocalRandom.current().nextInt(PRELOADED);
        dynamo.getItem(r -> r.tableName("bench-requests").key(Map.of("id", AttributeValue.fromS(id))));
    }

    private void queryPage() {
        dynamo.query(r -> r.tableName("bench-requests").indexName("byState").limit(QUERY_PAGE)
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("PENDING"))));
    }

    private void transaction() {
        long seq = sequence.incrementAndGet();
        String id = "r" + ThreadLocalRandom.current().nextInt(PRELOADED);
        TransactWriteItem bump = TransactWriteItem.builder().update(Update.builder().tableName("bench-requests")
                .key(Map.of("id", AttributeValue.fromS(id))).updateExpression("SET version = version + :one")
                .conditionExpression("attribute_exists(id)")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))).build()).build();
        TransactWriteItem audit = TransactWriteItem.builder().put(Put.builder().tableName("bench-audit")
                .item(Map.of("chain", AttributeValue.fromS("bench"), "seq", AttributeValue.fromN(Long.toString(seq)),
                        "event", AttributeValue.fromS("APPROVED"), "hash", AttributeValue.fromS("ab".repeat(32))))
                .conditionExpression("attribute_not_exists(seq)").build()).build();
        dynamo.transactWriteItems(r -> r.transactItems(bump, audit));
    }

    private void report(String name, int threads, int seconds, Runnable operation) throws Exception {
        run(threads, Duration.ofSeconds(Math.max(1, seconds / 2)), operation);
        long count = run(threads, Duration.ofSeconds(seconds), operation);
        System.out.printf("%-28s %8d %12.0f%n", name, threads, count / (double) seconds);
    }

    private static long run(int threads, Duration duration, Runnable operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + duration.toNanos();
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    long done = 0;
                    while (System.nanoTime() < end) {
                        operation.run();
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
            pool.shutdown();
        }
    }
}
