package dev.airlock.endpoints.dynamodb;

import dev.airlock.endpoints.EmbeddedAwsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.airlock.endpoints.dynamodb.DynamoDbTestClients.item;
import static org.assertj.core.api.Assertions.assertThat;

/** Many client threads against one server: conditional writes are atomic, transactions isolated. */
class DynamoDbConcurrencyTest {

    private static final String TABLE = "concurrency";
    private static final int THREADS = 16;

    private static EmbeddedAwsServer server;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        server = EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults());
        dynamo = DynamoDbTestClients.client(server);
        DynamoDbTestClients.createTable(dynamo, TABLE);
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        server.close();
    }

    private static <T> List<T> inParallel(int tasks, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void conditionalIncrements_stopExactlyAtTheLimit() throws Exception {
        dynamo.putItem(r -> r.tableName(TABLE).item(item("id", "counter", "c", 0)));

        List<Boolean> succeeded = inParallel(200, () -> {
            try {
                dynamo.updateItem(r -> r.tableName(TABLE).key(item("id", "counter")).updateExpression("SET c = c + :one")
                        .conditionExpression("c < :limit").expressionAttributeValues(item(":one", 1, ":limit", 50)));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        });

        assertThat(succeeded.stream().filter(b -> b).count()).isEqualTo(50);
        assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(item("id", "counter"))).item().get("c").n()).isEqualTo("50");
    }

    @Test
    void compareAndSwapOnAVersion_letsExactlyOneWriterWinEachVersion() throws Exception {
        dynamo.putItem(r -> r.tableName(TABLE).item(item("id", "cas", "version", 0)));

        List<Integer> wins = inParallel(THREADS, () -> {
            int won = 0;
            for (int attempt = 0; attempt < 30; attempt++) {
                String current = dynamo.getItem(r -> r.tableName(TABLE).key(item("id", "cas")).consistentRead(true))
                        .item().get("version").n();
                long next = Long.parseLong(current) + 1;
                try {
                    dynamo.updateItem(r -> r.tableName(TABLE).key(item("id", "cas")).updateExpression("SET version = :next")
                            .conditionExpression("version = :current")
                            .expressionAttributeValues(item(":next", next, ":current", Long.parseLong(current))));
                    won++;
                } catch (ConditionalCheckFailedException lost) {
                    // another writer took this version
                }
            }
            return won;
        });

        int total = wins.stream().mapToInt(Integer::intValue).sum();
        assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(item("id", "cas"))).item().get("version").n())
                .isEqualTo(String.valueOf(total));
    }

    @Test
    void transfersInTransactions_keepTheSumForEveryConcurrentReader() throws Exception {
        dynamo.putItem(r -> r.tableName(TABLE).item(item("id", "from", "balance", 100)));
        dynamo.putItem(r -> r.tableName(TABLE).item(item("id", "to", "balance", 0)));
        TransactWriteItem debit = TransactWriteItem.builder().update(Update.builder().tableName(TABLE)
                .key(item("id", "from")).updateExpression("SET balance = balance - :one")
                .conditionExpression("balance >= :one").expressionAttributeValues(item(":one", 1)).build()).build();
        TransactWriteItem credit = TransactWriteItem.builder().update(Update.builder().tableName(TABLE)
                .key(item("id", "to")).updateExpression("SET balance = balance + :one")
                .expressionAttributeValues(item(":one", 1)).build()).build();
        AtomicBoolean sumBroken = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                var responses = dynamo.transactGetItems(r -> r.transactItems(
                        TransactGetItem.builder().get(Get.builder().tableName(TABLE).key(item("id", "from")).build()).build(),
                        TransactGetItem.builder().get(Get.builder().tableName(TABLE).key(item("id", "to")).build()).build()))
                        .responses();
                int sum = Integer.parseInt(responses.get(0).item().get("balance").n())
                        + Integer.parseInt(responses.get(1).item().get("balance").n());
                sumBroken.compareAndSet(false, sum != 100);
            }
        });
        reader.start();

        List<Boolean> committed = inParallel(150, () -> {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(debit, credit));
                return true;
            } catch (TransactionCanceledException e) {
                return false;
            }
        });
        reader.interrupt();
        reader.join();

        assertThat(committed.stream().filter(b -> b).count()).isEqualTo(100);
        assertThat(sumBroken).isFalse();
        assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(item("id", "to"))).item().get("balance").n()).isEqualTo("100");
    }
}
