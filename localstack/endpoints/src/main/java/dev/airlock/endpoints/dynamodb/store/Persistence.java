package dev.airlock.endpoints.dynamodb.store;

import dev.airlock.endpoints.AwsServiceException;
import dev.airlock.endpoints.dynamodb.table.Table;
import dev.airlock.endpoints.dynamodb.value.AttributeValueJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Durable state in a data directory: {@code snapshot.json} (all tables and items, with a
 * generation number) plus {@code journal-<generation>.log} (one line per committed operation:
 * CRC-32, a space, the JSON list of its changes). A commit appends its line and fsyncs before the
 * change is applied in memory. On start the journal is replayed up to the first torn or corrupt
 * line, so an operation interrupted by a crash is absent as a whole — a transaction never half
 * applies. Compaction writes {@code snapshot.json.tmp}, fsyncs it and renames it over the snapshot
 * atomically; only then is the old journal dropped.
 */
final class Persistence implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Persistence.class.getName());
    static final String SNAPSHOT = "snapshot.json";
    static final String SNAPSHOT_TMP = "snapshot.json.tmp";
    private static final long COMPACT_AFTER_BYTES = 64L * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path directory;
    private long generation;
    private FileChannel journal;
    private long journalBytes;

    private Persistence(Path directory) {
        this.directory = directory;
    }

    /** Loads the directory into {@code tables} (snapshot, then journal), then starts a fresh generation. */
    static Persistence open(Path directory, Map<String, Table> tables) throws IOException {
        Files.createDirectories(directory);
        Persistence persistence = new Persistence(directory);
        persistence.load(tables);
        persistence.compact(tables);
        return persistence;
    }

    static String journalName(long generation) {
        return "journal-" + generation + ".log";
    }

    /** Appends one operation's changes and forces them to disk. */
    void append(List<Change> changes) throws IOException {
        ArrayNode list = JSON.createArrayNode();
        changes.forEach(change -> list.add(ChangeJson.toJson(change)));
        byte[] payload = JSON.writeValueAsBytes(list);
        CRC32 crc = new CRC32();
        crc.update(payload);
        byte[] prefix = (Long.toHexString(crc.getValue()) + " ").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer line = ByteBuffer.allocate(prefix.length + payload.length + 1);
        line.put(prefix).put(payload).put((byte) '\n').flip();
        while (line.hasRemaining()) {
            journal.write(line);
        }
        journal.force(false);
        journalBytes += line.limit();
    }

    boolean wantsCompaction() {
        return journalBytes > COMPACT_AFTER_BYTES;
    }

    /** Writes all of {@code tables} as the next generation's snapshot and starts its empty journal. */
    void compact(Map<String, Table> tables) throws IOException {
        long next = generation + 1;
        Path tmp = directory.resolve(SNAPSHOT_TMP);
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            // Bytes first: writing through a stream would let Jackson close it (AUTO_CLOSE_TARGET), and
            // with it the channel, before the force below.
            ByteBuffer snapshot = ByteBuffer.wrap(JSON.writeValueAsBytes(snapshotOf(tables, next)));
            while (snapshot.hasRemaining()) {
                channel.write(snapshot);
            }
            channel.force(true);
        }
        Files.move(tmp, directory.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
        if (journal != null) {
            journal.close();
        }
        Files.deleteIfExists(directory.resolve(journalName(generation)));
        generation = next;
        journal = FileChannel.open(directory.resolve(journalName(generation)), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        journalBytes = 0;
        syncDirectory();
    }

    private ObjectNode snapshotOf(Map<String, Table> tables, long snapshotGeneration) {
        ObjectNode snapshot = JSON.createObjectNode();
        snapshot.put("format", 1).put("generation", snapshotGeneration);
        ArrayNode list = snapshot.putArray("tables");
        for (Table table : tables.values()) {
            ObjectNode entry = list.addObject();
            entry.set("definition", ChangeJson.definitionToJson(table.definition()));
            ArrayNode items = entry.putArray("items");
            table.allItems().forEach(item -> items.add(AttributeValueJson.itemToJson(item)));
            ArrayNode stream = entry.putArray("stream");
            table.stream().all().forEach(record -> stream.add(ChangeJson.recordToJson(record)));
        }
        return snapshot;
    }

    private void load(Map<String, Table> tables) throws IOException {
        Files.deleteIfExists(directory.resolve(SNAPSHOT_TMP));
        Path snapshot = directory.resolve(SNAPSHOT);
        try {
            if (Files.exists(snapshot)) {
                JsonNode root = JSON.readTree(snapshot.toFile());
                generation = root.path("generation").asLong();
                for (JsonNode entry : root.path("tables")) {
                    Change.CreateTable create = new Change.CreateTable(ChangeJson.definitionFromJson(entry.path("definition")));
                    create.applyTo(tables);
                    Table table = tables.get(create.definition().name());
                    for (JsonNode item : entry.path("items")) {
                        table.put(AttributeValueJson.itemFromJson(item));
                    }
                    for (JsonNode record : entry.path("stream")) {
                        table.stream().append(ChangeJson.recordFromJson(record));
                    }
                }
            }
            replay(directory.resolve(journalName(generation)), tables);
        } catch (AwsServiceException | JacksonException e) {
            throw new IOException("unreadable DynamoDB data in " + directory + ": " + e.getMessage(), e);
        }
        deleteStaleJournals();
    }

    private void replay(Path journalFile, Map<String, Table> tables) throws IOException, AwsServiceException {
        if (!Files.exists(journalFile)) {
            return;
        }
        byte[] content = Files.readAllBytes(journalFile);
        int start = 0;
        int replayed = 0;
        while (start < content.length) {
            int end = indexOf(content, (byte) '\n', start);
            List<Change> changes = end < 0 ? null : parseLine(new String(content, start, end - start, StandardCharsets.UTF_8));
            if (changes == null) {
                LOG.log(System.Logger.Level.WARNING, "{0}: ignoring a torn or corrupt record at byte {1} and all after it"
                        + " (an operation interrupted by a crash)", journalFile, start);
                return;
            }
            for (Change change : changes) {
                change.applyTo(tables);
            }
            replayed++;
            start = end + 1;
        }
        LOG.log(System.Logger.Level.DEBUG, "{0}: replayed {1} operations", journalFile, replayed);
    }

    private static List<Change> parseLine(String line) throws AwsServiceException {
        int space = line.indexOf(' ');
        if (space <= 0) {
            return null;
        }
        byte[] payload = line.substring(space + 1).getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(payload);
        if (!Long.toHexString(crc.getValue()).equals(line.substring(0, space))) {
            return null;
        }
        List<Change> changes = new java.util.ArrayList<>();
        for (JsonNode change : JSON.readTree(payload)) {
            changes.add(ChangeJson.fromJson(change));
        }
        return changes;
    }

    private static int indexOf(byte[] content, byte b, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private void deleteStaleJournals() throws IOException {
        try (DirectoryStream<Path> journals = Files.newDirectoryStream(directory, "journal-*.log")) {
            for (Path file : journals) {
                if (!file.getFileName().toString().equals(journalName(generation))) {
                    Files.delete(file);
                }
            }
        }
    }

    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot fsync a directory; the rename is still atomic there.
        }
    }

    @Override
    public void close() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }
}
