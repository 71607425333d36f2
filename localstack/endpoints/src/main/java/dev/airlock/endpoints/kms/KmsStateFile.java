package dev.airlock.endpoints.kms;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The embedded KMS's data directory: one file, {@value #FILE_NAME}, holding every key (metadata,
 * PKCS#8 private key, SubjectPublicKeyInfo) and alias. Each change rewrites it whole into a
 * temporary file in the same directory, forces it to disk, then renames it over the old one
 * atomically, so a crash leaves either the old state or the new one, never half of either.
 * The file is readable by its owner only where the file system has POSIX permissions.
 *
 * <p>This is development data, not a key store: the private keys are not encrypted at rest.
 */
final class KmsStateFile {

    static final String FILE_NAME = "kms-state.json";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final String FORMAT = "airlock-kms/1";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path directory;
    private final Path file;

    KmsStateFile(Path directory) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    /** The stored state (empty if there is none yet), after removing temporary files a crash left behind. */
    KmsState load() {
        try {
            Files.createDirectories(directory);
            deleteLeftoverTemporaryFiles();
            if (!Files.exists(file)) {
                return KmsState.empty();
            }
            return decode(JSON.readTree(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded KMS state " + file, e);
        } catch (JacksonException | GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("the embedded KMS state " + file + " is not readable: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** Replaces the stored state with {@code state}, atomically. */
    void save(KmsState state) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(encode(state));
        Path temporary = Files.createTempFile(directory, FILE_NAME + ".", TEMP_SUFFIX, ownerOnly());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static ObjectNode encode(KmsState state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode keys = root.putArray("keys");
        for (KmsKey key : state.keys().values()) {
            ObjectNode node = keys.addObject();
            node.put("KeyId", key.keyId());
            node.put("KeySpec", key.spec().name());
            node.put("CreationDate", key.creationDate().toString());
            node.put("Description", key.description());
            node.put("KeyState", key.state().wireName());
            key.deletionDate().ifPresent(date -> node.put("DeletionDate", date.toString()));
            ArrayNode tags = node.putArray("Tags");
            key.tags().forEach(tag -> tags.addObject().put("TagKey", tag.key()).put("TagValue", tag.value()));
            node.put("PrivateKey", Base64.getEncoder().encodeToString(key.material().privateKeyPkcs8()));
            node.put("PublicKey", Base64.getEncoder().encodeToString(key.material().publicKeyDer()));
        }
        ArrayNode aliases = root.putArray("aliases");
        for (KmsAlias alias : state.aliases().values()) {
            aliases.addObject()
                    .put("AliasName", alias.name())
                    .put("TargetKeyId", alias.targetKeyId())
                    .put("CreationDate", alias.creationDate().toString())
                    .put("LastUpdatedDate", alias.lastUpdatedDate().toString());
        }
        return root;
    }

    private static KmsState decode(JsonNode root) throws GeneralSecurityException {
        if (!FORMAT.equals(root.path("format").asString(""))) {
            throw new IllegalArgumentException("unknown format " + root.path("format").asString(""));
        }
        TreeMap<String, KmsKey> keys = new TreeMap<>();
        for (JsonNode node : root.path("keys")) {
            KmsKey key = decodeKey(node);
            keys.put(key.keyId(), key);
        }
        TreeMap<String, KmsAlias> aliases = new TreeMap<>();
        for (JsonNode node : root.path("aliases")) {
            KmsAlias alias = new KmsAlias(text(node, "AliasName"), text(node, "TargetKeyId"),
                    Instant.parse(text(node, "CreationDate")), Instant.parse(text(node, "LastUpdatedDate")));
            aliases.put(alias.name(), alias);
        }
        return new KmsState(keys, aliases);
    }

    private static KmsKey decodeKey(JsonNode node) throws GeneralSecurityException {
        KmsKeySpec spec = KmsKeySpec.valueOf(text(node, "KeySpec"));
        KeyMaterial material = KeyMaterial.decode(spec, Base64.getDecoder().decode(text(node, "PrivateKey")),
                Base64.getDecoder().decode(text(node, "PublicKey")));
        List<KmsTag> tags = new ArrayList<>();
        for (JsonNode tag : node.path("Tags")) {
            tags.add(new KmsTag(text(tag, "TagKey"), text(tag, "TagValue")));
        }
        Optional<Instant> deletionDate = node.hasNonNull("DeletionDate")
                ? Optional.of(Instant.parse(text(node, "DeletionDate"))) : Optional.empty();
        return new KmsKey(text(node, "KeyId"), spec, Instant.parse(text(node, "CreationDate")),
                text(node, "Description"), KeyState.ofWireName(text(node, "KeyState")), deletionDate, tags, material);
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException("missing " + member);
        }
        return value.stringValue();
    }

    private void deleteLeftoverTemporaryFiles() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, FILE_NAME + ".*" + TEMP_SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, and then the rename must do. */
    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the file itself is already forced and atomically in place
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
