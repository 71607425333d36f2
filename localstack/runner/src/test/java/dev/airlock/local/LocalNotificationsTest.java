package dev.airlock.local;

import dev.airlock.aws.notify.FileNotifySecrets;
import dev.airlock.core.notify.EventType;
import dev.airlock.core.notify.NotificationConfig;
import dev.airlock.core.notify.NotificationConfigParser;
import dev.airlock.core.notify.NotificationTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LocalNotificationsTest {

    @TempDir
    Path home;

    private static LocalUpOptions.Notifications flags(Optional<Path> keyFile, boolean slack) {
        return new LocalUpOptions.Notifications(Optional.of(URI.create("http://127.0.0.1:9/hook")), keyFile,
                slack ? Optional.of(URI.create("http://127.0.0.1:9/slack")) : Optional.empty());
    }

    @Test
    void prepare_shouldWriteAnOwnerOnlySecretsFile_andRouteEveryEventToEachTarget() throws IOException {
        Path key = Files.writeString(home.resolve("given-key"), "test-only-hmac-key\n");

        LocalNotifications.Prepared prepared = LocalNotifications.prepare(flags(Optional.of(key), true), home)
                .orElseThrow();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(prepared.secretsFile())))
                .isEqualTo("rw-------");
        FileNotifySecrets secrets = new FileNotifySecrets(prepared.secretsFile());
        assertThat(secrets.value("local-webhook-key")).contains("test-only-hmac-key");
        assertThat(secrets.value("local-webhook-url")).contains("http://127.0.0.1:9/hook");
        assertThat(secrets.value("local-slack-url")).contains("http://127.0.0.1:9/slack");
        NotificationConfig routing = NotificationConfigParser.parse(prepared.routingYaml());
        for (EventType type : EventType.values()) {
            assertThat(routing.targetsFor(type)).extracting(NotificationTarget::name)
                    .containsExactly("local-webhook", "local-slack");
        }
        assertThat(prepared.routingYaml()).doesNotContain("127.0.0.1").doesNotContain("test-only-hmac-key");
    }

    @Test
    void prepare_withoutAKeyFile_shouldGenerateOneOnce_ownerOnly() throws IOException {
        LocalNotifications.Prepared first = LocalNotifications.prepare(flags(Optional.empty(), false), home).orElseThrow();
        String key = Files.readString(home.resolve(LocalNotifications.GENERATED_KEY_FILE)).strip();
        LocalNotifications.prepare(flags(Optional.empty(), false), home);

        assertThat(key).matches("[0-9a-f]{64}");
        assertThat(Files.readString(home.resolve(LocalNotifications.GENERATED_KEY_FILE)).strip()).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                home.resolve(LocalNotifications.GENERATED_KEY_FILE)))).isEqualTo("rw-------");
        assertThat(new FileNotifySecrets(first.secretsFile()).value("local-webhook-key")).contains(key);
        assertThat(first.webhookKeyFile()).contains(home.resolve(LocalNotifications.GENERATED_KEY_FILE));
    }

    @Test
    void aLaterStartWithoutFlags_shouldKeepTheEarlierSecretsFile_forTheRoutingStillInForce() throws IOException {
        assertThat(LocalNotifications.earlierSecretsFile(home)).isEmpty();
        LocalNotifications.Prepared first = LocalNotifications.prepare(new LocalUpOptions.Notifications(
                Optional.of(URI.create("http://127.0.0.1:9/hook")), Optional.empty(), Optional.empty()), home).orElseThrow();

        assertThat(LocalNotifications.prepare(LocalUpOptions.Notifications.NONE, home)).isEmpty();
        assertThat(LocalNotifications.earlierSecretsFile(home)).contains(first.secretsFile());
    }

    @Test
    void prepare_withoutFlags_shouldDoNothing() {
        assertThat(LocalNotifications.prepare(LocalUpOptions.Notifications.NONE, home)).isEmpty();
        assertThat(home).isEmptyDirectory();
    }
}
