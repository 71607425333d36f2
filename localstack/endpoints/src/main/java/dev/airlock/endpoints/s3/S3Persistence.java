package dev.airlock.endpoints.s3;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the embedded S3 keeps its state: nowhere (in memory), or a directory holding one file per
 * object version under {@code objects/} (written and fsynced first, never changed) and
 * {@code state.json} with every bucket and version's metadata, replaced atomically after each
 * write. A crash therefore loses at most the write in progress, never a written version.
 */
public final class S3Persistence {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String STATE = "state.json";

    private final Optional<Path> directory;

    private S3Persistence(Optional<Path> directory) {
        this.directory = directory;
    }

    public static S3Persistence inMemory() {
        return new S3Persistence(Optional.empty());
    }

    public static S3Persistence in(Path directory) {
        return new S3Persistence(Optional.of(directory));
    }

    void load(Map<String, Bucket> buckets) {
        if (directory.isEmpty() || !Files.exists(directory.get().resolve(STATE))) {
            return;
        }
        try {
            JsonNode root = JSON.readTree(directory.get().resolve(STATE).toFile());
            for (JsonNode b : root.path("buckets")) {
                Bucket bucket = new Bucket(b.path("name").asString(), Instant.parse(b.path("created").asString()),
                        b.path("objectLock").asBoolean());
                if (b.path("versioning").asBoolean()) {
                    bucket.enableVersioning();
                }
                JsonNode rule = b.get("defaultRetention");
                if (rule != null) {
                    bucket.defaultRetention(Optional.of(new Bucket.DefaultRetention(rule.path("mode").asString(),
                            rule.path("days").asInt(), rule.path("years").asInt())));
                }
                for (JsonNode v : b.path("versions")) {
                    String key = v.path("key").asString();
                    bucket.add(key, version(v));
                }
                buckets.put(bucket.name(), bucket);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable S3 data in " + directory.get() + ": " + e.getMessage(), e);
        }
    }

    void save(Map<String, Bucket> buckets) throws S3Exception {
        if (directory.isEmpty()) {
            return;
        }
        try {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode list = root.putArray("buckets");
            for (Bucket bucket : buckets.values()) {
                list.add(bucketToJson(bucket));
            }
            Path tmp = directory.get().resolve(STATE + ".tmp");
            write(tmp, JSON.writeValueAsBytes(root));
            Files.move(tmp, directory.get().resolve(STATE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UncheckedIOException e) {
            throw new S3Exception("InternalError", "We encountered an internal error. Please try again.", 500);
        }
    }

    private ObjectNode bucketToJson(Bucket bucket) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", bucket.name()).put("created", bucket.created().toString())
                .put("objectLock", bucket.objectLockEnabled()).put("versioning", bucket.versioningEnabled());
        bucket.defaultRetention().ifPresent(rule -> node.putObject("defaultRetention").put("mode", rule.mode())
                .put("days", rule.days()).put("years", rule.years()));
        ArrayNode versions = node.putArray("versions");
        for (Map.Entry<String, List<ObjectVersion>> entry : bucket.allVersions().entrySet()) {
            for (ObjectVersion version : entry.getValue()) {
                Path file = contentFile(bucket.name(), entry.getKey(), version.versionId());
                if (!Files.exists(file)) {
                    Files.createDirectories(file.getParent());
                    write(file, version.content());
                }
                ObjectNode v = versions.addObject();
                v.put("key", entry.getKey()).put("id", version.versionId()).put("marker", version.deleteMarker())
                        .put("etag", version.etag()).put("type", version.contentType())
                        .put("modified", version.lastModified().toString()).put("file", directory.orElseThrow().relativize(file).toString());
                version.metadata().forEach(v.putObject("metadata")::put);
                version.retention().ifPresent(r -> v.putObject("retention").put("mode", r.mode())
                        .put("until", r.retainUntil().toString()));
            }
        }
        return node;
    }

    private ObjectVersion version(JsonNode v) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        v.path("metadata").properties().forEach(e -> metadata.put(e.getKey(), e.getValue().asString()));
        JsonNode r = v.get("retention");
        Optional<Retention> retention = r == null ? Optional.empty()
                : Optional.of(new Retention(r.path("mode").asString(), Instant.parse(r.path("until").asString())));
        byte[] content = Files.readAllBytes(directory.orElseThrow().resolve(v.path("file").asString()));
        return new ObjectVersion(v.path("id").asString(), v.path("marker").asBoolean(), content,
                v.path("etag").asString(), v.path("type").asString(), Instant.parse(v.path("modified").asString()),
                metadata, retention);
    }

    /** A version's file: the bucket's folder, then a hash of key and version id (any key is a safe name). */
    private Path contentFile(String bucket, String key, String versionId) {
        byte[] hash = PayloadDecoder.digest("SHA-256", (key + "\n" + versionId).getBytes(StandardCharsets.UTF_8));
        return directory.orElseThrow().resolve("objects").resolve(bucket).resolve(HexFormat.of().formatHex(hash));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
