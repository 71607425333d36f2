package dev.airlock.local;

import dev.airlock.app.aws.AwsClients;
import dev.airlock.app.config.AirlockConfig;
import dev.airlock.aws.dynamodb.NotificationConfigItemStore;
import dev.airlock.aws.dynamodb.TableNames;
import dev.airlock.core.port.NotificationConfigStore;
import dev.airlock.core.port.RoleFile;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * local-up's {@code --webhook}/{@code --slack-webhook}: writes the local notify secrets file (mode 0600,
 * the same JSON object as the AWS secret) and a routing file that sends every event to the given targets,
 * applied through the audited path ({@code notifications.applied}) like the role file. The webhook's HMAC
 * key comes from {@code --webhook-secret-file} or is generated once into {@value #GENERATED_KEY_FILE}
 * (0600), for the receiver to verify with.
 */
final class LocalNotifications {

    static final String SECRETS_FILE = "notify-secrets.json";
    static final String GENERATED_KEY_FILE = "webhook-secret";
    static final String WEBHOOK = "local-webhook";
    static final String SLACK = "local-slack";
    static final String ACTOR = "local-up";

    /** What local-up prepared: the secrets file for the runner's environment and the routing to apply. */
    record Prepared(Path secretsFile, String routingYaml, Optional<Path> webhookKeyFile) {
    }

    private LocalNotifications() {
    }

    /** Empty when no notification flag was given. */
    static Optional<Prepared> prepare(LocalUpOptions.Notifications flags, Path home) {
        if (!flags.any()) {
            return Optional.empty();
        }
        try {
            ObjectNode secrets = JsonMapper.builder().build().createObjectNode();
            Optional<Path> keyFile = Optional.empty();
            if (flags.webhook().isPresent()) {
                keyFile = Optional.of(flags.webhookSecretFile().orElse(home.resolve(GENERATED_KEY_FILE)));
                secrets.put(WEBHOOK + "-url", flags.webhook().get().toString());
                secrets.put(WEBHOOK + "-key", webhookKey(flags.webhookSecretFile(), home));
            }
            flags.slackWebhook().ifPresent(url -> secrets.put(SLACK + "-url", url.toString()));
            Path file = home.resolve(SECRETS_FILE);
            writeOwnerOnly(file, secrets.toString());
            return Optional.of(new Prepared(file, routing(flags), keyFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local notify secrets in " + home, e);
        }
    }

    /**
     * The secrets file an earlier {@code local-up --webhook …} wrote, when this start has no notification
     * flag: the routing it applied is still in force, and without its secrets every delivery would fail
     * and be redelivered for ever.
     */
    static Optional<Path> earlierSecretsFile(Path home) {
        Path file = home.resolve(SECRETS_FILE);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Applies {@code yaml} through the audited path, unless exactly this file is in force already. */
    static void apply(AirlockConfig config, String yaml, Clock clock) {
        try (AwsClients clients = new AwsClients(config); DynamoDbClient dynamoDb = clients.dynamoDb()) {
            NotificationConfigItemStore store = new NotificationConfigItemStore(dynamoDb,
                    new TableNames(config.requestsTable(), config.auditTable()), clock);
            Optional<NotificationConfigStore.StoredNotifications> current = store.load();
            if (current.isEmpty() || !current.get().sha256().equals(RoleFile.sha256(yaml))) {
                store.apply(yaml, ACTOR);
            }
        }
    }

    static String routing(LocalUpOptions.Notifications flags) {
        StringBuilder yaml = new StringBuilder("# written by local-up: every event to the targets given on its command line\n")
                .append("targets:\n");
        if (flags.webhook().isPresent()) {
            yaml.append("  ").append(WEBHOOK).append(":\n    type: webhook\n    url_secret: ").append(WEBHOOK)
                    .append("-url\n    signing_secret: ").append(WEBHOOK).append("-key\n");
        }
        if (flags.slackWebhook().isPresent()) {
            yaml.append("  ").append(SLACK).append(":\n    type: slack\n    url_secret: ").append(SLACK).append("-url\n");
        }
        List<String> targets = new java.util.ArrayList<>();
        flags.webhook().ifPresent(w -> targets.add(WEBHOOK));
        flags.slackWebhook().ifPresent(w -> targets.add(SLACK));
        return yaml.append("routes:\n  - events: [\"*\"]\n    targets: [").append(String.join(", ", targets))
                .append("]\n").toString();
    }

    private static String webhookKey(Optional<Path> given, Path home) throws IOException {
        if (given.isPresent()) {
            String key = Files.readString(given.get(), StandardCharsets.UTF_8).strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("--webhook-secret-file " + given.get() + " is empty");
            }
            return key;
        }
        Path generated = home.resolve(GENERATED_KEY_FILE);
        if (Files.exists(generated)) {
            return Files.readString(generated, StandardCharsets.UTF_8).strip();
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String hex = HexFormat.of().formatHex(key);
        writeOwnerOnly(generated, hex + "\n");
        return hex;
    }

    /** Written to a 0600 temporary file first, then moved: the content is never readable by others. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".notify", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
