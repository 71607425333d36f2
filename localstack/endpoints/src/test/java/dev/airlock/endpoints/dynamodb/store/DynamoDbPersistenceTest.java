package dev.airlock.endpoints.dynamodb.store;

import dev.airlock.endpoints.EmbeddedAwsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static dev.airlock.endpoints.dynamodb.DynamoDbTestClients.client;
import static dev.airlock.endpoints.dynamodb.DynamoDbTestClients.createTable;
import static dev.airlock.endpoints.dynamodb.DynamoDbTestClients.item;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durability: a restart keeps tables and items; a crash (simulated by copying the data directory
 * while the server runs, which is what the disk holds at that moment) loses nothing committed and
 * never leaves half a transaction.
 */
class DynamoDbPersistenceTest {

    private static final String TABLE = "requests";

    @TempDir
    Path root;

    private static EmbeddedAwsServer start(Path dataDirectory) {
        return EmbeddedAwsServer.start(EmbeddedAwsServer.Options.defaults().withDataDirectory(dataDirectory));
    }

    /**
     * Runs {@code writes} on a server over a fresh data directory and returns a copy of that
     * directory taken while the server still runs: what the disk holds if the process died then.
     */
    private Path crashAfter(Consumer<DynamoDbClient> writes) throws IOException {
        Path data = root.resolve("data");
        Path crashed = root.resolve("crashed");
        try (EmbeddedAwsServer server = start(data); DynamoDbClient dynamo = client(server)) {
            createTable(dynamo, TABLE);
            writes.accept(dynamo);
            copy(data, crashed);
        }
        return crashed;
    }

    private static String value(DynamoDbClient dynamo, String id, String attribute) {
        var item = dynamo.getItem(r -> r.tableName(TABLE).key(item("id", id))).item();
        return item.containsKey(attribute) ? item.get(attribute).s() + item.get(attribute).n() : null;
    }

    @Test
    void restart_keepsTablesItemsIndexesAndTtl() {
        Path data = root.resolve("data");
        try (EmbeddedAwsServer server = start(data); DynamoDbClient dynamo = client(server)) {
            createTable(dynamo, TABLE);
            dynamo.updateTimeToLive(r -> r.tableName(TABLE).timeToLiveSpecification(s -> s.attributeName("ttl").enabled(true)));
            dynamo.putItem(r -> r.tableName(TABLE).item(item("id", "a", "state", "OPEN")));
            dynamo.putItem(r -> r.tableName(TABLE).item(item("id", "b", "state", "OPEN")));
            dynamo.deleteItem(r -> r.tableName(TABLE).key(item("id", "b")));
        }
        try (EmbeddedAwsServer server = start(data); DynamoDbClient dynamo = client(server)) {
            assertThat(dynamo.listTables().tableNames()).containsExactly(TABLE);
            assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(item("id", "a"))).item()).containsKey("state");
            assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(item("id", "b"))).hasItem()).isFalse();
            assertThat(dynamo.query(r -> r.tableName(TABLE).indexName("byState").keyConditionExpression("#s = :s")
                    .expressionAttributeNames(java.util.Map.of("#s", "state"))
                    .expressionAttributeValues(item(":s", "OPEN"))).count()).isEqualTo(1);
            assertThat(dynamo.describeTimeToLive(r -> r.tableName(TABLE)).timeToLiveDescription().attributeName())
                    .isEqualTo("ttl");
        }
    }

    @Test
    void crash_keepsEveryCommittedWrite() throws IOException {
        Path crashed = crashAfter(dynamo -> {
            for (int i = 0; i < 20; i++) {
                int n = i;
                dynamo.putItem(r -> r.tableName(TABLE).item(item("id", "k" + n, "v", n)));
            }
        });
        try (EmbeddedAwsServer server = start(crashed); DynamoDbClient dynamo = client(server)) {
            assertThat(dynamo.scan(r -> r.tableName(TABLE)).count()).isEqualTo(20);
        }
    }

    @Test
    void crashWhileATransactionWasWritten_leavesNoneOfIt() throws IOException {
        Path crashed = crashAfter(dynamo -> {
            dynamo.putItem(r -> r.tableName(TABLE).item(item("id", "request", "version", 1)));
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().update(Update.builder().tableName(TABLE).key(item("id", "request"))
                            .updateExpression("SET version = :two").expressionAttributeValues(item(":two", 2)).build()).build(),
                    TransactWriteItem.builder().put(Put.builder().tableName(TABLE)
                            .item(item("id", "audit-2", "v", 2)).build()).build()));
        });
        Path journal = journalOf(crashed.resolve("dynamodb"));
        byte[] content = Files.readAllBytes(journal);
        // The transaction is the journal's last line; cut it in the middle as a crash during its write would.
        int lastLineStart = lastIndexOf(content, (byte) '\n', content.length - 2) + 1;
        Files.write(journal, Arrays.copyOf(content, lastLineStart + (content.length - lastLineStart) / 2));

        try (EmbeddedAwsServer server = start(crashed); DynamoDbClient dynamo = client(server)) {
            assertThat(value(dynamo, "request", "version")).isEqualTo("null1");
            assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(item("id", "audit-2"))).hasItem()).isFalse();
        }
    }

    @Test
    void crashBetweenSnapshotWriteAndRename_keepsTheOldConsistentState() throws IOException {
        Path crashed = crashAfter(dynamo -> dynamo.putItem(r -> r.tableName(TABLE).item(item("id", "a", "v", 1))));
        // A snapshot being written when the process died: incomplete, never renamed into place.
        Files.writeString(crashed.resolve("dynamodb").resolve(Persistence.SNAPSHOT_TMP), "{\"format\":1,\"generation\":9,\"tab");
        // And a stale journal of an older generation that a crash after the rename could leave behind.
        Files.writeString(crashed.resolve("dynamodb").resolve(Persistence.journalName(0)), "garbage\n");

        try (EmbeddedAwsServer server = start(crashed); DynamoDbClient dynamo = client(server)) {
            assertThat(value(dynamo, "a", "v")).isEqualTo("null1");
        }
        assertThat(crashed.resolve("dynamodb").resolve(Persistence.SNAPSHOT_TMP)).doesNotExist();
        assertThat(crashed.resolve("dynamodb").resolve(Persistence.journalName(0))).doesNotExist();
    }

    @Test
    void aCorruptJournalRecord_endsTheReplayThere() throws IOException {
        Path crashed = crashAfter(dynamo -> {
            dynamo.putItem(r -> r.tableName(TABLE).item(item("id", "kept", "v", 1)));
            dynamo.putItem(r -> r.tableName(TABLE).item(item("id", "lost", "v", 2)));
        });
        Path journal = journalOf(crashed.resolve("dynamodb"));
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        Files.writeString(journal, text.replace("\"lost\"", "\"LOST\""), StandardOpenOption.TRUNCATE_EXISTING);

        try (EmbeddedAwsServer server = start(crashed); DynamoDbClient dynamo = client(server)) {
            assertThat(value(dynamo, "kept", "v")).isEqualTo("null1");
            assertThat(dynamo.scan(r -> r.tableName(TABLE)).count()).isEqualTo(1);
        }
    }

    private static Path journalOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
        }
    }

    private static int lastIndexOf(byte[] content, byte b, int from) {
        for (int i = from; i >= 0; i--) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
